import Fluent
import Foundation
import Vapor

/// The coalition indicators (`coalitie_aanwezig`, `gezamenlijk_plan`, `nnz_beschikbaar`,
/// `prenataal_huisbezoek`) from the national overview's own facts: one count per municipality and
/// element (0 or 1) for the current year, so the engine sums them to regions, provinces, coalitions
/// and the country exactly as the national overview's `NationalFigures` does (issue #3: "figures
/// computed here are exactly what the monitoring issue will reuse"). Rewritten whole whenever
/// participation changes (demo, an edit, an import).
enum NationalFigureCounts {
    static let source = "landelijk overzicht"
    static let elements = ["gemeenten", "gemeenten_beantwoord", "gemeenten_coalitie", "gemeenten_gezamenlijk_plan",
                           "gemeenten_nnz", "gemeenten_prenataal_huisbezoek"]

    static func rows(_ entries: [NationalFigures.Entry], year: Int) -> [CountStore.Row] {
        entries.flatMap { e -> [CountStore.Row] in
            let values = [1, e.answered ? 1 : 0, e.hasCoalition ? 1 : 0, e.hasJointPlan ? 1 : 0, e.hasNNZ ? 1 : 0, e.hasPrenatalVisit ? 1 : 0]
            return zip(elements, values).map { element, value in
                CountStore.Row(element: element, areaCode: e.code, period: String(year), year: year,
                               breakdown: "", breakdownValue: "", count: value)
            }
        }
    }

    /// Replaces this year's counts with what the national overview holds now.
    static func store(on app: Application, now: Date = Date()) async throws {
        let year = Calendar(identifier: .gregorian).component(.year, from: CalendarDay.day(at: now))
        let entries = try await NationalData.load(on: app.db).entries
        try await CountStore.replace(elements: elements, periods: [String(year)], with: rows(entries, year: year), source: source, on: app.db)
        app.monitoringSnapshot.invalidate()
    }
}
