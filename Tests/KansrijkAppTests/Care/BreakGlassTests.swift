import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import KansrijkApp

/// Emergency access as NEN 7510/7513 expects it (issue #13, item 2): the outside attack got four
/// hours of full access to a Zeist client as a policy advisor, an admin and a professional of
/// another municipality, and told known codes from unknown ones by the status.
@Suite("Break-the-glass", .serialized)
struct BreakGlassTests {
    static let reason = "Cliënt belt in paniek over huisuitzetting"

    static func ask(_ b: inout Browser, code: String, kind: String = BreakGlassReason.acuteDanger.rawValue, reason: String = reason) async throws -> TestingHTTPResponse {
        try await b.post("/zorg/noodtoegang", form: ["code": code, "reason_kind": kind, "reason": reason])
    }

    @Test("only care professionals may ask; the others get 403 and nothing is granted")
    func careRolesOnly() async throws {
        try await withApp { app in
            let client = try await ClientFixtures.client(app, name: "B.G. Rollen", now: Date())
            for email in ["policy@zeist.demo", "admin@kansrijk.demo", "coordinator@zeist.demo"] {
                var b = try await Browser.signedIn(app, as: email)
                #expect(try await b.get("/zorg/noodtoegang").status == .forbidden, "\(email) GET")
                let res = try await Self.ask(&b, code: client.code)
                #expect(res.status == .forbidden, "\(email) POST gave \(res.status)")
                #expect(try await b.get("/zorg/clienten/\(client.id!.slug)").status == .notFound)
            }
            #expect(try await BreakGlassAccess.query(on: app.db).count() == 0)
            #expect(try await BreakGlassAttempt.query(on: app.db).count() == 0)
        }
    }

    @Test("an unknown code, a client outside the region and a real client get the same answer")
    func sameAnswer() async throws {
        try await withApp { app in
            let client = try await ClientFixtures.client(app, name: "B.G. Gelijk", now: Date())
            var debt = try await Browser.signedIn(app, as: ClientFixtures.debtEmail)
            let unknownCode = client.code == "KS-22222" ? "KS-33333" : "KS-22222"
            let unknown = try await Self.ask(&debt, code: unknownCode)
            let known = try await Self.ask(&debt, code: client.code.lowercased())
            var elsewhere = try await Browser.signedIn(app, as: "professional@apeldoorn.demo")
            let outside = try await Self.ask(&elsewhere, code: client.code)
            for res in [unknown, known, outside] {
                #expect(res.status == .seeOther)
                #expect(res.headers.first(name: .location) == "/zorg/noodtoegang")
                #expect(res.body.string.isEmpty)
            }
            // only the professional of the client's own region got in, for one hour
            let grants = try await BreakGlassAccess.query(on: app.db).all()
            #expect(grants.count == 1)
            #expect(grants.first.map { $0.expiresAt.timeIntervalSince($0.grantedAt) } == 3600)
            #expect(grants.first?.reasonKind == BreakGlassReason.acuteDanger.rawValue)
            #expect(try await debt.get("/zorg/clienten/\(client.id!.slug)").status == .ok)
            #expect(try await elsewhere.get("/zorg/clienten/\(client.id!.slug)").status == .notFound)
            let outcomes = try await BreakGlassAttempt.query(on: app.db).sort(\.$attemptedAt).all().map(\.outcome)
            #expect(outcomes.sorted { $0.rawValue < $1.rawValue } == [.granted, .noMatch, .noMatch])
            // the form page lists her own grant, and only there does the code show
            let form = try await debt.get("/zorg/noodtoegang")
            #expect(form.body.string.contains(client.code))
            #expect(!(try await elsewhere.get("/zorg/noodtoegang")).body.string.contains(client.code))
        }
    }

