import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import KansrijkApp

@Suite("Extra care: request, decision within the day, settled afterwards (issue 15)", .serialized)
struct ExtraCareTests {
    static func id(_ location: String?) -> String? { location?.split(separator: "/").last.map(String.init) }

    @Test("a professional requests, the named decision-maker is mailed without client data, approves, and the coordinator settles")
    func journey() async throws {
        try await withApp { app in
            // setup
            let client = try await ClientFixtures.client(app, name: "X.C. Extrazorgcliënt", now: Date())
            var midwife = try await Browser.signedIn(app, as: ClientFixtures.midwifeEmail)
            let mailsBefore = try await MailMessage.query(on: app.db).filter(\.$kind == .extraCare).count()

            // act: the request
            let form = try await midwife.get("/zorg/clienten/\(client.id!.slug)/extra-zorg")
            #expect(form.status == .ok)
            #expect(form.body.string.contains("Kim Coördinator"), "the form names the decision-maker")
            let sent = try await midwife.post("/zorg/clienten/\(client.id!.slug)/extra-zorg", form: [
                "care": "Kraamzorg blijft langer", "provider": "Kraamzorg Zeist", "unit": "days", "amount": "4", "reason": "Huiselijk geweld; geen netwerk"])
            #expect(sent.status == .seeOther)
            let requestID = try #require(Self.id(sent.headers.first(name: .location)))

            // check: one mail to the decision-maker, no client data in it
            let mails = try await MailMessage.query(on: app.db).filter(\.$kind == .extraCare).all()
            #expect(mails.count == mailsBefore + 1)
            let mail = try #require(mails.first { $0.textBody.contains(requestID) })
            #expect(mail.to == ExtraCareFixture.decider)
            for secret in ["X.C.", client.code, "geweld", "Kraamzorg blijft langer"] { #expect(!mail.textBody.contains(secret) && !mail.subject.contains(secret)) }

            // act: the decision-maker sees it oldest first and approves
            var decider = try await Browser.signedIn(app, as: ExtraCareFixture.decider)
            let list = try await decider.get("/zorg/extra-zorg")
            #expect(list.status == .ok && list.body.string.contains(client.code))
            #expect(!list.body.string.contains("X.C. Extrazorgcliënt"), "the decision-maker sees the code, not the name")
            let approved = try await decider.post("/zorg/extra-zorg/\(requestID)/besluit", form: ["decision": "approve", "granted": "3", "financer": "gemeente"])
            #expect(approved.status == .seeOther)
            let stored = try #require(try await ExtraCareRequest.find(UUID(uuidString: requestID), on: app.db))
            #expect(stored.status == .approved && stored.grantedAmount == 3 && stored.financer == .gemeente)
            #expect(stored.decidedByName == "Kim Coördinator" && stored.decidedAt != nil)

            // a second decision is refused and changes nothing
            let again = try await decider.post("/zorg/extra-zorg/\(requestID)/besluit", form: ["decision": "reject", "note": "toch niet"])
            #expect(again.status == .conflict)
            #expect(try await ExtraCareRequest.find(stored.id, on: app.db)?.status == .approved)

            // act: settled afterwards; bad numbers first
            let bad = try await decider.post("/zorg/extra-zorg/\(requestID)/afgerekend", form: ["amount": "twaalf", "settled_on": "2026-02-30"])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("Vul een bedrag in euro in") && bad.body.string.contains("Vul de datum van de afrekening in"))
            let today = CalendarDay.iso(CalendarDay.day(at: Date()))
            let settled = try await decider.post("/zorg/extra-zorg/\(requestID)/afgerekend", form: ["amount": "1.425,50", "settled_on": today])
            #expect(settled.status == .seeOther)
            #expect(try await ExtraCareRequest.find(stored.id, on: app.db)?.settledCents == 142_550)

            // check: the register and the requester's client page show it
            let register = try await decider.get("/coalities/zeist/extra-zorg")
            #expect(register.status == .ok && register.body.string.contains("€ 1.425,50") && register.body.string.contains(client.code))
            let page = try await midwife.get("/zorg/clienten/\(client.id!.slug)")
            #expect(page.body.string.contains("Goedgekeurd") && page.body.string.contains("/zorg/extra-zorg/\(requestID)"))
        }
    }

