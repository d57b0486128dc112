import Foundation

/// The fixed cells every count has per area and period: the total, then each breakdown's values
/// in `Breakdown` order (3 + 6 + 4 = 13), so counts live in dense arrays, not dictionaries.
enum CellLayout {
    struct Cell: Sendable, Equatable, Hashable { var breakdown: String; var value: String }

    static let total = 0
    static let cells: [Cell] = [Cell(breakdown: "", value: "")]
        + Breakdown.allCases.flatMap { b in b.values.map { Cell(breakdown: b.rawValue, value: $0) } }
    static let count = cells.count

    /// Cell indices per breakdown: the groups whose sum is the total.
    static let groups: [Breakdown: [Int]] = {
        var start = 1, result: [Breakdown: [Int]] = [:]
        for b in Breakdown.allCases { result[b] = Array(start..<start + b.values.count); start += b.values.count }
        return result
    }()

    private static let index: [Cell: Int] = Dictionary(uniqueKeysWithValues: cells.enumerated().map { ($1, $0) })

    static func index(breakdown: String, value: String) -> Int? { index[Cell(breakdown: breakdown, value: value)] }
}
