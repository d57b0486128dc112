import Fluent
import Foundation
import SQLKit

/// The care room's process figures for the progress report (issue #5 "process figures of the care
/// issue where they exist"): screenings by level, referrals by outcome, time to first contact,
/// MDO cases and volunteer matches of a year, for the clients living in the report's
/// municipalities. Only counts leave the room, and a count below 10 is shown as "< 10".
struct CareProcessFigures: ProcessFigureSource {
    static let source = "Kansrijk (zorg)"

    func figures(municipalities: [String]?, year: Int, on db: any Database) async throws -> [ProcessFigure] {
        let (start, end) = Self.yearBounds(year)
        var figures: [ProcessFigure] = []

        let screenings = try await Self.screenings(municipalities: municipalities, from: start, to: end, on: db)
        figures.append(Self.count("Signaleringen afgerond", screenings.count))
        for level in VulnerabilityLevel.allCases {
            figures.append(Self.count("Signaleringen met uitkomst \(Self.levelLabel(level))", screenings.filter { $0.level == level }.count))
        }

        let referrals = try await Self.referrals(municipalities: municipalities, from: start, to: end, on: db)
        figures.append(Self.count("Verwijzingen verstuurd", referrals.count))
        for (status, label) in Self.statusLabels {
            figures.append(Self.count("Verwijzingen nu \(label)", referrals.filter { $0.status == status }.count))
        }
        // referrals by phone, e-mail or elsewhere count once their sender recorded the day of contact (issue #15)
        figures.append(Self.count("Verwijzingen buiten Kansrijk (telefoon, e-mail of elders)", referrals.filter { $0.channel != .kansrijk }.count))
        let days = referrals.compactMap(\.contactDays)
        figures.append(ProcessFigure(label: "Dagen tot eerste contact (mediaan)",
                                     value: days.count < Suppression.threshold ? "< \(Suppression.threshold) verwijzingen" : ReportNumber.dutch(Self.median(days)),
                                     source: Self.source))

        let cases = try await Self.mdoDays(municipalities: municipalities, from: start, to: end, on: db).count
        figures.append(Self.count("Casussen besproken in het MDO", cases))

        let matches = try await Self.matchDays(municipalities: municipalities, from: start, to: end, on: db).count
        figures.append(Self.count("Vrijwilligers gekoppeld aan een gezin", matches))
        // a year in which the care room recorded nothing for these municipalities adds no lines,
        // so the report says "nog geen gegevens" rather than a column of "< 10"
        return screenings.isEmpty && referrals.isEmpty && cases == 0 && matches == 0 ? [] : figures
    }

    static let statusLabels: [(ReferralStatus, String)] = [
        (.requested, "aangevraagd"), (.accepted, "geaccepteerd"), (.inProgress, "lopend"), (.onHold, "in de wacht"),
        (.completed, "afgerond"), (.rejected, "afgewezen"), (.cancelled, "geannuleerd"), (.failed, "mislukt"),
    ]

    static func levelLabel(_ level: VulnerabilityLevel) -> String {
        switch level {
        case .niet: "niet kwetsbaar"
        case .potentieel: "potentieel kwetsbaar"
        case .kwetsbaar: "kwetsbaar"
        case .zeerKwetsbaar: "zeer kwetsbaar"
        }
    }

    /// A published count: below the threshold it is not shown (domain rule: no figure on fewer than 10 people).
    static func count(_ label: String, _ n: Int) -> ProcessFigure {
        ProcessFigure(label: label, value: n < Suppression.threshold ? "< \(Suppression.threshold)" : String(n), source: source)
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        let mid = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
    }

    /// 1 January of `year` and of the next year, in the Netherlands.
    static func yearBounds(_ year: Int) -> (Date, Date) {
        (CalendarDay.day(year: year, month: 1, day: 1)!, CalendarDay.day(year: year + 1, month: 1, day: 1)!)
    }
}

extension CareProcessFigures {
    /// The care room's work per quarter for the dashboard's process section (issue 5, review gap 2):
    /// only counts per quarter leave the room, never a client. Quarters are those of `quarters`,
    /// reckoned in Dutch time; records outside them are not counted.
    func quarterly(municipalities: [String], quarters: [Period], on db: any Database) async throws -> ProcessCounts {
        var counts = ProcessCounts(quarters: quarters)
        guard let first = quarters.first, let last = quarters.last, let (start, _) = ProcessCounts.bounds(first),
              let (_, end) = ProcessCounts.bounds(last), !municipalities.isEmpty else { return counts }
        for s in try await Self.screenings(municipalities: municipalities, from: start, to: end, on: db) {
            guard let level = s.level else { continue }
            counts.add(.screening(level.rawValue), at: s.completedAt)
        }
        for r in try await Self.referrals(municipalities: municipalities, from: start, to: end, on: db) {
            counts.add(.referral(ProcessCounts.outcome(r.status)), at: r.requestedAt)
            if let days = r.contactDays { counts.addContactDays(days, at: r.requestedAt) }
        }
        for day in try await Self.mdoDays(municipalities: municipalities, from: start, to: end, on: db) { counts.add(.mdo, at: day) }
        for day in try await Self.matchDays(municipalities: municipalities, from: start, to: end, on: db) { counts.add(.volunteers, at: day) }
        return counts
    }
}

