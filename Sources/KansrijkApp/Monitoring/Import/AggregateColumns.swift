import Foundation

/// Which column of an aggregate file holds what (0-based). Guessed from the header names that
/// Dutch Excel sheets and CBS/Perined tables use; the import page lets the user correct it.
struct AggregateColumns: Sendable, Equatable, Codable {
    var area: Int?
    var period: Int?
    var numerator: Int?
    var denominator: Int?
    var value: Int?

    /// The columns a header names, by the usual Dutch and English names.
    static func guess(header: [String]) -> AggregateColumns {
        let names = header.map { $0.lowercased().trimmingCharacters(in: .whitespaces) }
        func column(_ candidates: [String]) -> Int? { names.firstIndex { candidates.contains($0) } }
        return AggregateColumns(area: column(AggregateImporter.areaNames), period: column(AggregateImporter.periodNames),
                                numerator: column(AggregateImporter.numeratorNames), denominator: column(AggregateImporter.denominatorNames),
                                value: column(AggregateImporter.valueNames))
    }

    /// Columns chosen twice: one column cannot be both the numerator and the denominator.
    var repeated: [Int] {
        let chosen = [area, period, numerator, denominator, value].compactMap { $0 }
        return Array(Set(chosen.filter { c in chosen.filter { $0 == c }.count > 1 })).sorted()
    }
}