    @Test("a reason from the list and a text are required; a malformed code is refused by its form alone")
    func validation() async throws {
        try await withApp { app in
            let client = try await ClientFixtures.client(app, name: "B.G. Reden", now: Date())
            var debt = try await Browser.signedIn(app, as: ClientFixtures.debtEmail)
            let short = try await Self.ask(&debt, code: client.code, reason: "kort")
            #expect(short.status == .unprocessableEntity && short.body.string.contains("minstens 10 tekens"))
            let noKind = try await Self.ask(&debt, code: client.code, kind: "zomaar")
            #expect(noKind.status == .unprocessableEntity && noKind.body.string.contains("Kies de soort spoed"))
            let malformed = try await Self.ask(&debt, code: "12345")
            #expect(malformed.status == .unprocessableEntity && malformed.body.string.contains("KS- en vijf"))
            #expect(try await BreakGlassAccess.query(on: app.db).count() == 0)
            #expect(try await BreakGlassAttempt.query(on: app.db).count() == 0)
        }
    }

    @Test("at most three requests an hour; a grant is not renewed within a day")
    func rateLimitAndNoRenewal() async throws {
        try await withApp { app in
            let client = try await ClientFixtures.client(app, name: "B.G. Limiet", now: Date())
            var debt = try await Browser.signedIn(app, as: ClientFixtures.debtEmail)
            #expect(try await Self.ask(&debt, code: client.code).status == .seeOther)
            #expect(try await Self.ask(&debt, code: client.code).status == .seeOther)
            #expect(try await Self.ask(&debt, code: "KS-99999").status == .seeOther)
            let fourth = try await Self.ask(&debt, code: "KS-88888")
            #expect(fourth.status == .tooManyRequests)
            #expect(fourth.headers.first(name: .retryAfter).flatMap(Int.init).map { $0 > 0 && $0 <= 3600 } == true)
            #expect(try await BreakGlassAccess.query(on: app.db).count() == 1)
            let outcomes = try await BreakGlassAttempt.query(on: app.db).all().map(\.outcome)
            #expect(outcomes.filter { $0 == .notRenewed }.count == 1 && outcomes.count == 3)
        }
    }

    @Test("parallel requests of one user cannot pass the hourly limit together")
    func parallelRequests() async throws {
        try await withApp { app in
            var debt = try await Browser.signedIn(app, as: ClientFixtures.debtEmail)
            _ = try await debt.get("/zorg/noodtoegang")
            let browser = debt
            let statuses = try await withThrowingTaskGroup(of: UInt.self) { group in
                for i in 0..<12 {
                    group.addTask {
                        var b = browser
                        return try await Self.ask(&b, code: "KS-\(String(repeating: "3", count: 4))\(i % 8 + 2)").status.code
                    }
                }
                return try await group.reduce(into: [UInt]()) { $0.append($1) }
            }
            #expect(statuses.allSatisfy { $0 == 303 || $0 == 429 })
            #expect(try await BreakGlassAttempt.query(on: app.db).count() <= BreakGlassDesk.perHour)
        }
    }

    @Test("emergency access is read-only: closing the record is refused and logged")
    func readOnly() async throws {
        try await withApp { app in
            let client = try await ClientFixtures.client(app, name: "B.G. Alleen lezen", now: Date())
            var debt = try await Browser.signedIn(app, as: ClientFixtures.debtEmail)
            _ = try await Self.ask(&debt, code: client.code)
            #expect(try await debt.get("/zorg/clienten/\(client.id!.slug)").body.string.contains("noodtoegang"))
            let close = try await debt.post("/zorg/clienten/\(client.id!.slug)/afsluiten", form: [:])
            #expect(close.status == .forbidden)
            // every other way to change her record too: screenings, the parent's link, a volunteer
            for path in ["signaleren/nieuw", "signaleren/link", "vrijwilliger/nieuw", "toestemming", "verwijzen"] {
                let res = try await debt.post("/zorg/clienten/\(client.id!.slug)/\(path)", form: [:])
                #expect(res.status == .forbidden, "POST \(path) under emergency access: \(res.status)")
            }
            #expect(try await Screening.query(on: app.db).filter(\.$client.$id == client.id!).count() == 0)
            #expect(try await CareClient.find(client.id, on: app.db)?.closedAt == nil)
            try await AuditOutbox.drain(on: app.db)
            let last = try await AuditEvent.query(on: app.db).sort(\.$sequence, .descending).first()
            #expect(last?.action == .denied)
        }
    }