/// The few columns the process figures count, read with SQL rather than as Fluent models: a
/// dashboard of a municipality with 1,500 referrals spent most of its 180 ms decoding whole
/// `Referral` models through reflection (bench/README.md, "The whole country", session 13).
extension CareProcessFigures {
    struct ScreeningRow: Sendable {
        var completedAt: Date
        var level: VulnerabilityLevel?
    }

    struct ReferralRow: Sendable {
        var requestedAt: Date
        var status: ReferralStatus
        var channel: ReferralChannel
        var firstContactAt: Date?

        /// Days from the request to the first contact, when there was one.
        var contactDays: Double? { firstContactAt.map { $0.timeIntervalSince(requestedAt) / 86_400 } }
    }

    /// Completed screenings of clients living in `municipalities` (nil: everywhere), completed in [start, end).
    static func screenings(municipalities: [String]?, from start: Date, to end: Date, on db: any Database) async throws -> [ScreeningRow] {
        let query: SQLQueryString = """
            SELECT s.completed_at, s.adjusted_level, s.computed_level FROM care_screenings s JOIN care_clients c ON c.id = s.client_id \
            WHERE s.status = \(bind: ScreeningStatus.completed.rawValue) AND s.completed_at >= \(bind: start) AND s.completed_at < \(bind: end)\(livingIn(municipalities))
            """
        return try await db.readAll(query, pool: nil) { row in
            let level = try row.decode(column: "adjusted_level", as: String?.self) ?? row.decode(column: "computed_level", as: String?.self)
            return ScreeningRow(completedAt: try row.decode(column: "completed_at", as: Date.self), level: level.flatMap(VulnerabilityLevel.init(rawValue:)))
        }
    }

    /// Referrals of clients living in `municipalities` (nil: everywhere), requested in [start, end).
    static func referrals(municipalities: [String]?, from start: Date, to end: Date, on db: any Database) async throws -> [ReferralRow] {
        let query: SQLQueryString = """
            SELECT r.requested_at, r.status, r.channel, r.first_contact_at FROM care_referrals r JOIN care_clients c ON c.id = r.client_id \
            WHERE r.requested_at >= \(bind: start) AND r.requested_at < \(bind: end)\(livingIn(municipalities))
            """
        return try await db.readAll(query, pool: nil) { row in
            ReferralRow(requestedAt: try row.decode(column: "requested_at", as: Date.self), status: try row.decodeRaw("status", as: ReferralStatus.self),
                        channel: try row.decode(column: "channel", as: String?.self).flatMap(ReferralChannel.init(rawValue:)) ?? .kansrijk,
                        firstContactAt: try row.decode(column: "first_contact_at", as: Date?.self))
        }
    }

    /// The meeting day of each MDO case of a client living in `municipalities`, meetings in [start, end).
    static func mdoDays(municipalities: [String]?, from start: Date, to end: Date, on db: any Database) async throws -> [Date] {
        let query: SQLQueryString = """
            SELECT m.starts_at FROM care_mdo_cases k JOIN care_mdo_meetings m ON m.id = k.meeting_id JOIN care_clients c ON c.id = k.client_id \
            WHERE m.starts_at >= \(bind: start) AND m.starts_at < \(bind: end)\(livingIn(municipalities))
            """
        return try await db.readAll(query, pool: nil) { try $0.decode(column: "starts_at", as: Date.self) }
    }

    /// The start day of each volunteer match for a client living in `municipalities`, starting in [start, end).
    static func matchDays(municipalities: [String]?, from start: Date, to end: Date, on db: any Database) async throws -> [Date] {
        let query: SQLQueryString = """
            SELECT v.start_on FROM care_volunteer_matches v JOIN care_volunteer_requests q ON q.id = v.request_id JOIN care_clients c ON c.id = q.client_id \
            WHERE v.start_on >= \(bind: start) AND v.start_on < \(bind: end)\(livingIn(municipalities))
            """
        return try await db.readAll(query, pool: nil) { try $0.decode(column: "start_on", as: Date.self) }
    }

    /// " AND c.municipality_code IN (...)" for the client alias `c`; nothing for the whole country.
    private static func livingIn(_ codes: [String]?) -> SQLQueryString {
        guard let codes else { return "" }
        guard !codes.isEmpty else { return " AND 1 = 0" }
        return " AND c.municipality_code IN (\(binds: codes))"
    }
}