    @Test("attackers: an unnamed user deciding gets 403, another coalition's request 404, the admin decides only when named")
    func attackers() async throws {
        try await withApp { app in
            // setup
            let client = try await ClientFixtures.client(app, now: Date())
            let r = try await ExtraCareFixture.request(app, client: client, by: try await ClientFixtures.user(ClientFixtures.midwifeEmail, app))
            let path = "/zorg/extra-zorg/\(r.id!.slug)"
            let approve = ["decision": "approve", "granted": "2", "financer": "gemeente"]

            // act + check: Zeist people who are not named: 403; others: 404; nothing decided
            for email in ["policy@zeist.demo", ClientFixtures.jgzEmail, ClientFixtures.midwifeEmail, "admin@kansrijk.demo"] {
                var b = try await Browser.signedIn(app, as: email)
                #expect(try await b.post(path + "/besluit", form: approve).status == .forbidden, "\(email) decides")
            }
            for email in ["coordinator@borsele.demo", "coordinator@apeldoorn.demo", "professional@apeldoorn.demo"] {
                var b = try await Browser.signedIn(app, as: email)
                #expect(try await b.post(path + "/besluit", form: approve).status == .notFound, "\(email) knows of the request")
                #expect(try await b.get(path).status == .notFound)
            }
            var policy = try await Browser.signedIn(app, as: "policy@zeist.demo")
            #expect(try await policy.get("/coalities/zeist/extra-zorg").status == .forbidden, "policy advisors read aggregates only")
            #expect(try await policy.get(path).status == .forbidden)
            #expect(try await ExtraCareRequest.find(r.id, on: app.db)?.status == .open)

            // Apeldoorn's decision-maker does not decide for Zeist
            var apeldoorn = try await Browser.signedIn(app, as: "coordinator@apeldoorn.demo")
            #expect(try await apeldoorn.get("/zorg/extra-zorg").status == .ok)
            #expect(!(try await apeldoorn.get("/zorg/extra-zorg").body.string.contains(r.clientCode)))

            // bad numbers: a Dutch message, never a 500
            var decider = try await Browser.signedIn(app, as: ExtraCareFixture.decider)
            for (form, message) in [(["decision": "approve", "granted": "-3", "financer": "gemeente"], "Vul een heel aantal dagen in van 1 tot en met 60"),
                                    (["decision": "approve", "granted": "99999999999999999999", "financer": "gemeente"], "Vul een heel aantal dagen in"),
                                    (["decision": "approve", "granted": "2", "financer": "bank"], "Kies wie de zorg betaalt"),
                                    (["decision": "approve", "granted": "2", "financer": "anders"], "Vul in wie betaalt"),
                                    (["decision": "reject", "note": " "], "Vul in waarom u de aanvraag afwijst"),
                                    (["decision": "later"], "Kies goedkeuren of afwijzen")] {
                let res = try await decider.post(path + "/besluit", form: form)
                #expect(res.status == .unprocessableEntity, "\(form)")
                #expect(res.body.string.contains(message), "\(form)")
            }
            #expect(try await decider.post("/zorg/extra-zorg/not-an-id/besluit", form: approve).status == .notFound)
            #expect(try await decider.post("/zorg/extra-zorg/\(UUID().uuidString)/besluit", form: approve).status == .notFound)
            #expect(try await ExtraCareRequest.find(r.id, on: app.db)?.status == .open)

            // the admin, once named by Zeist's coordinator, decides
            let admin = try await ClientFixtures.user("admin@kansrijk.demo", app)
            try await ExtraCareDecider(coalitionID: DemoData.coalitionID("zeist"), userID: try admin.requireID()).create(on: app.db)
            var adminBrowser = try await Browser.signedIn(app, as: "admin@kansrijk.demo")
            #expect(try await adminBrowser.post(path + "/besluit", form: ["decision": "reject", "note": "Past in de gewone zorg"]).status == .seeOther)
            #expect(try await ExtraCareRequest.find(r.id, on: app.db)?.status == .rejected)
        }
    }

