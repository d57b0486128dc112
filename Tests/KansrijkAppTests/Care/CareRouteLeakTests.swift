import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import KansrijkApp

/// The leak test: every care route of CARE-A, walked by users of an involved and an uninvolved
/// organisation in each role, with and without consent and after withdrawal. No page, list, API,
/// export, search result or count may show the client's name or code to someone without access.
@Suite("Care routes leak no client data", .serialized)
struct CareRouteLeakTests {
    static let name = "Q.Z. Geheimnaam"

    /// Users of organisations that are not involved with the test client, in every role.
    static let uninvolved = ["schuldhulp@zeist.demo", "coordinator@zeist.demo", "policy@zeist.demo", "admin@kansrijk.demo",
                             "professional@apeldoorn.demo", "coordinator@borsele.demo"]

    struct Fixture { var client: CareClient; var consent: Consent; var referral: Referral }

    /// A client of the midwife, with consent to refer to JGZ, referred 8 days ago (overdue on the ladder).
    static func fixture(_ app: Application) async throws -> Fixture {
        let sent = Date().addingTimeInterval(-8 * 86_400)
        let client = try await ClientFixtures.client(app, name: name, now: sent)
        let consent = try await ClientFixtures.consent(app, client: client, from: sent.addingTimeInterval(-60))
        let referral = try await ClientFixtures.referral(app, client: client, now: sent)
        return Fixture(client: client, consent: consent, referral: referral)
    }

    static func pages(_ f: Fixture) -> [String] {
        let c = "/zorg/clienten/\(f.client.id!.slug)"
        return ["/zorg", c, "\(c)/toestemming", "\(c)/inzage", "\(c)/verwijzen", "/zorg/verwijzingen/\(f.referral.id!.slug)",
                "/zorg/verwijzingen?lijst=inkomend", "/zorg/verwijzingen?lijst=uitgaand", "/zorg/termijnbewaking", "/zorg/noodtoegang",
                "/zorg/noodtoegang/overzicht", "/zorg/beheer", "/aanbod?q=Geheimnaam",
                "/api/hsds/services?search=Geheimnaam", "/api/zorg/clienten/\(f.client.id!.slug)",
                "/api/zorg/verwijzingen?lijst=inkomend", "/api/zorg/verwijzingen?lijst=uitgaand", "/zorgpaden", "/coalities/zeist",
                "\(c)/gegevens", "\(c)/geboorte", "\(c)/overdracht", "\(c)/afsluiten"]
    }

    static func posts(_ f: Fixture) -> [(String, [String: String])] {
        let c = "/zorg/clienten/\(f.client.id!.slug)"
        return [("\(c)/toestemming", ["given_by": "client", "purposes[]": "refer", "organisations[]": ClientFixtures.jgzOrg.slug, "valid_from": "2026-01-01", "recorded_how": "verbal"]),
                ("\(c)/toestemming/\(f.consent.id!.slug)/intrekken", [:]),
                ("\(c)/verwijzen", ["service": ClientFixtures.stevigOuderschap.slug, "reason": "x", "agreed": "y"]),
                ("\(c)/afsluiten", ["reason": "zorg-afgerond"]),
                ("\(c)/heropenen", [:]),
                ("\(c)/gegevens", ["name": "Aanvaller", "birth_date": "1998-05-01", "municipality": "GM0355", "language": "nl"]),
                ("\(c)/geboorte", ["actual_birth_date": "2026-01-01"]),
                ("\(c)/overdracht", ["service": ClientFixtures.stevigOuderschap.slug, "summary": "x", "agreed": "y", "consent": "ja",
                                     "given_by": "client", "recorded_how": "verbal"]),
                ("/zorg/verwijzingen/\(f.referral.id!.slug)/status", ["to": "accepted"]),
                ("/zorg/beheer/export", ["code": f.client.code]),
                ("/zorg/beheer/wissen", ["code": f.client.code, "confirm": f.client.code])]
    }

    static func expectNoLeak(_ body: String, _ who: String, _ path: String, _ f: Fixture) {
        #expect(!body.contains(name), "\(who) sees the name on \(path)")
        #expect(!body.contains(f.client.code), "\(who) sees the code on \(path)")
    }

