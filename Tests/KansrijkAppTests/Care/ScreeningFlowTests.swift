import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import KansrijkApp

/// Signalling through the pages: together, through the parent's link, discussed and adjusted;
/// bad input, expired and used links, double submits, and one audit event per request.
@Suite("Screening pages", .serialized)
struct ScreeningFlowTests {
    @Test("fill in together: errors in Dutch, the level and safeguarding notice, a double submit makes one screening")
    func together() async throws {
        try await withApp { app in
            let client = try await CareBFixture.client(app)
            var midwife = try await Browser.signedIn(app, as: CareBFixture.midwife)
            let base = "/zorg/clienten/\(client.id!.slug)/signaleren"
            let form = try await midwife.get("\(base)/nieuw")
            #expect(form.status == .ok)
            #expect(form.body.string.contains("geen gevalideerde klinische score"))
            let key = try #require(CareBFixture.hidden(form.body.string, "submission_key"))
            // missing answers: Dutch errors, what was typed kept, nothing written
            let bad = try await midwife.post("\(base)/nieuw", form: ["submission_key": key, "q-steun": "niemand"])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("Kies een antwoord op deze vraag."))
            #expect(bad.body.string.contains("value=\"niemand\" checked"))
            #expect(try await Screening.query(on: app.db).filter(\.$client.$id == client.id!).count() == 0)
            // violence: zeer kwetsbaar and the meldcode notice
            var fields = try await CareBFixture.answers(app, ["veilig": "geweld", "schulden": "veel"])
            fields["submission_key"] = key
            let before = try await CareBFixture.auditCount(app)
            let ok = try await midwife.post("\(base)/nieuw", form: fields)
            #expect(ok.status == .seeOther)
            #expect(try await CareBFixture.auditCount(app) == before + 1, "one audit event for the request")
            let again = try await midwife.post("\(base)/nieuw", form: fields)
            #expect(again.status == .seeOther && again.headers.first(name: .location) == ok.headers.first(name: .location))
            #expect(try await Screening.query(on: app.db).filter(\.$client.$id == client.id!).count() == 1, "a double submit makes no duplicate")
            let page = try await midwife.get(try #require(ok.headers.first(name: .location))).body.string
            #expect(page.contains("Zeer kwetsbaar") && page.contains("Veilig Thuis") && page.contains("meldcode"))
            // the route proposal puts safety first (the meldcode, no referral there), then links services to the referral form
            let route = try await midwife.get(try #require(ok.headers.first(name: .location)) + "/route").body.string
            let safety = try #require(route.range(of: "1. Huiselijk geweld en veiligheid"))
            let money = try #require(route.range(of: "2. Financiën en schulden"))
            #expect(route.contains("Eerst de meldcode"))
            #expect(!route[safety.upperBound..<money.lowerBound].contains("verwijzen?dienst="))
            #expect(route[money.upperBound...].contains("/zorg/clienten/\(client.id!.slug)/verwijzen?dienst="))
        }
    }

    @Test("the parent fills in through her link once; the professional discusses and adjusts with a reason")
    func parentLink() async throws {
        try await withApp { app in
            let client = try await CareBFixture.client(app)
            var midwife = try await Browser.signedIn(app, as: CareBFixture.midwife)
            let base = "/zorg/clienten/\(client.id!.slug)/signaleren"
            let list = try await midwife.get(base).body.string
            let key = try #require(CareBFixture.hidden(list, "submission_key"))
            let made = try await midwife.post("\(base)/link", form: ["submission_key": key])
            #expect(made.status == .created)
            let url = try #require(made.body.string.range(of: "/vragenlijst/").map { String(made.body.string[$0.lowerBound...].prefix { $0 != "\"" }) })
            let token = String(url.dropFirst("/vragenlijst/".count))
            // stored hashed only
            #expect(try await ScreeningLink.query(on: app.db).filter(\.$tokenHash == token).count() == 0)
            #expect(try await ScreeningLink.query(on: app.db).filter(\.$tokenHash == ScreeningLink.hash(token)).count() == 1)
            // the parent, not signed in
            var parent = Browser(app)
            let open = try await parent.get(url)
            #expect(open.status == .ok && open.body.string.contains("Heb je mensen om je heen die je helpen"))
            #expect(open.headers.first(name: .cacheControl) == "no-store" && open.headers.first(name: "Referrer-Policy") == "same-origin")
            try await parent.refreshToken(path: url)
            let bad = try await parent.post(url, form: ["q-steun": "bestaat-niet"])
            #expect(bad.status == .unprocessableEntity && bad.body.string.contains("Kies een van de mogelijkheden."))
            let sent = try await parent.post(url, form: ["q-steun": "niemand", "q-schulden": "veel", "parent_note": "Graag over geld praten."])
            #expect(sent.status == .seeOther && sent.headers.first(name: .location) == "/vragenlijst/klaar")
            // used: a clear message, and a second submit changes nothing
            let twice = try await parent.post(url, form: ["q-steun": "veel"])
            #expect(twice.status == .gone && twice.body.string.contains("Je hebt de vragenlijst al ingevuld"))
            let screening = try #require(try await Screening.query(on: app.db).filter(\.$client.$id == client.id!).first())
            #expect(screening.status == .filledByParent && screening.answers["steun"] == "niemand")
            // the professional discusses: completes the answers and adjusts the level with a reason
            let page = "\(base)/\(screening.id!.slug)"
            #expect(try await midwife.get(page).body.string.contains("Graag over geld praten."))
            var fields = try await CareBFixture.answers(app, ["steun": "niemand", "schulden": "veel"])
            fields["adjusted_level"] = "kwetsbaar"
            let noReason = try await midwife.post(page, form: fields)
            #expect(noReason.status == .unprocessableEntity && noReason.body.string.contains("Schrijf op waarom"))
            fields["reason"] = "Samen besproken: de schulden groeien snel."
            #expect(try await midwife.post(page, form: fields).status == .seeOther)
            let done = try #require(try await Screening.find(screening.id, on: app.db))
            #expect(done.status == .completed && done.adjustedLevel == .kwetsbaar && done.computedLevel == .niet)
            #expect(done.adjustmentReason == "Samen besproken: de schulden groeien snel.")
        }
    }

    @Test("an expired link says so in Dutch; an unknown one is a 404")
    func expired() async throws {
        try await withApp { app in
            let client = try await CareBFixture.client(app)
            let midwife = try await CareBFixture.user(CareBFixture.midwife, app)
            let instrument = try await ScreeningInstrument.current(on: app.db)
            let longAgo = Date().addingTimeInterval(-ScreeningLink.validity - 60)
            let (_, token) = try await ScreeningRecords.sendLink(client: client, instrument: instrument, by: midwife, key: "t-expired", on: app.db, now: longAgo)
            var parent = Browser(app)
            let res = try await parent.get("/vragenlijst/\(token)")
            #expect(res.status == .gone && res.body.string.contains("Deze link is verlopen"))
            let unknown = try await parent.get("/vragenlijst/" + String(repeating: "a", count: 43))
            #expect(unknown.status == .notFound && unknown.body.string.contains("Deze link klopt niet"))
        }
    }

    @Test("another organisation never reaches a client's screenings; only the admin publishes a version, audited, with its scoring changes shown")
    func accessAndVersions() async throws {
        try await withApp { app in
            let client = try await CareBFixture.client(app)
            var other = try await Browser.signedIn(app, as: CareBFixture.jgz)
            #expect(try await other.get("/zorg/clienten/\(client.id!.slug)/signaleren").status == .notFound)
            #expect(try await other.get("/zorg/clienten/\(client.id!.slug)/signaleren/nieuw").status == .notFound)
            // a professional reads the instrument but may not change it
            #expect(try await other.get("/zorg/signaleren/instrument").status == .ok)
            #expect(try await other.get("/zorg/signaleren/instrument/nieuw").status == .forbidden)
            // the instrument is used by every coalition: a coordinator may not publish it (issue #13, item 6)
            var zeist = try await Browser.signedIn(app, as: "coordinator@zeist.demo")
            #expect(try await zeist.get("/zorg/signaleren/instrument/nieuw").status == .forbidden)
            #expect(try await zeist.get("/zorg/signaleren/instrument/import").status == .forbidden)
            #expect(try await zeist.post("/zorg/signaleren/instrument/import", form: ["title": "Zeist 2027", "definition": DefaultInstrument.definition.encoded()]).status == .forbidden)
            let levelsBefore = try await Screening.query(on: app.db).sort(\.$id).all().map { "\($0.id!) \($0.computedLevel?.rawValue ?? "-")" }
            var coordinator = try await Browser.signedIn(app, as: "admin@kansrijk.demo")
            // the JSON import is the power users' way in (InstrumentFormTests cover the form)
            let bad = try await coordinator.post("/zorg/signaleren/instrument/import", form: ["title": "Zeist 2027", "definition": "{ kapot"])
            #expect(bad.status == .unprocessableEntity && bad.body.string.contains("Dit is geen geldige JSON"))
            var changed = DefaultInstrument.definition
            changed.thresholds.kwetsbaar = 9
            let ok = try await coordinator.post("/zorg/signaleren/instrument/import", form: ["title": "Zeist 2027", "definition": changed.encoded()])
            #expect(ok.status == .seeOther)
            let versions = try await ScreeningInstrument.query(on: app.db).sort(\.$version).all()
            #expect(versions.map(\.version) == [1, 2])
            #expect(try versions[0].definition == DefaultInstrument.definition, "version 1 is unchanged")
            // the demo screenings keep version 1, and their levels
            #expect(try await Screening.query(on: app.db).filter(\.$instrument.$id == versions[0].id!).count() > 0)
            #expect(try await Screening.query(on: app.db).sort(\.$id).all().map { "\($0.id!) \($0.computedLevel?.rawValue ?? "-")" } == levelsBefore)
            // the publication is in the audit log, and the version page says what scores differently
            try await AuditOutbox.drain(on: app.db)
            let event = try await AuditEvent.query(on: app.db).sort(\.$sequence, .descending).first()
            #expect(event?.what == "screening instrument version 2 published (1 scoring changes)" && event?.basis == "administration")
            let page = try await coordinator.get("/zorg/signaleren/instrument/2").body.string
            #expect(page.contains("Wat telt anders dan in versie 1") && page.contains("Grens ‘kwetsbaar’: \(DefaultInstrument.definition.thresholds.kwetsbaar) wordt 9"))
        }
    }

    @Test("the demo has a screening at every level, one waiting for the parent and one she filled in")
    func demo() async throws {
        try await withApp { app in
            let all = try await Screening.query(on: app.db).all()
            #expect(Set(all.compactMap(\.computedLevel)).isSuperset(of: Set(VulnerabilityLevel.allCases)))
            #expect(all.contains { $0.status == .waitingForParent } && all.contains { $0.status == .filledByParent })
        }
    }
}
