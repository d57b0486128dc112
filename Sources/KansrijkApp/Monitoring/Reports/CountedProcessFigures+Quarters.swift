import Fluent
import Foundation
import SQLKit

extension CountedProcessFigures {
    /// The process counts only an import delivers: Nu Niet Zwanger conversations (`nnz_gesprekken`),
    /// by month or quarter. Screenings, referrals, MDO and volunteers come from the care room's own
    /// records (`CareProcessFigures`), so their imported counts are not added a second time here.
    func quarterly(municipalities: [String], quarters: [Period], on db: any Database) async throws -> ProcessCounts {
        var counts = ProcessCounts(quarters: quarters)
        let years = Set(quarters.map(\.year))
        guard !municipalities.isEmpty, !years.isEmpty else { return counts }
        let areas = try await AreaDimension.load(on: db)
        let wanted = Set(municipalities)
        // only the rows of these municipalities and of the former ones merged into them, three
        // columns with SQL (every municipality's rows as Fluent models were most of a dashboard)
        let codes = wanted.union(areas.merges.map(\.former).filter { areas.currentCode(for: $0).map(wanted.contains) == true })
        let rows = try await db.readAll("""
            SELECT area_code, period, count FROM monitoring_counts WHERE element = \(bind: "nnz_gesprekken") AND breakdown = \(bind: "") \
            AND year IN (\(binds: years.sorted())) AND area_code IN (\(binds: codes.sorted()))
            """, pool: nil) { row in
            (area: try row.decode(column: "area_code", as: String.self), period: try row.decode(column: "period", as: String.self),
             count: try row.decode(column: "count", as: Int.self))
        }
        for row in rows {
            guard let period = Period(row.period), period.kind != .year, areas.currentCode(for: row.area).map(wanted.contains) == true,
                  let i = quarters.firstIndex(where: { $0.contains(period) }) else { continue }
            counts.add(.nnz, quarter: i, count: row.count)
        }
        return counts
    }
}