    @Test("uninvolved users of every role see no name or code anywhere, and cannot change anything")
    func uninvolvedUsers() async throws {
        try await withApp { app in
            let f = try await Self.fixture(app)
            let clientCount = try await CareClient.query(on: app.db).count()
            for email in Self.uninvolved {
                var b = try await Browser.signedIn(app, as: email)
                for path in Self.pages(f) {
                    let res = try await b.get(path)
                    #expect(res.status != .internalServerError, "\(email) \(path)")
                    Self.expectNoLeak(res.body.string, email, path, f)
                }
                for (path, form) in Self.posts(f) where !(email == "admin@kansrijk.demo" && path.hasPrefix("/zorg/beheer")) {
                    let res = try await b.post(path, form: form)
                    #expect([.notFound, .forbidden].contains(res.status), "\(email) POST \(path) gave \(res.status)")
                    Self.expectNoLeak(res.body.string, email, path, f)
                }
            }
            // nothing changed
            #expect(try await CareClient.query(on: app.db).count() == clientCount)
            let referral = try #require(await Referral.find(f.referral.id, on: app.db))
            #expect(referral.status == .requested)
            #expect(try await Consent.find(f.consent.id, on: app.db)?.withdrawnAt == nil)
        }
    }

    @Test("anonymous visitors are sent to log in and see nothing")
    func anonymous() async throws {
        try await withApp { app in
            let f = try await Self.fixture(app)
            var b = Browser(app)
            for path in Self.pages(f) {
                let res = try await b.get(path)
                Self.expectNoLeak(res.body.string, "anonymous", path, f)
            }
        }
    }

    @Test("the involved receiver sees the client with consent, and nothing after withdrawal; the coordinator's ladder shows no identity")
    func involvedWithAndWithoutConsent() async throws {
        try await withApp { app in
            let f = try await Self.fixture(app)
            var jgz = try await Browser.signedIn(app, as: ClientFixtures.jgzEmail)
            // with consent: the receiver's own pages show her
            for path in ["/zorg", "/zorg/clienten/\(f.client.id!.slug)", "/zorg/verwijzingen/\(f.referral.id!.slug)", "/zorg/verwijzingen?lijst=inkomend",
                         "/api/zorg/clienten/\(f.client.id!.slug)", "/api/zorg/verwijzingen?lijst=inkomend"] {
                #expect(try await jgz.get(path).body.string.contains(Self.name), "jgz with consent on \(path)")
            }
            // the coordinator sees the overdue referral, without identity
            var coordinator = try await Browser.signedIn(app, as: "coordinator@zeist.demo")
            let ladder = try await coordinator.get("/zorg/termijnbewaking").body.string
            #expect(ladder.contains(String(f.referral.id!.slug.prefix(8))))
            Self.expectNoLeak(ladder, "coordinator", "/zorg/termijnbewaking", f)

            // withdrawn
            let midwife = try await ClientFixtures.user(ClientFixtures.midwifeEmail, app)
            try await f.consent.withdraw(by: midwife, on: app.db, now: Date())
            for path in Self.pages(f) {
                Self.expectNoLeak(try await jgz.get(path).body.string, "jgz after withdrawal", path, f)
            }
            for (path, form) in Self.posts(f) {
                let res = try await jgz.post(path, form: form)
                #expect([.notFound, .forbidden].contains(res.status), "jgz after withdrawal POST \(path) gave \(res.status)")
                Self.expectNoLeak(res.body.string, "jgz after withdrawal", path, f)
            }
        }
    }

    @Test("without consent the receiver never got involved: a refused referral leaks nothing")
    func withoutConsent() async throws {
        try await withApp { app in
            let client = try await ClientFixtures.client(app, name: Self.name, now: Date())
            var midwife = try await Browser.signedIn(app, as: ClientFixtures.midwifeEmail)
            _ = try await midwife.post("/zorg/clienten/\(client.id!.slug)/verwijzen",
                                       form: ["service": ClientFixtures.stevigOuderschap.slug, "reason": "x", "agreed": "y"])
            var jgz = try await Browser.signedIn(app, as: ClientFixtures.jgzEmail)
            for path in ["/zorg", "/zorg/clienten/\(client.id!.slug)", "/zorg/verwijzingen?lijst=inkomend", "/zorg/verwijzingen?lijst=uitgaand"] {
                let body = try await jgz.get(path).body.string
                #expect(!body.contains(Self.name) && !body.contains(client.code), "jgz without consent on \(path)")
            }
        }
    }
}