    @Test("bad requests come back with Dutch messages and what was typed; a coalition without a decision-maker is said so")
    func requestValidation() async throws {
        try await withApp { app in
            let client = try await ClientFixtures.client(app, now: Date())
            var midwife = try await Browser.signedIn(app, as: ClientFixtures.midwifeEmail)
            let path = "/zorg/clienten/\(client.id!.slug)/extra-zorg"
            let res = try await midwife.post(path, form: ["care": "Kraamzorg langer", "provider": "", "unit": "weeks", "amount": "3,5", "reason": ""])
            #expect(res.status == .unprocessableEntity)
            for message in ["Vul in welke organisatie de zorg geeft", "Kies uren of dagen", "Vul een heel aantal uren in", "Leg uit waarom"] {
                #expect(res.body.string.contains(message), "\(message)")
            }
            #expect(res.body.string.contains("value=\"Kraamzorg langer\""))
            #expect(try await midwife.post(path, form: ["care": "x", "provider": "y", "unit": "hours", "amount": "501", "reason": "z"]).status == .unprocessableEntity)

            // Zeist without decision-makers: refused with the reason, nothing stored
            try await ExtraCareDecider.query(on: app.db).filter(\.$coalition.$id == DemoData.coalitionID("zeist")).delete()
            let before = try await ExtraCareRequest.query(on: app.db).count()
            let none = try await midwife.post(path, form: ["care": "x", "provider": "y", "unit": "hours", "amount": "5", "reason": "z"])
            #expect(none.status == .unprocessableEntity && none.body.string.contains("nog geen beslisser"))
            #expect(try await ExtraCareRequest.query(on: app.db).count() == before)

            // a professional not involved with the client does not see the form
            var debt = try await Browser.signedIn(app, as: ClientFixtures.debtEmail)
            #expect(try await debt.get(path).status == .notFound)
        }
    }

    @Test("the coordinator chooses decision-makers among the coalition's members only")
    func chooseDeciders() async throws {
        try await withApp { app in
            var coordinator = try await Browser.signedIn(app, as: "coordinator@zeist.demo")
            _ = try await coordinator.get("/coalities/zeist/extra-zorg")
            let policy = try await ClientFixtures.user("policy@zeist.demo", app)
            let borsele = try await ClientFixtures.user("coordinator@borsele.demo", app)
            let token = try #require(coordinator.csrf)
            let outsider = try await coordinator.post("/coalities/zeist/extra-zorg/beslissers",
                                                      body: "csrf=\(token)&deciders%5B%5D=\(try borsele.requireID().uuidString)")
            #expect(outsider.status == .unprocessableEntity && outsider.body.string.contains("Kies ten minste één beslisser"))
            let chosen = try await coordinator.post("/coalities/zeist/extra-zorg/beslissers",
                                                    body: "csrf=\(token)&deciders%5B%5D=\(try policy.requireID().uuidString)")
            #expect(chosen.status == .seeOther)
            let deciders = try await ExtraCareDeciders.users(of: DemoData.coalitionID("zeist"), on: app.db).map(\.email)
            #expect(deciders == ["policy@zeist.demo"])
            // the coordinator is no longer named: she reads the register but does not decide
            var again = try await Browser.signedIn(app, as: "coordinator@zeist.demo")
            #expect(try await again.get("/coalities/zeist/extra-zorg").status == .ok)
            #expect(try await again.get("/zorg/extra-zorg").status == .forbidden)
            var other = try await Browser.signedIn(app, as: "coordinator@borsele.demo")
            #expect(try await other.get("/coalities/zeist/extra-zorg").status == .forbidden)
        }
    }

