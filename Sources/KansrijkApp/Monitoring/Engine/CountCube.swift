import Fluent
import Foundation

/// Counts for one period on today's municipal boundaries, in memory: per data element a dense
/// array of `places.count × CellLayout.count`. Former municipalities are added to their successor.
struct CountCube: Sendable {
    let placeCount: Int
    private(set) var elements: [String: [Int]] = [:]

    init(placeCount: Int) { self.placeCount = placeCount }

    func has(_ element: String) -> Bool { elements[element] != nil }

    func count(_ element: String, place: Int, cell: Int) -> Int? {
        elements[element].map { $0[place * CellLayout.count + cell] }
    }

    /// Adds a count; `place` is an index into `AreaDimension.places`.
    mutating func add(_ element: String, place: Int, cell: Int, _ n: Int) {
        if elements[element] == nil { elements[element] = Array(repeating: 0, count: placeCount * CellLayout.count) }
        elements[element]![place * CellLayout.count + cell] += n
    }

    /// Element-wise sum, for pooled years.
    mutating func add(_ other: CountCube) {
        for (name, values) in other.elements {
            if var mine = elements[name] {
                for i in mine.indices { mine[i] += values[i] }
                elements[name] = mine
            } else {
                elements[name] = values
            }
        }
    }

    /// Reads the stored counts of one period, mapping delivered codes onto today's municipalities.
    static func load(period: Period, areas: AreaDimension, on db: any Database) async throws -> CountCube {
        var cube = CountCube(placeCount: areas.places.count)
        let rows = try await MonitoringCount.query(on: db).filter(\.$period == period.description).all()
        for r in rows {
            guard let current = areas.currentCode(for: r.areaCode), let place = areas.index(of: current),
                  let cell = CellLayout.index(breakdown: r.breakdown, value: r.breakdownValue) else { continue }
            cube.add(r.element, place: place, cell: cell, r.count)
        }
        return cube
    }
}
