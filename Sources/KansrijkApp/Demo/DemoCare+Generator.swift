import Fluent
import Vapor

extension DemoCare {
    /// Benchmark volumes (issue #4): `clients` clients spread over organisations of 500 clients each,
    /// 2.5 referrals and 10 audit events per client, with consents and involvements, written in
    /// batches. The audit events continue the real hash chain, so `audit verify` still passes.
    /// Signs in as `bench@zeist.demo` (professional at the first bench organisation).
    @discardableResult
    static func generate(clients n: Int, passwordHash: String, on db: any Database, now: Date) async throws -> Int {
        let perOrganisation = 500
        let orgCount = max(3, (n + perOrganisation - 1) / perOrganisation)
        let orgs = (0..<orgCount).map { i in
            Organisation(id: StableID.make("bench:org:\(i)"), name: "Bench organisatie \(i)", kind: .jgz,
                         description: "Gegenereerd voor de benchmark", municipalityCode: DemoCatalog.zeist)
        }
        try await orgs.create(on: db)
        let users = try orgs.enumerated().map { i, o in
            User(id: StableID.make("bench:user:\(i)"), email: "bench\(i == 0 ? "" : String(i))@zeist.demo", name: "Bench \(i)",
                 passwordHash: passwordHash, role: .professional, organisationID: try o.requireID())
        }
        try await users.create(on: db)
        var chain = try await AuditEvent.query(on: db).sort(\.$sequence, .descending).first().map { ($0.sequence, $0.hash) } ?? (0, AuditLog.genesis)
        let statuses = ReferralStatus.allCases
        let batch = 400
        for start in stride(from: 0, to: n, by: batch) {
            let previous = chain
            chain = try await db.writeTransaction { db in
                var chain = previous
                var clients: [CareClient] = [], involvements: [ClientInvolvement] = [], consents: [Consent] = []
                var covers: [ConsentOrganisation] = [], referrals: [Referral] = [], events: [ReferralEvent] = [], audits: [AuditEvent] = []
                for i in start..<min(start + batch, n) {
                    let org = i % orgCount, user = users[org]
                    let receivers = [(org + 1) % orgCount, (org + 2) % orgCount]
                    let created = now.addingTimeInterval(-Double(i % 600) * 86_400)
                    let client = CareClient(id: StableID.make("bench:client:\(i)"), code: String(format: "KB-%07d", i), name: "B.\(i)",
                                            birthDate: CalendarDay.day(year: 1990 + i % 15, month: 1 + i % 12, day: 1 + i % 28)!,
                                            municipalityCode: DemoCatalog.zeist, expectedBirthDate: created.addingTimeInterval(200 * 86_400),
                                            language: "nl", createdByOrganisationID: try orgs[org].requireID())
                    clients.append(client)
                    let consent = Consent(id: StableID.make("bench:consent:\(i)"), clientID: client.id!, givenBy: .client, purposes: [.refer, .mdo],
                                          validFrom: created, validUntil: nil, recordedHow: .verbal, recordedByID: user.id!)
                    consents.append(consent)
                    involvements.append(ClientInvolvement(clientID: client.id!, organisationID: orgs[org].id!, reason: .created, since: created, consentID: nil))
                    for r in receivers {
                        covers.append(ConsentOrganisation(consentID: consent.id!, organisationID: orgs[r].id!))
                        involvements.append(ClientInvolvement(clientID: client.id!, organisationID: orgs[r].id!, reason: .referral, since: created, consentID: consent.id))
                    }
                    // 2.5 referrals per client on average: two always, a third for every other client
                    for k in 0..<(i % 2 == 0 ? 3 : 2) {
                        let referral = Referral.generated(
                            id: StableID.make("bench:referral:\(i):\(k)"), client: client.id!, from: orgs[org].id!,
                            to: orgs[receivers[k % 2]].id!, by: user.id!,
                            service: StableID.make("bench:service:\(k)"), named: "Bench dienst \(k)",
                            consent: consent.id!, status: statuses[(i + k) % statuses.count], at: created.addingTimeInterval(Double(k) * 3600))
                        referrals.append(referral)
                        events.append(ReferralEvent(referralID: referral.id!, from: nil, to: .requested, at: referral.requestedAt, reason: nil, user: user))
                    }
                    for e in 0..<10 {
                        let event = AuditEvent()
                        event.sequence = chain.0 + 1
                        event.occurredAt = Date(timeIntervalSince1970: Double(AuditLog.milliseconds(created.addingTimeInterval(Double(e) * 60))) / 1000)
                        event.action = e == 0 ? .create : .read
                        event.clientID = client.id
                        event.userID = user.id!
                        event.userEmail = user.email
                        event.organisationID = orgs[org].id!
                        event.basis = AccessBasis.ownInvolvement.logValue
                        event.what = e == 0 ? "client record" : "client page"
                        event.previousHash = chain.1
                        event.hash = AuditLog.hash(of: event)
                        chain = (event.sequence, event.hash)
                        audits.append(event)
                    }
                }
                try await clients.create(on: db)
                try await consents.create(on: db)
                try await covers.create(on: db)
                try await involvements.create(on: db)
                try await referrals.create(on: db)
                try await events.create(on: db)
                try await audits.create(on: db)
                return chain
            }
        }
        return n
    }
}

extension Referral {
    /// A generated referral for the bench and load generators: reason and agreement "Gegenereerd",
    /// requested and last changed at `at`.
    static func generated(id: UUID, client: UUID, from: UUID, to: UUID, by user: UUID, service: UUID, named: String,
                          consent: UUID, status: ReferralStatus, at: Date) -> Referral {
        let referral = Referral()
        referral.id = id
        referral.$client.id = client
        referral.$referringOrganisation.id = from
        referral.$receivingOrganisation.id = to
        referral.$referredBy.id = user
        referral.serviceID = service
        referral.serviceName = named
        referral.reason = "Gegenereerd"
        referral.agreed = "Gegenereerd"
        referral.consentID = consent
        referral.status = status
        referral.requestedAt = at
        referral.statusChangedAt = at
        return referral
    }
}
