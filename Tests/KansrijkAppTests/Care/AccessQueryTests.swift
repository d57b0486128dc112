import Fluent
import Foundation
import Testing
import Vapor
@testable import KansrijkApp

/// The access rule written in SQL (`CareAccess+Query`) must decide exactly as `basis(for:)` does,
/// client by client, at every instant: own records, consents in force, expired, withdrawn or not yet
/// started, ended involvements and break-the-glass grants before, during and after their hours.
@Suite("Care access in SQL agrees with the decision per client", .serialized)
struct AccessQueryTests {
    let now = Date(timeIntervalSince1970: 1_780_000_000)
    let day: TimeInterval = 86_400

    @Test("visible clients, the cheap check and the worklists match basis(for:) at every instant")
    func sqlRuleMatchesDecision() async throws {
        try await withApp { app in
            // setup: one client per situation
            let own = try await ClientFixtures.client(app, name: "A. Eigen", now: now)
            let referred = try await ClientFixtures.client(app, name: "B. Verwezen", now: now)
            _ = try await ClientFixtures.consent(app, client: referred, from: now)
            _ = try await ClientFixtures.referral(app, client: referred, now: now.addingTimeInterval(60))
            let expiring = try await ClientFixtures.client(app, name: "C. Verloopt", now: now)
            _ = try await ClientFixtures.consent(app, client: expiring, from: now, until: now.addingTimeInterval(10 * day))
            _ = try await ClientFixtures.referral(app, client: expiring, now: now.addingTimeInterval(120))
            let withdrawn = try await ClientFixtures.client(app, name: "D. Ingetrokken", now: now)
            let consent = try await ClientFixtures.consent(app, client: withdrawn, from: now)
            _ = try await ClientFixtures.referral(app, client: withdrawn, now: now.addingTimeInterval(180))
            let midwife = try await ClientFixtures.user(ClientFixtures.midwifeEmail, app)
            try await consent.withdraw(by: midwife, on: app.db, now: now.addingTimeInterval(3 * day))
            let later = try await ClientFixtures.client(app, name: "E. Later", now: now.addingTimeInterval(5 * day))
            _ = try await ClientFixtures.consent(app, client: later, from: now.addingTimeInterval(5 * day))
            _ = try await ClientFixtures.referral(app, client: later, now: now.addingTimeInterval(5 * day + 60))
            let urgent = try await ClientFixtures.client(app, name: "F. Spoed", now: now)
            let jgzUser = try await ClientFixtures.user(ClientFixtures.jgzEmail, app)
            try await BreakGlassAccess(clientID: try urgent.requireID(), userID: try jgzUser.requireID(), organisationID: jgzUser.$organisation.id,
                                       reasonKind: .acuteDanger, reason: "Spoed", now: now.addingTimeInterval(day)).create(on: app.db)
            let clients = [own, referred, expiring, withdrawn, later, urgent].map { $0.id! }
            let instants = [-1, 0, 0.5, 1.02, 1.5, 4, 6, 12].map { now.addingTimeInterval($0 * day + 300) }
            let emails = [ClientFixtures.midwifeEmail, ClientFixtures.jgzEmail, ClientFixtures.debtEmail, "admin@kansrijk.demo"]

            for email in emails {
                let access = try await ClientFixtures.access(email, app)
                for at in instants {
                    // act
                    var expected = Set<UUID>()
                    for id in clients where try await access.basis(for: id, on: app.db, now: at) != nil { expected.insert(id) }
                    let visible = try await access.visibleClientIDs(on: app.db, now: at)
                    let among = try await access.visibleClientIDs(among: clients, on: app.db, now: at)
                    let listed = try await access.visibleClients(on: app.db, now: at, limit: 500)
                    let incoming = try await Referral.worklist(for: access, incoming: true, pageSize: 500, on: app.db, now: at).referrals
                    let outgoing = try await Referral.worklist(for: access, incoming: false, pageSize: 500, on: app.db, now: at).referrals
                    let allReferrals = try await Referral.query(on: app.db).sort(\.$requestedAt, .descending).sort(\.$id, .descending).all()

                    // check
                    #expect(visible == expected, "\(email) at \(at)")
                    #expect(among == expected, "\(email) at \(at)")
                    #expect(listed.map(\.code) == listed.map(\.code).sorted())
                    #expect(Set(listed.compactMap(\.id)) == expected)
                    #expect(incoming.map(\.id) == allReferrals.filter { $0.$receivingOrganisation.id == access.organisationID && expected.contains($0.$client.id) }.compactMap(\.id))
                    #expect(outgoing.map(\.id) == allReferrals.filter { $0.$referringOrganisation.id == access.organisationID && expected.contains($0.$client.id) }.compactMap(\.id))
                }
            }
            // the grid covers every situation, so the comparison is not vacuous
            let jgz = try await ClientFixtures.access(ClientFixtures.jgzEmail, app)
            #expect(try await jgz.visibleClientIDs(on: app.db, now: instants[1]) == [referred.id!, expiring.id!, withdrawn.id!])
            #expect(try await jgz.visibleClientIDs(on: app.db, now: instants[3]) == [referred.id!, expiring.id!, withdrawn.id!, urgent.id!])
            #expect(try await jgz.visibleClientIDs(on: app.db, now: instants[7]) == [referred.id!, later.id!])
        }
    }

    @Test("the cheap check is empty for no candidates and ignores unknown ids")
    func amongEdgeCases() async throws {
        try await withApp { app in
            // setup
            let own = try await ClientFixtures.client(app, now: now)
            let midwife = try await ClientFixtures.access(ClientFixtures.midwifeEmail, app)

            // act
            let none = try await midwife.visibleClientIDs(among: [UUID](), on: app.db, now: now)
            let some = try await midwife.visibleClientIDs(among: [own.id!, UUID(), own.id!], on: app.db, now: now)

            // check
            #expect(none.isEmpty)
            #expect(some == [own.id!])
        }
    }
}
