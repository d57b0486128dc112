import Fluent
import Vapor

/// Issue 15 in the demo: the coordinators of Zeist and Apeldoorn are the named decision-makers for
/// extra care; two Zeist families have a request (one approved, financed by the municipality and
/// settled; one waiting since this morning) and three a prenatal home visit. Written as rows, as
/// history: no mail goes out for them.
enum DemoExtraCare {
    static let deciders = [("zeist", "coordinator@zeist.demo"), ("apeldoorn", "coordinator@apeldoorn.demo")]

    static func load(on db: any Database, now: Date) async throws {
        for (slug, email) in deciders {
            guard let user = try await User.find(email: email, on: db) else { continue }
            try await ExtraCareDecider(id: StableID.make("demo:extracare:decider:\(slug)"), coalitionID: DemoData.coalitionID(slug),
                                       userID: try user.requireID()).create(on: db)
        }
        guard let midwife = try await User.find(email: "professional@zeist.demo", on: db),
              let coordinator = try await User.find(email: "coordinator@zeist.demo", on: db) else { return }
        let clients = try await CareClient.query(on: db).filter(\.$createdByOrganisation.$id == midwife.$organisation.id)
            .filter(\.$municipalityCode == DemoCatalog.zeist).sort(\.$code).all()
        guard clients.count >= 3 else { return }
        let hour: TimeInterval = 3600, today = CalendarDay.day(at: now)
        let approved = request(clients[0], by: midwife, at: now.addingTimeInterval(-20 * 24 * hour), care: "Kraamzorg blijft langer",
                               provider: "Kraamzorg Zeist", unit: .days, amount: 3,
                               reason: "Huiselijk geweld in het gezin; de kraamverzorgende is de enige vaste hulp in huis.")
        approved.status = .approved
        approved.decidedBy = try coordinator.requireID()
        approved.decidedByName = coordinator.name
        approved.decidedAt = approved.requestedAt.addingTimeInterval(3 * hour)
        approved.grantedAmount = 3
        approved.financer = .gemeente
        approved.settledCents = 142_500
        approved.settledOn = today.addingTimeInterval(-5 * 24 * hour)
        approved.settledBy = try coordinator.requireID()
        try await approved.create(on: db)
        try await request(clients[1], by: midwife, at: now.addingTimeInterval(-2 * hour), care: "Extra uren kraamzorg",
                          provider: "Kraamzorg Zeist", unit: .hours, amount: 16,
                          reason: "Moeder herstelt slecht na de bevalling en heeft geen netwerk.").create(on: db)
        for (i, state) in [HomeVisitState.held, .planned, .offered].enumerated() {
            let visit = PrenatalHomeVisit(clientID: try clients[i].requireID(), organisationID: DemoData.orgID("jgz-zeist"),
                                          userID: try midwife.requireID(), now: now)
            visit.record(.offered, on: today.addingTimeInterval(-Double(30 - i) * 24 * hour))
            if state != .offered { visit.record(state, on: today.addingTimeInterval(state == .planned ? 7 * 24 * hour : -10 * 24 * hour)) }
            try await visit.create(on: db)
        }
    }

    private static func request(_ client: CareClient, by user: User, at: Date, care: String, provider: String, unit: ExtraCareUnit,
                                amount: Int, reason: String) -> ExtraCareRequest {
        let r = ExtraCareRequest()
        r.id = StableID.make("demo:extracare:\(client.code):\(care)")
        r.clientID = client.id
        r.clientCode = client.code
        r.municipalityCode = client.municipalityCode
        r.$coalition.id = DemoData.coalitionID("zeist")
        r.$organisation.id = user.$organisation.id
        r.requestedBy = user.id ?? UUID()
        r.requestedByName = user.name
        r.requestedAt = at
        r.care = care
        r.provider = provider
        r.unit = unit
        r.amount = amount
        r.reason = reason
        r.status = .open
        return r
    }
}