    @Test("the midwife's organisation and Zeist's coordinator are told; the coordinator reviews, the admin sees refusals")
    func announcedAndReviewed() async throws {
        try await withApp { app in
            let client = try await ClientFixtures.client(app, name: "B.G. Bericht", now: Date())
            var debt = try await Browser.signedIn(app, as: ClientFixtures.debtEmail)
            _ = try await Self.ask(&debt, code: client.code)
            _ = try await Self.ask(&debt, code: "KS-77777")
            var midwife = try await Browser.signedIn(app, as: ClientFixtures.midwifeEmail)
            #expect(try await midwife.get("/zorg").body.string.contains("Noodtoegang gebruikt bij cliënt \(client.code)"))
            let overview = try await midwife.get("/zorg/noodtoegang/overzicht")
            #expect(overview.status == .ok && overview.body.string.contains("huisuitzetting"))
            #expect(!overview.body.string.contains("Beoordeeld</button>"), "a professional does not review")

            var coordinator = try await Browser.signedIn(app, as: "coordinator@zeist.demo")
            #expect(try await coordinator.get("/zorg").body.string.contains("Noodtoegang gebruikt"))
            let list = try await coordinator.get("/zorg/noodtoegang/overzicht")
            #expect(list.body.string.contains(client.code) && list.body.string.contains("Acuut gevaar"))
            let grant = try #require(await BreakGlassAccess.query(on: app.db).first())
            let review = try await coordinator.post("/zorg/noodtoegang/\(grant.id!.slug)/beoordelen", form: ["note": "Terecht, besproken"])
            #expect(review.status == .seeOther)
            #expect(try await BreakGlassAccess.find(grant.id, on: app.db)?.reviewNote == "Terecht, besproken")
            #expect(!(try await coordinator.get("/zorg").body.string.contains("Noodtoegang gebruikt")), "read once the list was opened")

            var other = try await Browser.signedIn(app, as: "coordinator@borsele.demo")
            #expect(!(try await other.get("/zorg/noodtoegang/overzicht")).body.string.contains(client.code))
            #expect(try await other.post("/zorg/noodtoegang/\(grant.id!.slug)/beoordelen", form: ["note": "x"]).status == .notFound)
            var policy = try await Browser.signedIn(app, as: "policy@zeist.demo")
            #expect(try await policy.get("/zorg/noodtoegang/overzicht").status == .forbidden)

            var admin = try await Browser.signedIn(app, as: "admin@kansrijk.demo")
            let all = try await admin.get("/zorg/noodtoegang/overzicht").body.string
            #expect(all.contains("huisuitzetting") && all.contains("geen cliënt met deze code"))
        }
    }
}

/// Closing is for the organisation that made the record; the others end their own involvement (issue #13).
@Suite("Closing and ending involvement", .serialized)
struct InvolvementEndTests {
    @Test("the receiving organisation cannot close the record but ends its own involvement; the midwife still sees her")
    func endOwnInvolvement() async throws {
        try await withApp { app in
            let client = try await ClientFixtures.client(app, name: "B.E. Einde", now: Date())
            _ = try await ClientFixtures.consent(app, client: client, from: Date().addingTimeInterval(-60))
            _ = try await ClientFixtures.referral(app, client: client, now: Date())
            let page = "/zorg/clienten/\(client.id!.slug)"
            var jgz = try await Browser.signedIn(app, as: ClientFixtures.jgzEmail)
            let shown = try await jgz.get(page)
            #expect(shown.status == .ok && shown.body.string.contains("Onze betrokkenheid beëindigen") && !shown.body.string.contains("Zorg afsluiten"))
            #expect(try await jgz.post("\(page)/afsluiten", form: [:]).status == .forbidden)
            #expect(try await CareClient.find(client.id, on: app.db)?.closedAt == nil)
            let ended = try await jgz.post("\(page)/betrokkenheid-beeindigen", form: [:])
            #expect(ended.status == .seeOther)
            #expect(try await jgz.get(page).status == .notFound)
            var midwife = try await Browser.signedIn(app, as: ClientFixtures.midwifeEmail)
            #expect(try await midwife.get(page).status == .ok)
            #expect(try await midwife.post("\(page)/betrokkenheid-beeindigen", form: [:]).status == .forbidden)
        }
    }
}
