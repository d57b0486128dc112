import Fluent
import Foundation

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
        let rows = try await MonitoringCount.query(on: db).filter(\.$element == "nnz_gesprekken").filter(\.$year ~~ Array(years))
            .filter(\.$breakdown == "").all()
        for row in rows {
            guard let period = Period(row.period), period.kind != .year, areas.currentCode(for: row.areaCode).map(wanted.contains) == true,
                  let i = quarters.firstIndex(where: { $0.contains(period) }) else { continue }
            counts.add(.nnz, quarter: i, count: row.count)
        }
        return counts
    }
}