    @Test("the report counts requests, approvals, median hours to decision and hours/days per financer, hidden under 10")
    func figures() async throws {
        try await withApp { app in
            // setup: the demo holds two Zeist requests; nine more with a decision after 2 hours
            let year = CalendarDay.amsterdam.component(.year, from: Date())
            let source = ExtraCareProcessFigures()
            let midwife = try await ClientFixtures.user(ClientFixtures.midwifeEmail, app)
            let before = try await source.figures(municipalities: [DemoCatalog.zeist], year: year, on: app.db)
            #expect(CareProcessFigureTests.value(before, "Extra zorg: aanvragen") == "< 10")
            let demo = try await ExtraCareFigures.requests(municipalities: [DemoCatalog.zeist], quarters: ExtraCareFigures.quarters(of: year), on: app.db)

            // act
            let start = Date().addingTimeInterval(-3 * 3600)
            for i in 0..<10 {
                let client = try await ClientFixtures.client(app, name: "F.\(i). Figuur", now: start)
                let r = try await ExtraCareFixture.request(app, client: client, by: midwife, at: start, unit: .hours, amount: 8)
                try await ExtraCareFixture.approve(app, r, amount: 6, financer: i < 9 ? .gemeente : .zorgverzekeraar, at: start.addingTimeInterval(2 * 3600))
            }
            let after = try await source.figures(municipalities: [DemoCatalog.zeist], year: year, on: app.db)

            // check: the demo's requests of this year plus ten; the median is 2 hours (at most one demo decision took longer)
            #expect(CareProcessFigureTests.value(after, "Extra zorg: aanvragen") == String(demo.count + 10))
            #expect(CareProcessFigureTests.value(after, "Extra zorg: goedgekeurd") == String(demo.filter { $0.status == .approved }.count + 10))
            #expect(CareProcessFigureTests.value(after, "Extra zorg: uren tot besluit (mediaan)") == "2,0")
            let quarter = ProcessCounts.quarters(endingAt: start, count: 1)[0]
            #expect(CareProcessFigureTests.value(after, "Extra zorg \(quarter), gemeente: uren") == "< 10 aanvragen", "nine families")
            #expect(CareProcessFigureTests.value(after, "Extra zorg \(quarter), zorgverzekeraar: uren") == "< 10 aanvragen")
            #expect(try await source.figures(municipalities: ["GM0200"], year: year, on: app.db).isEmpty, "nothing in Apeldoorn")

            // one more family financed by the municipality makes ten: 60 hours shown
            let client = try await ClientFixtures.client(app, name: "F.X. Figuur", now: start)
            let r = try await ExtraCareFixture.request(app, client: client, by: midwife, at: start, unit: .hours, amount: 8)
            try await ExtraCareFixture.approve(app, r, amount: 6, financer: .gemeente, at: start.addingTimeInterval(3600))
            let ten = try await source.figures(municipalities: [DemoCatalog.zeist], year: year, on: app.db)
            #expect(CareProcessFigureTests.value(ten, "Extra zorg \(quarter), gemeente: uren") == "60")
            #expect(try await app.processFigureSources.figures(municipalities: [DemoCatalog.zeist], year: year, on: app.db)
                .contains { $0.label == "Extra zorg: aanvragen" && $0.value == String(demo.count + 11) })
        }
    }

    @Test("an erased client leaves her requests in the register without her")
    func erasure() async throws {
        try await withApp { app in
            let client = try await ClientFixtures.client(app, now: Date())
            let r = try await ExtraCareFixture.request(app, client: client, by: try await ClientFixtures.user(ClientFixtures.midwifeEmail, app))
            try await ClientPrivacy.erase(client, on: app.db)
            let kept = try #require(try await ExtraCareRequest.find(r.id, on: app.db))
            #expect(kept.clientID == nil && kept.reason.isEmpty && kept.clientCode == "—")
        }
    }

    @Test("amounts in euros: Dutch and plain notations, nonsense refused")
    func euros() {
        #expect(ExtraCareSettleForm.cents("1.250,50") == 125_050)
        #expect(ExtraCareSettleForm.cents("1250.5") == 125_050)
        #expect(ExtraCareSettleForm.cents("€ 80") == 8_000)
        for bad in ["", "abc", "1,234,5", "12.345", "-5", "1,999", "99999999999"] { #expect(ExtraCareSettleForm.cents(bad) == nil, "\(bad)") }
        #expect(ExtraCareSettleForm.euros(125_050) == "€ 1.250,50")
        #expect(ExtraCareSettleForm.euros(125_050, .en) == "€1,250.50" && ExtraCareSettleForm.euros(5, .en) == "€0.05")
    }
}
