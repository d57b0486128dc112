import Fluent
import Foundation

/// The care room's process figures for the progress report (issue #5 "process figures of the care
/// issue where they exist"): screenings by level, referrals by outcome, time to first contact,
/// MDO cases and volunteer matches of a year, for the clients living in the report's
/// municipalities. Only counts leave the room, and a count below 10 is shown as "< 10".
struct CareProcessFigures: ProcessFigureSource {
    static let source = "Kansrijk (zorg)"

    func figures(municipalities: [String]?, year: Int, on db: any Database) async throws -> [ProcessFigure] {
        let (start, end) = Self.yearBounds(year)
        var figures: [ProcessFigure] = []

        let screenings = try await Screening.query(on: db).join(CareClient.self, on: \Screening.$client.$id == \CareClient.$id)
            .filter(\.$status == .completed).filter(\.$completedAt >= start).filter(\.$completedAt < end)
            .inMunicipalities(municipalities).all()
        figures.append(Self.count("Signaleringen afgerond", screenings.count))
        for level in VulnerabilityLevel.allCases {
            let n = screenings.filter { ($0.adjustedLevel ?? $0.computedLevel) == level }.count
            figures.append(Self.count("Signaleringen met uitkomst \(Self.levelLabel(level))", n))
        }

        let referrals = try await Referral.query(on: db).join(CareClient.self, on: \Referral.$client.$id == \CareClient.$id)
            .filter(\.$requestedAt >= start).filter(\.$requestedAt < end)
            .inMunicipalities(municipalities).all()
        figures.append(Self.count("Verwijzingen verstuurd", referrals.count))
        for (status, label) in Self.statusLabels {
            figures.append(Self.count("Verwijzingen nu \(label)", referrals.filter { $0.status == status }.count))
        }
        // referrals by phone, e-mail or elsewhere count once their sender recorded the day of contact (issue #15)
        figures.append(Self.count("Verwijzingen buiten Kansrijk (telefoon, e-mail of elders)", referrals.filter { $0.channel != .kansrijk }.count))
        let days = referrals.compactMap { r in r.firstContactAt.map { $0.timeIntervalSince(r.requestedAt) / 86_400 } }
        figures.append(ProcessFigure(label: "Dagen tot eerste contact (mediaan)",
                                     value: days.count < Suppression.threshold ? "< \(Suppression.threshold) verwijzingen" : ReportNumber.dutch(Self.median(days)),
                                     source: Self.source))

        let cases = try await MDOCase.query(on: db).join(MDOMeeting.self, on: \MDOCase.$meeting.$id == \MDOMeeting.$id)
            .join(CareClient.self, on: \MDOCase.$client.$id == \CareClient.$id)
            .filter(MDOMeeting.self, \.$startsAt >= start).filter(MDOMeeting.self, \.$startsAt < end)
            .inMunicipalities(municipalities).count()
        figures.append(Self.count("Casussen besproken in het MDO", cases))

        let matches = try await VolunteerMatch.query(on: db).join(VolunteerRequest.self, on: \VolunteerMatch.$request.$id == \VolunteerRequest.$id)
            .join(CareClient.self, on: \VolunteerRequest.$client.$id == \CareClient.$id)
            .filter(\.$startOn >= start).filter(\.$startOn < end)
            .inMunicipalities(municipalities).count()
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

private extension QueryBuilder {
    /// Only clients living in `codes` (nil: the whole country). The query must join `CareClient`.
    func inMunicipalities(_ codes: [String]?) -> Self {
        guard let codes else { return self }
        return filter(CareClient.self, \.$municipalityCode ~~ codes)
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

        let screenings = try await Screening.query(on: db).join(CareClient.self, on: \Screening.$client.$id == \CareClient.$id)
            .filter(\.$status == .completed).filter(\.$completedAt >= start).filter(\.$completedAt < end)
            .inMunicipalities(municipalities).all()
        for s in screenings {
            guard let at = s.completedAt, let level = s.adjustedLevel ?? s.computedLevel else { continue }
            counts.add(.screening(level.rawValue), at: at)
        }

        let referrals = try await Referral.query(on: db).join(CareClient.self, on: \Referral.$client.$id == \CareClient.$id)
            .filter(\.$requestedAt >= start).filter(\.$requestedAt < end)
            .inMunicipalities(municipalities).all()
        for r in referrals {
            counts.add(.referral(ProcessCounts.outcome(r.status)), at: r.requestedAt)
            if let contact = r.firstContactAt { counts.addContactDays(contact.timeIntervalSince(r.requestedAt) / 86_400, at: r.requestedAt) }
        }

        let meetings = try await MDOCase.query(on: db).join(MDOMeeting.self, on: \MDOCase.$meeting.$id == \MDOMeeting.$id)
            .join(CareClient.self, on: \MDOCase.$client.$id == \CareClient.$id)
            .filter(MDOMeeting.self, \.$startsAt >= start).filter(MDOMeeting.self, \.$startsAt < end)
            .inMunicipalities(municipalities).all()
        for m in meetings { counts.add(.mdo, at: try m.joined(MDOMeeting.self).startsAt) }

        let matches = try await VolunteerMatch.query(on: db).join(VolunteerRequest.self, on: \VolunteerMatch.$request.$id == \VolunteerRequest.$id)
            .join(CareClient.self, on: \VolunteerRequest.$client.$id == \CareClient.$id)
            .filter(\.$startOn >= start).filter(\.$startOn < end)
            .inMunicipalities(municipalities).all()
        for m in matches { counts.add(.volunteers, at: m.startOn) }
        return counts
    }
}
