import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
@testable import KansrijkApp

/// The national load bench's generator (`kansrijk demo --national-load`) at a tiny scale: it makes
/// the counts asked, continues the audit chain so that `audit verify` accepts it, and its plan
/// names accounts, clients and referrals the bench can really use.
@Suite(.serialized)
struct NationalLoadGeneratorTests {
    @Test func scaledCountsFollowTheNationalVolumes() {
        #expect(NationalLoad.Counts.scaled(1) == .national)
        let tenth = NationalLoad.Counts.scaled(0.1)
        #expect(tenth.clients == 20_000 && tenth.referrals == 50_000 && tenth.auditEvents == 200_000 && tenth.services == 4_000)
        let tiny = NationalLoad.Counts.scaled(0.0001)
        #expect(tiny.organisations == 3 && tiny.coalitions == 1 && tiny.clients == 20 && tiny.referrals == 50 && tiny.auditEvents == 200)
        // shares add up to the total, spread as evenly as whole numbers allow
        #expect((0..<7).map { NationalLoad.share(25, of: 7, for: $0) } == [4, 4, 4, 4, 3, 3, 3])
    }

    @Test func tinyScaleMakesTheCountsAskedAndAValidChain() async throws {
        try await withApp { app in
            let counts = NationalLoad.Counts.scaled(0.0005)
            let before = try await Self.tally(app.db)
            let hash = try await app.password.async.hash(testPassword)
            let plan = try await NationalLoad(counts: counts, passwordHash: hash, now: Date()).generate(on: app.db)
            let after = try await Self.tally(app.db)

            #expect(after.organisations - before.organisations == counts.organisations)
            #expect(after.coalitions - before.coalitions == counts.coalitions)
            #expect(after.services - before.services == counts.services)
            #expect(after.clients - before.clients == counts.clients)
            #expect(after.referrals - before.referrals == counts.referrals)
            #expect(after.auditEvents - before.auditEvents == counts.auditEvents)
            let professionals = try await User.query(on: app.db).filter(\.$email ~~ "@\(NationalLoad.emailDomain)").filter(\.$role == .professional).count()
            #expect(professionals == counts.professionals)
            let coordinators = try await User.query(on: app.db).filter(\.$email ~~ "@\(NationalLoad.emailDomain)").filter(\.$role == .coordinator).count()
            #expect(coordinators == counts.coalitions)
            // ten years of births in the monitor's counts
            let years = Set(try await MonitoringCount.query(on: app.db).filter(\.$source == CountStore.birthsSource).all().map(\.year))
            #expect(Set(2014...2023).isSubset(of: years))

            // the whole chain, demo events and generated ones, verifies; the head is where the counts say
            #expect(try await AuditVerification.verify(on: app.db) == .intact(count: after.auditEvents))
            let head = try #require(try await AuditHead.current(on: app.db, now: Date()))
            #expect(head.sequence == after.auditEvents)
            let report = try await AuditVerification.verify(on: app.db, witness: nil, expecting: head)
            #expect(report.outcome == .intact(count: after.auditEvents))

            // the plan: every planned professional exists, and their clients and referrals are reachable
            #expect(plan.professionals.count == counts.organisations)
            #expect(plan.coordinators.count == counts.coalitions)
            #expect(plan.services.count == counts.services)
            let tsv = plan.tsv()
            #expect(tsv.contains("professional\t\(NationalLoad.professionalEmail(0))\n"))
            let withReferral = try #require(plan.professionals.first { !$0.referrals.isEmpty && !$0.clients.isEmpty })
            var browser = try await Browser.signedIn(app, as: withReferral.email)
            let client = try await browser.get("/zorg/clienten/\(withReferral.clients[0])")
            #expect(client.status == .ok)
            let referral = withReferral.referrals[0]
            let page = try await browser.get("/zorg/verwijzingen/\(referral.slug)")
            #expect(page.status == .ok)
            try await browser.refreshToken(path: "/zorg/verwijzingen/\(referral.slug)")
            // the bench's update: accepted <-> on hold, by the receiving organisation
            let to = referral.status == ReferralStatus.accepted.rawValue ? ReferralStatus.onHold : .accepted
            let moved = try await browser.post("/zorg/verwijzingen/\(referral.slug)/status", form: ["to": to.rawValue, "reason": "Wacht op de ouder"])
            #expect(moved.status == .seeOther)
            let stored = try await Referral.find(try #require(UUID(uuidString: referral.slug)), on: app.db)
            #expect(stored?.status == to)
            // and the chain, with the page views and the change the bench makes, still verifies
            let total = try await AuditEvent.query(on: app.db).count()
            #expect(try await AuditVerification.verify(on: app.db) == .intact(count: total))
        }
    }

    struct Tally { var organisations, coalitions, services, clients, referrals, auditEvents: Int }

    static func tally(_ db: any Database) async throws -> Tally {
        try await AuditOutbox.drain(on: db)
        return Tally(organisations: try await Organisation.query(on: db).count(), coalitions: try await Coalition.query(on: db).count(),
                     services: try await Service.query(on: db).count(), clients: try await CareClient.query(on: db).count(),
                     referrals: try await Referral.query(on: db).count(), auditEvents: try await AuditEvent.query(on: db).count())
    }
}
