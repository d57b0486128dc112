import Fluent
import Foundation
import Testing
import Vapor
@testable import KansrijkApp

@Suite("Care access: who sees a client", .serialized)
struct AccessDecisionTests {
    let now = Date(timeIntervalSince1970: 1_780_000_000)

    @Test("the creating organisation sees its client; an uninvolved one and an admin do not")
    func involvedAndUninvolved() async throws {
        try await withApp { app in
            // setup
            let client = try await ClientFixtures.client(app, now: now)
            let id = try client.requireID()

            // act
            let midwife = try await ClientFixtures.access(ClientFixtures.midwifeEmail, app).basis(for: id, on: app.db, now: now)
            let jgz = try await ClientFixtures.access(ClientFixtures.jgzEmail, app).basis(for: id, on: app.db, now: now)
            let admin = try await ClientFixtures.access("admin@kansrijk.demo", app).basis(for: id, on: app.db, now: now)

            // check
            #expect(midwife == .ownInvolvement)
            #expect(jgz == nil)
            #expect(admin == nil)
            await #expect(throws: PageError.self) {
                _ = try await ClientFixtures.access(ClientFixtures.jgzEmail, app).require(client: id, on: app.db, now: now)
            }
        }
    }

    @Test("a referral with consent involves the receiver; withdrawal ends it at once; expiry too")
    func consentWithdrawnExpired() async throws {
        try await withApp { app in
            // setup
            let client = try await ClientFixtures.client(app, now: now)
            let id = try client.requireID()
            let until = now.addingTimeInterval(10 * 86_400)
            let consent = try await ClientFixtures.consent(app, client: client, from: now, until: until)
            _ = try await ClientFixtures.referral(app, client: client, now: now)
            let jgz = try await ClientFixtures.access(ClientFixtures.jgzEmail, app)
            let debt = try await ClientFixtures.access(ClientFixtures.debtEmail, app)

            // check: with consent
            #expect(try await jgz.basis(for: id, on: app.db, now: now.addingTimeInterval(60)) == .consent(try consent.requireID()))
            #expect(try await debt.basis(for: id, on: app.db, now: now.addingTimeInterval(60)) == nil)
            #expect(try await jgz.visibleClientIDs(on: app.db, now: now.addingTimeInterval(60)).contains(id))
            // check: expired
            #expect(try await jgz.basis(for: id, on: app.db, now: until.addingTimeInterval(1)) == nil)
            #expect(try await !jgz.visibleClientIDs(on: app.db, now: until.addingTimeInterval(1)).contains(id))

            // act: withdraw
            let midwife = try await ClientFixtures.user(ClientFixtures.midwifeEmail, app)
            try await consent.withdraw(by: midwife, on: app.db, now: now.addingTimeInterval(120))

            // check
            #expect(try await jgz.basis(for: id, on: app.db, now: now.addingTimeInterval(121)) == nil)
            #expect(try await ClientFixtures.access(ClientFixtures.midwifeEmail, app).basis(for: id, on: app.db, now: now.addingTimeInterval(121)) == .ownInvolvement)
            #expect(try await Consent.active(client: id, organisation: ClientFixtures.jgzOrg, purpose: .refer, at: now.addingTimeInterval(121), on: app.db) == nil)
        }
    }

    @Test("a consent for another purpose does not allow a referral")
    func purposeMatters() async throws {
        try await withApp { app in
            let client = try await ClientFixtures.client(app, now: now)
            _ = try await ClientFixtures.consent(app, client: client, from: now, purposes: [.mdo])
            await #expect(throws: ReferralDesk.Refusal.noConsent(organisation: "Jeugdgezondheidszorg Zeist")) {
                _ = try await ClientFixtures.referral(app, client: client, now: now)
            }
            #expect(try await Referral.query(on: app.db).filter(\.$client.$id == client.requireID()).count() == 0)
        }
    }

    @Test("break-the-glass gives one user access for a few hours, then not")
    func breakTheGlass() async throws {
        try await withApp { app in
            // setup
            let client = try await ClientFixtures.client(app, now: now)
            let id = try client.requireID()
            let user = try await ClientFixtures.user(ClientFixtures.debtEmail, app)
            let grant = BreakGlassAccess(clientID: id, userID: try user.requireID(), organisationID: user.$organisation.id, reasonKind: .acuteDanger, reason: "Spoed bij de bevalling", now: now)
            try await grant.create(on: app.db)
            let access = try await CareAccess.load(for: user, on: app.db)

            // check
            #expect(try await access.basis(for: id, on: app.db, now: now.addingTimeInterval(60)) == .breakTheGlass(try grant.requireID()))
            #expect(try await access.basis(for: id, on: app.db, now: now.addingTimeInterval(BreakGlassAccess.duration + 1)) == nil)
            // a colleague of the same organisation gets nothing from it
            let jgz = try await ClientFixtures.access(ClientFixtures.jgzEmail, app)
            #expect(try await jgz.basis(for: id, on: app.db, now: now.addingTimeInterval(60)) == nil)
        }
    }

    @Test("the phase follows from the dates")
    func phase() {
        let day = CalendarDay.day(year: 2026, month: 6, day: 1)!
        let d: TimeInterval = 86_400
        #expect(CareClient.phase(expected: day.addingTimeInterval(250 * d), actual: nil, on: day) == .trimester1)
        #expect(CareClient.phase(expected: day.addingTimeInterval(150 * d), actual: nil, on: day) == .trimester2)
        #expect(CareClient.phase(expected: day.addingTimeInterval(20 * d), actual: nil, on: day) == .trimester3)
        #expect(CareClient.phase(expected: day.addingTimeInterval(400 * d), actual: nil, on: day) == .wish)
        #expect(CareClient.phase(expected: nil, actual: day.addingTimeInterval(-3 * d), on: day) == .maternity)
        #expect(CareClient.phase(expected: nil, actual: day.addingTimeInterval(-100 * d), on: day) == .firstYear)
        #expect(CareClient.phase(expected: nil, actual: day.addingTimeInterval(-500 * d), on: day) == .secondYear)
        #expect(CareClient.phase(expected: nil, actual: day.addingTimeInterval(-800 * d), on: day) == nil)
        #expect(CareClient.phase(expected: nil, actual: nil, on: day) == nil)
    }
}
