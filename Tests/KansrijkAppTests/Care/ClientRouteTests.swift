import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import KansrijkApp

@Suite("Care pages: clients, consent, referrals, break-the-glass, privacy", .serialized)
struct ClientRouteTests {
    static func events(_ app: Application) async throws -> [AuditEvent] {
        try await AuditEvent.query(on: app.db).sort(\.$sequence).all()
    }

    @Test("creating a client: impossible dates are refused in Dutch and nothing is written; a good form writes one audit event")
    func createClient() async throws {
        try await withApp { app in
            // setup
            var midwife = try await Browser.signedIn(app, as: ClientFixtures.midwifeEmail)
            let clients = try await CareClient.query(on: app.db).count()
            let audits = try await AuditEvent.query(on: app.db).count()

            // act: 30 February, a birth in the future
            let bad = try await midwife.post("/zorg/clienten", form: ["name": "X.Y.", "birth_date": "1998-02-30", "municipality": DemoCatalog.zeist,
                                                                      "actual_birth_date": "2100-01-01", "language": "nl"])
            // check
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("Vul een bestaande datum in"))
            #expect(bad.body.string.contains("De geboortedatum van de baby ligt in de toekomst."))
            #expect(bad.body.string.contains("value=\"X.Y.\""), "what was typed is kept")
            #expect(try await CareClient.query(on: app.db).count() == clients)
            #expect(try await AuditEvent.query(on: app.db).count() == audits)

            // act: good
            let good = try await midwife.post("/zorg/clienten", form: ["name": "X.Y. Nieuw", "birth_date": "1998-02-28", "municipality": DemoCatalog.zeist, "language": "nl"])

            // check
            #expect(good.status == .seeOther)
            let created = try #require(await CareClient.query(on: app.db).filter(\.$name == "X.Y. Nieuw").first())
            let written = try await Self.events(app).dropFirst(audits)
            #expect(written.count == 1)
            #expect(written.first?.action == .create && written.first?.clientID == created.id && written.first?.basis == "own")

            // act: the same form again (a double submit)
            let again = try await midwife.post("/zorg/clienten", form: ["name": "X.Y. Nieuw", "birth_date": "1998-02-28", "municipality": DemoCatalog.zeist, "language": "nl"])

            // check
            #expect(again.status == .unprocessableEntity)
            #expect(again.body.string.contains("al een cliënt met deze naam en geboortedatum"))
            #expect(try await CareClient.query(on: app.db).filter(\.$name == "X.Y. Nieuw").count() == 1)
        }
    }

    @Test("the client page and the access report each write exactly one read event with the basis")
    func readAudited() async throws {
        try await withApp { app in
            let client = try await ClientFixtures.client(app, name: "R.E. Lezen", now: Date())
            var midwife = try await Browser.signedIn(app, as: ClientFixtures.midwifeEmail)
            for (path, what) in [("/zorg/clienten/\(client.id!.slug)", "client page"), ("/zorg/clienten/\(client.id!.slug)/inzage", "access report")] {
                let before = try await AuditEvent.query(on: app.db).count()
                let page = try await midwife.get(path)
                #expect(page.status == .ok)
                #expect(page.body.string.contains("R.E. Lezen"))
                let written = try await Self.events(app).dropFirst(before)
                #expect(written.count == 1, "\(path) writes one event")
                let e = try #require(written.first)
                #expect(e.action == .read && e.clientID == client.id && e.basis == "own" && e.what == what && e.userEmail == ClientFixtures.midwifeEmail)
            }
            let report = try await midwife.get("/zorg/clienten/\(client.id!.slug)/inzage").body.string
            #expect(report.contains("Demi Verloskundige") && report.contains("Eigen organisatie betrokken"))
        }
    }

    @Test("a referral without consent is refused with the reason; with consent it goes around the loop; bad steps are refused")
    func referralLoop() async throws {
        try await withApp { app in
            // setup
            let client = try await ClientFixtures.client(app, name: "L.O. Kring", now: Date())
            let base = "/zorg/clienten/\(client.id!.slug)"
            var midwife = try await Browser.signedIn(app, as: ClientFixtures.midwifeEmail)
            let form = ["service": ClientFixtures.stevigOuderschap.slug, "reason": "Eerste kind", "agreed": "Zij wordt gebeld"]

            // act + check: no consent
            let refused = try await midwife.post("\(base)/verwijzen", form: form)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("er is geen geldige toestemming om te verwijzen naar Jeugdgezondheidszorg Zeist"))
            #expect(refused.body.string.contains("Veilig Thuis"))
            #expect(try await Referral.query(on: app.db).filter(\.$client.$id == client.id!).count() == 0)
            #expect(try await Self.events(app).last?.action == .denied)

            // act: consent through the form, then refer
            let consent = try await midwife.post("\(base)/toestemming", form: ["given_by": "client", "purposes[]": "refer", "organisations[]": ClientFixtures.jgzOrg.slug,
                                                                              "valid_from": CalendarDay.iso(CalendarDay.day(at: Date())), "recorded_how": "verbal"])
            #expect(consent.status == .seeOther)
            let sent = try await midwife.post("\(base)/verwijzen", form: form)
            #expect(sent.status == .seeOther)
            let referral = try #require(await Referral.query(on: app.db).filter(\.$client.$id == client.id!).first())
            let path = "/zorg/verwijzingen/\(referral.id!.slug)"
            // a double submit sends nothing twice and leads to the open referral
            let twice = try await midwife.post("\(base)/verwijzen", form: form)
            #expect(twice.status == .seeOther && twice.headers.first(name: .location) == path)
            #expect(try await Referral.query(on: app.db).filter(\.$client.$id == client.id!).count() == 1)
            // the client page names the receiving organisation of the referral
            #expect(try await midwife.get(base).body.string.contains("</a></td><td data-label=\"Organisatie\">Jeugdgezondheidszorg Zeist</td>"))

            // check: the receiver sees it in its incoming worklist, and may not complete it before accepting
            var jgz = try await Browser.signedIn(app, as: ClientFixtures.jgzEmail)
            #expect(try await jgz.get("/zorg/verwijzingen?lijst=inkomend").body.string.contains("L.O. Kring"))
            let early = try await jgz.post("\(path)/status", form: ["to": "completed"])
            #expect(early.status == .unprocessableEntity)
            #expect(early.body.string.contains("kan niet naar"))
            let noReason = try await jgz.post("\(path)/status", form: ["to": "rejected"])
            #expect(noReason.body.string.contains("Geef een reden bij deze stap."))
            // the sender may not accept its own referral
            #expect(try await midwife.post("\(path)/status", form: ["to": "accepted"]).body.string.contains("Deze stap is aan de andere organisatie."))

            // act: accept, start, complete
            for to in ["accepted", "in-progress", "completed"] {
                #expect(try await jgz.post("\(path)/status", form: ["to": to]).status == .seeOther)
            }

            // check
            let done = try #require(await Referral.find(referral.id, on: app.db))
            #expect(done.status == .completed && done.firstContactAt != nil)
            #expect(try await ReferralEvent.query(on: app.db).filter(\.$referral.$id == referral.id!).count() == 4)
            let midwifeID = try await ClientFixtures.user(ClientFixtures.midwifeEmail, app).requireID()
            let notes = try await CareNotification.query(on: app.db).filter(\.$referralID == referral.id!).filter(\.$userID == midwifeID).count()
            #expect(notes == 3, "the referrer hears of each step")
            // "Nieuw voor u" names the client's code, the service and the event (issue #14)
            #expect(try await midwife.get("/zorg").body.string.contains("\(client.code): uw verwijzing naar Stevig Ouderschap is nu afgerond"))
        }
    }

    @Test("withdrawing consent closes the receiver's view at once")
    func withdraw() async throws {
        try await withApp { app in
            let client = try await ClientFixtures.client(app, name: "W.D. Intrekken", now: Date())
            let consent = try await ClientFixtures.consent(app, client: client, from: Date().addingTimeInterval(-60))
            let referral = try await ClientFixtures.referral(app, client: client, now: Date())
            var jgz = try await Browser.signedIn(app, as: ClientFixtures.jgzEmail)
            #expect(try await jgz.get("/zorg/clienten/\(client.id!.slug)").status == .ok)
            var midwife = try await Browser.signedIn(app, as: ClientFixtures.midwifeEmail)

            let res = try await midwife.post("/zorg/clienten/\(client.id!.slug)/toestemming/\(consent.id!.slug)/intrekken", form: [:])

            #expect(res.status == .seeOther)
            #expect(try await jgz.get("/zorg/clienten/\(client.id!.slug)").status == .notFound)
            #expect(try await jgz.get("/zorg/verwijzingen/\(referral.id!.slug)").status == .notFound)
            #expect(try await !jgz.get("/zorg/verwijzingen").body.string.contains("W.D. Intrekken"))
        }
    }

    @Test("an admin exports and erases a client; the audit trail stays and still verifies")
    func exportErase() async throws {
        try await withApp { app in
            let client = try await ClientFixtures.client(app, name: "E.X. Export", now: Date())
            _ = try await ClientFixtures.consent(app, client: client, from: Date().addingTimeInterval(-60))
            _ = try await ClientFixtures.referral(app, client: client, now: Date())
            var admin = try await Browser.signedIn(app, as: "admin@kansrijk.demo")

            let export = try await admin.post("/zorg/beheer/export", form: ["code": client.code])
            #expect(export.status == .ok)
            #expect(export.headers.contentType == .json)
            #expect(export.body.string.contains("E.X. Export") && export.body.string.contains("Stevig Ouderschap"))

            let wrong = try await admin.post("/zorg/beheer/wissen", form: ["code": client.code, "confirm": "KS-NOPE1"])
            #expect(wrong.status == .unprocessableEntity)
            #expect(try await CareClient.find(client.id, on: app.db) != nil)

            let erased = try await admin.post("/zorg/beheer/wissen", form: ["code": client.code, "confirm": client.code])
            #expect(erased.status == .seeOther)
            #expect(try await CareClient.find(client.id, on: app.db) == nil)
            #expect(try await Referral.query(on: app.db).filter(\.$client.$id == client.id!).count() == 0)
            let trail = try await AuditEvent.query(on: app.db).filter(\.$clientID == client.id).all()
            #expect(trail.contains { $0.action == .export } && trail.contains { $0.action == .erase })
            #expect(!trail.contains { $0.what.contains("E.X. Export") }, "audit events hold no content")
            guard case .intact = try await AuditVerification.verify(on: app.db) else { Issue.record("chain broken by erasure"); return }
        }
    }

    @Test("retention removes closed records past the term and logs each removal")
    func retention() async throws {
        try await withApp { app in
            let old = try await ClientFixtures.client(app, name: "O.L. Oud", now: Date())
            old.closedAt = Date().addingTimeInterval(-400 * 86_400)
            try await old.save(on: app.db)
            let recent = try await ClientFixtures.client(app, name: "R.C. Recent", now: Date())
            recent.closedAt = Date().addingTimeInterval(-10 * 86_400)
            try await recent.save(on: app.db)

            let admin = try await ClientFixtures.user("admin@kansrijk.demo", app)

            let removed = try await ClientPrivacy.purge(retentionDays: 365, admin: admin, on: app.db, now: Date())

            #expect(removed == 1)
            #expect(try await CareClient.find(old.id, on: app.db) == nil)
            #expect(try await CareClient.find(recent.id, on: app.db) != nil)
            let logged = try await AuditEvent.query(on: app.db).filter(\.$clientID == old.id).filter(\.$action == .erase).all()
            #expect(logged.count == 1 && logged.first?.basis == "administration")
        }
    }

    @Test("an uninvolved user's attempt is logged once as denied; the API gives JSON to the involved and problem JSON to others")
    func deniedAndAPI() async throws {
        try await withApp { app in
            // setup
            let client = try await ClientFixtures.client(app, name: "A.P. Api", now: Date())
            var debt = try await Browser.signedIn(app, as: ClientFixtures.debtEmail)
            var midwife = try await Browser.signedIn(app, as: ClientFixtures.midwifeEmail)
            let before = try await AuditEvent.query(on: app.db).count()

            // act
            let page = try await debt.get("/zorg/clienten/\(client.id!.slug)")
            let api = try await debt.get("/api/zorg/clienten/\(client.id!.slug)")
            let own = try await midwife.get("/api/zorg/clienten/\(client.id!.slug)")

            // check
            #expect(page.status == .notFound)
            #expect(api.status == .notFound && api.headers.contentType?.subType == "problem+json")
            #expect(own.status == .ok && own.body.string.contains("\"name\":\"A.P. Api\""))
            let written = try await Self.events(app).dropFirst(before)
            #expect(written.map(\.action) == [.denied, .denied, .read])
            #expect(written.first?.clientID == client.id && written.first?.basis == nil && written.first?.userEmail == ClientFixtures.debtEmail)
        }
    }
}
