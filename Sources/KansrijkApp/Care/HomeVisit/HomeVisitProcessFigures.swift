import Fluent
import Foundation

/// The prenatal home visit in the monitor's process figures (issue 15, action line 3.1): visits
/// offered and visits held, per municipality of the client and per quarter of the step's day.
/// A client counts once per figure (one record per client); a figure on fewer than 10 is "< 10".
struct HomeVisitProcessFigures: ProcessFigureSource {
    static let source = "Kansrijk (JGZ)"

    func figures(municipalities: [String]?, year: Int, on db: any Database) async throws -> [ProcessFigure] {
        let (start, end) = CareProcessFigures.yearBounds(year)
        let visits = try await Self.visits(municipalities: municipalities, from: start, to: end, on: db)
        let offered = visits.filter { $0.offeredOn.map { $0 >= start && $0 < end } ?? false }.count
        let held = visits.filter { $0.heldOn.map { $0 >= start && $0 < end } ?? false }.count
        guard offered + held > 0 else { return [] }
        return [CareProcessFigures.count("Prenatale huisbezoeken aangeboden", offered).withSource(Self.source),
                CareProcessFigures.count("Prenatale huisbezoeken afgelegd", held).withSource(Self.source)]
    }

    func quarterly(municipalities: [String], quarters: [Period], on db: any Database) async throws -> ProcessCounts {
        var counts = ProcessCounts(quarters: quarters)
        guard let first = quarters.first, let last = quarters.last, let (start, _) = ProcessCounts.bounds(first),
              let (_, end) = ProcessCounts.bounds(last), !municipalities.isEmpty else { return counts }
        for v in try await Self.visits(municipalities: municipalities, from: start, to: end, on: db) {
            // stored days are midnight UTC: noon of that day falls in the right Dutch quarter
            if let day = v.offeredOn { counts.add(.homeVisitOffered, at: day.addingTimeInterval(12 * 3600)) }
            if let day = v.heldOn { counts.add(.homeVisitHeld, at: day.addingTimeInterval(12 * 3600)) }
        }
        return counts
    }

    /// Visits of clients in the municipalities (nil: everywhere) offered or held in [start, end).
    static func visits(municipalities: [String]?, from start: Date, to end: Date, on db: any Database) async throws -> [PrenatalHomeVisit] {
        var q = PrenatalHomeVisit.query(on: db).join(CareClient.self, on: \PrenatalHomeVisit.$client.$id == \CareClient.$id)
            .group(.or) { or in
                or.group(.and) { $0.filter(\.$offeredOn >= start).filter(\.$offeredOn < end) }
                or.group(.and) { $0.filter(\.$heldOn >= start).filter(\.$heldOn < end) }
            }
        if let municipalities { q = q.filter(CareClient.self, \.$municipalityCode ~~ municipalities) }
        return try await q.all()
    }
}

extension ProcessFigure {
    func withSource(_ source: String) -> ProcessFigure { ProcessFigure(label: label, value: value, source: source) }
}
