import Fluent
import Foundation

/// Writes the rows of an aggregate import from the import pages, all or nothing. Only the areas in
/// the file are replaced: a coalition's import of its own municipalities must leave every other
/// municipality's figures for the same periods alone (issue 5, review gap 1).
enum AggregateCountWriter {
    static let source = "aggregaat"

    /// Returns the number of counts written (a numerator and, when there is one, a denominator per row).
    static func store(_ rows: [AggregateRow], numerator: String, denominator: String?, on db: any Database) async throws -> Int {
        let elements = [numerator] + (denominator.map { [$0] } ?? [])
        let counts = rows.flatMap { r in
            [count(numerator, r, r.numerator)] + (denominator.flatMap { e in r.denominator.map { [count(e, r, $0)] } } ?? [])
        }
        // per period, so each delete names only the areas the file has for it
        let cells = ReplacedCells(elements: elements, areasByPeriod: Dictionary(grouping: rows, by: \.period.description).mapValues { Set($0.map(\.areaCode)) })
        try await db.writeTransaction { tx in
            try await cells.delete(on: tx)
            for chunk in counts.chunked(500) { try await chunk.create(on: tx) }
            // dashboards of every instance show the new figures (ADR 0040)
            try await ClusterChanges.bump(.monitoring, on: tx)
        }
        return counts.count
    }

    private static func count(_ element: String, _ row: AggregateRow, _ value: Int) -> MonitoringCount {
        let m = MonitoringCount()
        m.element = element; m.areaCode = row.areaCode; m.period = row.period.description; m.year = row.period.year
        m.breakdown = ""; m.breakdownValue = ""; m.count = value; m.source = source
        return m
    }
}
