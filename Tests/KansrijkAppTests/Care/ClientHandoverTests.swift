import Fluent
import Foundation
import Testing
import Vapor
@testable import KansrijkApp

/// The warm handover after the birth and after a move (issue #15): proposed from the offering,
/// with a summary and the consent to share it; accepted like a referral.
@Suite("Client record: warm handover and moves", .serialized)
struct ClientHandoverTests {
    static let jgzService = DemoData.serviceID("Stevig Ouderschap")
    static let homeStart = DemoData.serviceID("Home-Start")

    static func handover(_ service: UUID, _ changes: [String: String] = [:]) -> [String: String] {
        ["service": service.slug, "summary": "Eerste kind, bevalling goed verlopen, weinig steun.", "agreed": "JGZ belt deze week.",
         "consent": "ja", "given_by": "client", "recorded_how": "verbal"].merging(changes) { _, new in new }
    }

    static func born(_ app: Application, name: String) async throws -> (CareClient, String) {
        let client = try await ClientFixtures.client(app, name: name, now: Date())
        let midwife = try await ClientFixtures.user(ClientFixtures.midwifeEmail, app)
        try await ClientRecordChanges.recordBirth(client, on: CalendarDay.day(at: Date()).addingTimeInterval(-2 * 86_400), basis: .ownInvolvement,
                                                  by: midwife, on: app.db, now: Date())
        return (client, "/zorg/clienten/\(client.id!.slug)")
    }

    @Test("after the birth the page proposes the municipality's JGZ; the handover records consent and lands in the JGZ worklist as a handover")
    func handoverAfterBirth() async throws {
        try await withApp { app in
            // setup
            let (client, base) = try await Self.born(app, name: "W.O. Overdracht")
            var midwife = try await Browser.signedIn(app, as: ClientFixtures.midwifeEmail)

            // act + check: the proposal, JGZ only
            let page = try await midwife.get(base).body.string
            let panel = try #require(page.range(of: "<h2 id=\"h-handover\">Warme overdracht</h2>"))
            let proposal = page[panel.upperBound...].prefix(1500)
            #expect(proposal.contains("Jeugdgezondheidszorg Zeist") && !proposal.contains("Centrum voor Jeugd en Gezin Zeist"))
            #expect(proposal.contains("\(base)/overdracht?dienst="))
            let form = try await midwife.get("\(base)/overdracht")
            #expect(form.status == .ok)
            // after the birth the JGZ's service for the months after it comes first and is chosen
            #expect(form.body.string.contains("value=\"\(Self.jgzService.slug)\" checked> Stevig Ouderschap — Jeugdgezondheidszorg Zeist</label>"))
            #expect(form.body.string.contains("Centrum voor Jeugd en Gezin Zeist"))
            #expect(!form.body.string.contains("Schuldhulpverlening"))

            // no consent ticked, a service of another kind, an unknown service: 422, typed text kept, nothing written
            let noConsent = try await midwife.post("\(base)/overdracht", form: Self.handover(Self.jgzService, ["consent": ""]))
            #expect(noConsent.status == .unprocessableEntity)
            #expect(noConsent.body.string.contains("Vink aan dat de ouder toestemming geeft"))
            #expect(noConsent.body.string.contains("Eerste kind, bevalling goed verlopen, weinig steun."))
            for service in [DemoData.serviceID("Schuldhulpverlening"), UUID()] {
                let wrong = try await midwife.post("\(base)/overdracht", form: Self.handover(service))
                #expect(wrong.status == .unprocessableEntity && wrong.body.string.contains("Kies de organisatie die het gezin overneemt."))
            }
            let empty = try await midwife.post("\(base)/overdracht", form: ["consent": "ja"])
            #expect(empty.status == .unprocessableEntity && empty.body.string.contains("Vul een korte samenvatting in"))
            #expect(try await Referral.query(on: app.db).filter(\.$client.$id == client.id!).count() == 0)
            #expect(try await Consent.query(on: app.db).filter(\.$client.$id == client.id!).count() == 0)

            // the handover
            let sent = try await midwife.post("\(base)/overdracht", form: Self.handover(Self.jgzService))
            #expect(sent.status == .seeOther)
            let referral = try #require(try await Referral.query(on: app.db).filter(\.$client.$id == client.id!).first())
            #expect(referral.kind == .handover && referral.$receivingOrganisation.id == ClientFixtures.jgzOrg)
            #expect(sent.headers.first(name: .location) == "/zorg/verwijzingen/\(referral.id!.slug)")
            let consent = try #require(try await Consent.find(referral.consentID, on: app.db))
            #expect(consent.purposes == [.refer, .shareSummary])
            #expect(try await Consent.active(client: client.id!, organisation: ClientFixtures.jgzOrg, purpose: .shareSummary, at: Date(), on: app.db) != nil)
            // a second send goes to the open handover instead of a new one
            let twice = try await midwife.post("\(base)/overdracht", form: Self.handover(Self.jgzService))
            #expect(twice.headers.first(name: .location) == "/zorg/verwijzingen/\(referral.id!.slug)")
            #expect(try await Referral.query(on: app.db).filter(\.$client.$id == client.id!).count() == 1)
            #expect(try await Consent.query(on: app.db).filter(\.$client.$id == client.id!).count() == 1, "a refused handover leaves no consent")
            // the proposal is gone once the handover is sent
            #expect(!(try await midwife.get(base).body.string.contains("id=\"h-handover\"")))

            // the JGZ sees it labelled in its worklist and on the referral page, accepts, and stays involved
            var jgz = try await Browser.signedIn(app, as: ClientFixtures.jgzEmail)
            let worklist = try await jgz.get("/zorg/verwijzingen?lijst=inkomend").body.string
            #expect(worklist.contains("Warme overdracht</span> Stevig Ouderschap"))
            let shown = try await jgz.get("/zorg/verwijzingen/\(referral.id!.slug)").body.string
            #expect(shown.contains("<h1>Warme overdracht naar Stevig Ouderschap</h1>") && shown.contains("Samenvatting"))
            let accepted = try await jgz.post("/zorg/verwijzingen/\(referral.id!.slug)/status", form: ["to": "accepted"])
            #expect(accepted.status == .seeOther)
            #expect(try await Referral.find(referral.id, on: app.db)?.status == .accepted)
            #expect(try await jgz.get(base).status == .ok)
            // without a move nobody's involvement ends
            #expect(try await midwife.get(base).status == .ok)
        }
    }

