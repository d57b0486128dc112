import Foundation

/// Births counted per delivered municipality code × year × cell × element, in one flat array.
/// This is all that survives an import: no row per child is kept.
struct BirthAggregate: Sendable {
    static let elementCount = BirthRecord.Element.allCases.count
    static let stride = CellLayout.count * elementCount

    /// (year, delivered municipality code) per slot, in order of first appearance.
    private(set) var slots: [(year: Int, code: String)] = []
    private(set) var counts: [Int32] = []
    private var slotIndex: [Int: Int] = [:]
    private(set) var children = 0

    static func key(year: Int, codeNumber: Int) -> Int { year * 10_000 + codeNumber }

    /// The slot for a year and `GMxxxx` number, made on first use.
    mutating func slot(year: Int, codeNumber: Int, code: @autoclosure () -> String) -> Int {
        let k = Self.key(year: year, codeNumber: codeNumber)
        if let s = slotIndex[k] { return s }
        slots.append((year, code()))
        counts.append(contentsOf: repeatElement(0, count: Self.stride))
        slotIndex[k] = slots.count - 1
        return slots.count - 1
    }

    /// Adds one child: its elements in the total cell and in one cell of each breakdown.
    mutating func add(_ mask: UInt8, slot: Int, cells: (Int, Int, Int)) {
        children += 1
        let base = slot * Self.stride
        counts.withUnsafeMutableBufferPointer { c in
            var m = mask, e = 0
            while m != 0 {
                if m & 1 == 1 {
                    c[base + CellLayout.total * Self.elementCount + e] += 1
                    c[base + cells.0 * Self.elementCount + e] += 1
                    c[base + cells.1 * Self.elementCount + e] += 1
                    c[base + cells.2 * Self.elementCount + e] += 1
                }
                m >>= 1; e += 1
            }
        }
    }

    func count(slot: Int, cell: Int, element: BirthRecord.Element) -> Int {
        Int(counts[slot * Self.stride + cell * Self.elementCount + element.rawValue])
    }

    var years: [Int] { Array(Set(slots.map(\.year))).sorted() }

    /// The rows to store: every total (also zero, so "none" differs from "no data") and the non-zero
    /// breakdown cells, ordered as the `monitoring_counts` unique index orders them (element, code,
    /// period, breakdown, value; byte order), by sorting the few keys rather than the rows.
    func rowsInIndexOrder() -> [(element: String, code: String, year: Int, cell: CellLayout.Cell, count: Int)] {
        let elements = BirthRecord.Element.allCases.sorted { DataElement.births[$0.rawValue].name < DataElement.births[$1.rawValue].name }
        let slotOrder = slots.indices.sorted { (slots[$0].code, String(slots[$0].year)) < (slots[$1].code, String(slots[$1].year)) }
        let cellOrder = CellLayout.cells.indices.sorted { (CellLayout.cells[$0].breakdown, CellLayout.cells[$0].value) < (CellLayout.cells[$1].breakdown, CellLayout.cells[$1].value) }
        var rows: [(element: String, code: String, year: Int, cell: CellLayout.Cell, count: Int)] = []
        rows.reserveCapacity(slots.count * CellLayout.count * Self.elementCount / 2)
        for e in elements {
            let name = DataElement.births[e.rawValue].name
            for s in slotOrder {
                for c in cellOrder {
                    let n = count(slot: s, cell: c, element: e)
                    if n == 0, c != CellLayout.total { continue }
                    rows.append((name, slots[s].code, slots[s].year, CellLayout.cells[c], n))
                }
            }
        }
        return rows
    }

    /// Straight into the engine's cubes (one per year), on today's boundaries.
    func cubes(areas: AreaDimension) -> [Int: CountCube] {
        var cubes: [Int: CountCube] = [:]
        let names = DataElement.births.map(\.name)
        for (s, slot) in slots.enumerated() {
            guard let current = areas.currentCode(for: slot.code), let place = areas.index(of: current) else { continue }
            var cube = cubes[slot.year] ?? CountCube(placeCount: areas.places.count)
            for c in 0..<CellLayout.count {
                for e in 0..<Self.elementCount {
                    cube.add(names[e], place: place, cell: c, Int(counts[s * Self.stride + c * Self.elementCount + e]))
                }
            }
            cubes[slot.year] = cube
        }
        return cubes
    }
}

extension BirthRecord {
    static let educationLevels = ["laag", "midden", "hoog"]

    /// Cell indices in `CellLayout` for the three breakdowns, by arithmetic on its fixed order
    /// (a test checks them against `CellLayout.index`).
    var cellIndices: (Int, Int, Int) {
        let v = 1 + (vulnerable ?? 2)
        let q = 4 + ((incomeQuintile ?? 6) - 1)
        let o = 10 + (education.flatMap { Self.educationLevels.firstIndex(of: $0) } ?? 3)
        return (v, q, o)
    }
}