    @Test("a move is recorded with its date; the new municipality's CJG is proposed; on acceptance the old organisations stop being involved")
    func move() async throws {
        try await withApp { app in
            // setup: born in Zeist, JGZ Zeist involved through a referral
            let (client, base) = try await Self.born(app, name: "V.H. Verhuisd")
            _ = try await ClientFixtures.consent(app, client: client, from: Date().addingTimeInterval(-60))
            _ = try await ClientFixtures.referral(app, client: client, now: Date())
            var midwife = try await Browser.signedIn(app, as: ClientFixtures.midwifeEmail)
            let form = ClientRecordTests.details(client, ["municipality": DemoCatalog.apeldoorn])

            // act + check: a move in the future is refused
            let future = try await midwife.post("\(base)/gegevens", form: form.merging(["moved_on": ClientRecordTests.day(3)]) { _, b in b })
            #expect(future.status == .unprocessableEntity && future.body.string.contains("De verhuisdatum ligt in de toekomst."))
            let moved = try await midwife.post("\(base)/gegevens", form: form.merging(["moved_on": ClientRecordTests.day(-1)]) { _, b in b })
            #expect(moved.status == .seeOther)
            let record = try #require(try await ClientMove.query(on: app.db).filter(\.$client.$id == client.id!).first())
            #expect(record.fromMunicipality == DemoCatalog.zeist && record.toMunicipality == DemoCatalog.apeldoorn)
            #expect(CalendarDay.iso(record.movedOn) == ClientRecordTests.day(-1) && record.settledAt == nil)
            let change = try #require(try await ClientRecordTests.events(app, client: client.id!).last)
            #expect(change.what == "client details changed: municipality (move recorded)")

            // the page proposes Apeldoorn's CJG (the demo has no JGZ there)
            let page = try await midwife.get(base).body.string
            #expect(page.contains("verhuisd naar Apeldoorn"))
            #expect(page.contains("<strong>CJG Apeldoorn</strong> (Centrum voor Jeugd en Gezin)") && page.contains("\(base)/overdracht?dienst="))
            let sent = try await midwife.post("\(base)/overdracht", form: Self.handover(Self.homeStart))
            #expect(sent.status == .seeOther)
            let handover = try #require(try await Referral.query(on: app.db).filter(\.$client.$id == client.id!).filter(\.$serviceID == Self.homeStart).first())

            // before acceptance the midwife and the JGZ still see her
            var jgz = try await Browser.signedIn(app, as: ClientFixtures.jgzEmail)
            #expect(try await midwife.get(base).status == .ok)
            #expect(try await jgz.get(base).status == .ok)

            // act: Apeldoorn's CJG accepts
            var apeldoorn = try await Browser.signedIn(app, as: "professional@apeldoorn.demo")
            #expect(try await apeldoorn.get("/zorg/verwijzingen?lijst=inkomend").body.string.contains("Warme overdracht"))
            let accepted = try await apeldoorn.post("/zorg/verwijzingen/\(handover.id!.slug)/status", form: ["to": "accepted"])
            #expect(accepted.status == .seeOther)

            // check: Zeist's organisations offer nothing in Apeldoorn and are no longer involved; the CJG is
            #expect(try await midwife.get(base).status == .notFound)
            #expect(try await jgz.get(base).status == .notFound)
            #expect(try await apeldoorn.get(base).status == .ok)
            let current = try await ClientInvolvement.current(client: client.id!, on: app.db, now: Date()).map { $0.$organisation.id }
            #expect(Set(current) == [DemoData.orgID("cjg-apeldoorn")])
            #expect(try await ClientMove.find(record.id, on: app.db)?.settledAt != nil)
            #expect(try await ClientRecordTests.events(app, client: client.id!).contains { $0.what.hasPrefix("move settled by handover") })
            // with the creating organisation gone, the CJG carries the record and may close it
            #expect(try await apeldoorn.get("\(base)/afsluiten").status == .ok)
            #expect(!(try await apeldoorn.get(base).body.string.contains("id=\"h-handover\"")))
        }
    }

    @Test("an organisation with help in the new municipality, or nationwide, stays involved after a move")
    func organisationsServing() async throws {
        try await withApp { app in
            // setup: GGD regio Utrecht offers VoorZorg in Zeist and GM0344; Fiom is nationwide; the midwife works in Zeist only
            let ggd = DemoData.orgID("ggdru"), fiom = DemoData.orgID("fiom"), midwife = DemoData.orgID("vp-zeist")

            // act
            let serving = try await ClientHandover.organisationsServing("GM0344", among: [ggd, midwife, fiom], on: app.db)

            // check
            #expect(serving == [ggd, fiom])
        }
    }
}
