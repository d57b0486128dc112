import Fluent
import Foundation
import Testing
import Vapor
@testable import KansrijkApp

/// The client's record through the 1000 days (issue #15): editing the details, recording the birth
/// (and with it the phase, the referral options and the route proposal), closing and reopening.
@Suite("Client record: details, birth, closing", .serialized)
struct ClientRecordTests {
    static func day(_ offset: Int) -> String { CalendarDay.iso(CalendarDay.day(at: Date()).addingTimeInterval(Double(offset) * 86_400)) }

    static func events(_ app: Application, client: UUID) async throws -> [AuditEvent] {
        try await AuditEvent.query(on: app.db).filter(\.$clientID == client).sort(\.$sequence).all()
    }

    static func details(_ client: CareClient, _ changes: [String: String]) -> [String: String] {
        ["name": client.name, "birth_date": CalendarDay.iso(client.birthDate), "municipality": client.municipalityCode,
         "expected_birth_date": client.expectedBirthDate.map(CalendarDay.iso) ?? "", "language": client.language]
            .merging(changes) { _, new in new }
    }

    @Test("an involved professional edits the details; the audit names the fields, not the values; bad input is a Dutch 422 with what was typed")
    func editDetails() async throws {
        try await withApp { app in
            // setup
            let client = try await ClientFixtures.client(app, name: "E.D. Wijzig", now: Date())
            let base = "/zorg/clienten/\(client.id!.slug)"
            var midwife = try await Browser.signedIn(app, as: ClientFixtures.midwifeEmail)

            // act + check: the form shows the record as it is, and the page links to it
            #expect(try await midwife.get(base).body.string.contains("href=\"\(base)/gegevens\""))
            let form = try await midwife.get("\(base)/gegevens")
            #expect(form.status == .ok)
            #expect(form.body.string.contains("value=\"E.D. Wijzig\"") && form.body.string.contains("value=\"1998-05-01\""))

            // bad input: a named Dutch error per field, typed values kept, nothing written
            let empty = try await midwife.post("\(base)/gegevens", form: Self.details(client, ["birth_date": "", "name": "E.D. Nieuw"]))
            #expect(empty.status == .unprocessableEntity)
            #expect(empty.body.string.contains("Vul de geboortedatum in."))
            #expect(empty.body.string.contains("value=\"E.D. Nieuw\""))
            let far = try await midwife.post("\(base)/gegevens", form: Self.details(client, ["expected_birth_date": Self.day(400)]))
            #expect(far.status == .unprocessableEntity)
            #expect(far.body.string.contains("De verwachte bevallingsdatum ligt te ver in de toekomst"))
            let malformed = try await midwife.post("\(base)/gegevens", form: Self.details(client, ["birth_date": "1998-02-31"]))
            #expect(malformed.status == .unprocessableEntity)
            #expect(malformed.body.string.contains("Vul een bestaande datum in"))
            let movedWithoutMove = try await midwife.post("\(base)/gegevens", form: Self.details(client, ["moved_on": Self.day(-2)]))
            #expect(movedWithoutMove.status == .unprocessableEntity)
            #expect(movedWithoutMove.body.string.contains("Vul alleen een verhuisdatum in als u ook de gemeente wijzigt."))
            #expect(try await CareClient.find(client.id, on: app.db)?.name == "E.D. Wijzig")

            // a good change
            let saved = try await midwife.post("\(base)/gegevens", form: Self.details(client, ["name": "E.D. Gewijzigd", "language": "ar"]))
            #expect(saved.status == .seeOther)
            let stored = try #require(try await CareClient.find(client.id, on: app.db))
            #expect(stored.name == "E.D. Gewijzigd" && stored.language == "ar" && stored.municipalityCode == DemoCatalog.zeist)
            let change = try #require(try await Self.events(app, client: client.id!).last)
            #expect(change.action == .update && change.what == "client details changed: name, language")
            #expect(!change.what.contains("Gewijzigd"))
            #expect(try await ClientMove.query(on: app.db).filter(\.$client.$id == client.id!).count() == 0)
            // the client's access report says it in plain words
            #expect(try await midwife.get("\(base)/inzage").body.string.contains("Gegevens gewijzigd"))

            // the receiving organisation, involved through a referral, may correct them too
            _ = try await ClientFixtures.consent(app, client: client, from: Date().addingTimeInterval(-60))
            _ = try await ClientFixtures.referral(app, client: client, now: Date())
            var jgz = try await Browser.signedIn(app, as: ClientFixtures.jgzEmail)
            #expect(try await jgz.post("\(base)/gegevens", form: Self.details(stored, ["language": "nl"])).status == .seeOther)
            #expect(try await CareClient.find(client.id, on: app.db)?.language == "nl")
        }
    }

    @Test("another organisation's professional, unknown and malformed ids get 404 on every new route and change nothing")
    func strangers() async throws {
        try await withApp { app in
            // setup
            let client = try await ClientFixtures.client(app, name: "V.R. Vreemd", now: Date())
            let base = "/zorg/clienten/\(client.id!.slug)"
            var debt = try await Browser.signedIn(app, as: ClientFixtures.debtEmail)
            var elsewhere = try await Browser.signedIn(app, as: "professional@apeldoorn.demo")
            var midwife = try await Browser.signedIn(app, as: ClientFixtures.midwifeEmail)
            let posts: [(String, [String: String])] = [
                ("gegevens", Self.details(client, ["name": "Aanvaller"])), ("geboorte", ["actual_birth_date": Self.day(-1)]),
                ("overdracht", ["service": DemoData.serviceID("Stevig Ouderschap").slug, "summary": "x", "agreed": "y", "consent": "ja",
                                "given_by": "client", "recorded_how": "verbal"]),
                ("afsluiten", ["reason": "anders", "note": "weg"]), ("heropenen", [:]),
            ]

            // act + check
            for (path, form) in posts {
                #expect(try await debt.post("\(base)/\(path)", form: form).status == .notFound, "debt \(path)")
                #expect(try await elsewhere.post("\(base)/\(path)", form: form).status == .notFound, "elsewhere \(path)")
                #expect(try await debt.get("\(base)/\(path)").status.code >= 400, "debt GET \(path)")
                for other in ["/zorg/clienten/\(UUID().uuidString)/\(path)", "/zorg/clienten/niet-een-id/\(path)"] {
                    #expect(try await midwife.post(other, form: form).status == .notFound, "unknown id \(path)")
                }
            }
            let stored = try #require(try await CareClient.find(client.id, on: app.db))
            #expect(stored.name == "V.R. Vreemd" && stored.actualBirthDate == nil && stored.closedAt == nil)
            #expect(try await Referral.query(on: app.db).filter(\.$client.$id == client.id!).count() == 0)
            #expect(try await Consent.query(on: app.db).filter(\.$client.$id == client.id!).count() == 0)
            #expect(try await Self.events(app, client: client.id!).contains { $0.action == .denied })
        }
    }

    @Test("recording the birth gives the child a KK- code, moves the phase to kraamtijd, and the referral form offers kraamtijd services first")
    func birth() async throws {
        try await withApp { app in
            // setup
            let client = try await ClientFixtures.client(app, name: "G.B. Geboorte", now: Date())
            let base = "/zorg/clienten/\(client.id!.slug)"
            var midwife = try await Browser.signedIn(app, as: ClientFixtures.midwifeEmail)
            let before = try await midwife.get("\(base)/verwijzen").body.string
            #expect(before.contains("<optgroup label=\"Past bij de fase: Zwangerschap, 2e trimester\">"))
            #expect(try await midwife.get(base).body.string.contains("<dt>Fase</dt><dd>Zwangerschap, 2e trimester</dd>"))

            // act + check: bad dates
            for (value, message) in [("", "Vul de geboortedatum van de baby in."), (Self.day(2), "De geboortedatum van de baby ligt in de toekomst."),
                                     ("1990-01-01", "De baby kan niet eerder geboren zijn dan de moeder."), ("2026-02-30", "Vul een bestaande datum in"),
                                     ("2020-01-01", "meer dan 2 jaar geleden")] {
                let bad = try await midwife.post("\(base)/geboorte", form: ["actual_birth_date": value])
                #expect(bad.status == .unprocessableEntity, "\(value)")
                #expect(bad.body.string.contains(message), "\(value)")
                #expect(bad.body.string.contains("value=\"\(value)\""), "typed value kept: \(value)")
            }
            #expect(try await CareClient.find(client.id, on: app.db)?.actualBirthDate == nil)

            // the birth, three days ago
            let saved = try await midwife.post("\(base)/geboorte", form: ["actual_birth_date": Self.day(-3)])
            #expect(saved.status == .seeOther)
            let stored = try #require(try await CareClient.find(client.id, on: app.db))
            let childCode = try #require(stored.childCode)
            #expect(childCode.hasPrefix("KK-") && childCode.count == 8 && childCode != stored.code)
            #expect(stored.phase(on: CalendarDay.day(at: Date())) == .maternity)
            #expect(try await Self.events(app, client: client.id!).last?.what == "birth recorded")
            let page = try await midwife.get(base).body.string
            #expect(page.contains("<dt>Fase</dt><dd>Rond de geboorte en kraamtijd</dd>"))
            #expect(page.contains("<dt>Code van het kind</dt><dd>\(childCode)</dd>"))
            // the JSON API shows the child's code and the new phase too
            let json = try await midwife.get("/api/zorg/clienten/\(client.id!.slug)").body.string
            #expect(json.contains("\"childCode\":\"\(childCode)\"") && json.contains("\"phase\":\"kraamtijd\""))
            // correcting the date keeps the child's code
            #expect(try await midwife.post("\(base)/geboorte", form: ["actual_birth_date": Self.day(-4)]).status == .seeOther)
            #expect(try await CareClient.find(client.id, on: app.db)?.childCode == childCode)

            // the referral options follow the phase: kraamtijd services first, pregnancy ones among the rest
            let after = try await midwife.get("\(base)/verwijzen").body.string
            let group = try #require(after.range(of: "<optgroup label=\"Past bij de fase: Rond de geboorte en kraamtijd\">"))
            let rest = try #require(after.range(of: "<optgroup label=\"Ander aanbod in de gemeente\">"))
            let fitting = after[group.upperBound..<rest.lowerBound]
            #expect(fitting.contains("Weggeefwinkel") && fitting.contains("Online moedergroep") && fitting.contains("VoorZorg"))
            #expect(!fitting.contains("Centering Pregnancy") && !fitting.contains("Start Kansrijk"))
            #expect(after[rest.upperBound...].contains("Centering Pregnancy"))
        }
    }

    @Test("after the birth the route proposal offers kraamtijd services instead of pregnancy ones")
    func routeFollowsBirth() async throws {
        try await withApp { app in
            // setup: a screening that finds money worries
            let client = try await CareBFixture.client(app, name: "R.V. Route")
            var midwife = try await Browser.signedIn(app, as: CareBFixture.midwife)
            let base = "/zorg/clienten/\(client.id!.slug)"
            let form = try await midwife.get("\(base)/signaleren/nieuw")
            var fields = try await CareBFixture.answers(app, ["schulden": "veel"])
            fields["submission_key"] = try #require(CareBFixture.hidden(form.body.string, "submission_key"))
            let screening = try #require(try await midwife.post("\(base)/signaleren/nieuw", form: fields).headers.first(name: .location))
            let pregnant = try await midwife.get(screening + "/route").body.string
            #expect(pregnant.contains("Zwangerschap, 2e trimester"))
            #expect(pregnant.contains("Financiën en schulden") && !pregnant.contains("Weggeefwinkel"))

            // act
            #expect(try await midwife.post("\(base)/geboorte", form: ["actual_birth_date": Self.day(-2)]).status == .seeOther)

            // check: the maternity period's money help, none of the pregnancy-only services
            let born = try await midwife.get(screening + "/route").body.string
            #expect(born.contains("Rond de geboorte en kraamtijd"))
            #expect(born.contains("Weggeefwinkel"))
            #expect(!born.contains("Start Kansrijk") && !born.contains("Voedselbank"))
        }
    }

    @Test("the export holds the child's code, the closing reason and the moves; erasure removes the moves")
    func privacy() async throws {
        try await withApp { app in
            // setup
            let client = try await ClientFixtures.client(app, name: "P.V. Privacy", now: Date())
            var midwife = try await Browser.signedIn(app, as: ClientFixtures.midwifeEmail)
            let base = "/zorg/clienten/\(client.id!.slug)"
            #expect(try await midwife.post("\(base)/geboorte", form: ["actual_birth_date": Self.day(-1)]).status == .seeOther)
            #expect(try await midwife.post("\(base)/gegevens", form: Self.details(client, ["municipality": DemoCatalog.borsele])).status == .seeOther)
            #expect(try await midwife.post("\(base)/afsluiten", form: ["reason": "verhuisd-buiten-regio"]).status == .seeOther)
            let stored = try #require(try await CareClient.find(client.id, on: app.db))

            // act
            let export = try await ClientPrivacy.export(stored, on: app.db, now: Date())
            try await ClientPrivacy.erase(stored, on: app.db)

            // check
            #expect(export.childCode == stored.childCode && export.childCode?.hasPrefix("KK-") == true)
            #expect(export.closedReason == "verhuisd-buiten-regio")
            #expect(export.moves.map(\.to) == [DemoCatalog.borsele] && export.moves.map(\.from) == [DemoCatalog.zeist])
            #expect(try await ClientMove.query(on: app.db).filter(\.$client.$id == client.id!).count() == 0)
        }
    }

    @Test("closing asks for a reason on its own page; any involved organisation reopens; closing again restarts the retention clock")
    func closeAndReopen() async throws {
        try await withApp { app in
            // setup
            let client = try await ClientFixtures.client(app, name: "S.L. Sluiten", now: Date())
            _ = try await ClientFixtures.consent(app, client: client, from: Date().addingTimeInterval(-60))
            _ = try await ClientFixtures.referral(app, client: client, now: Date())
            let base = "/zorg/clienten/\(client.id!.slug)"
            var midwife = try await Browser.signedIn(app, as: ClientFixtures.midwifeEmail)
            var jgz = try await Browser.signedIn(app, as: ClientFixtures.jgzEmail)

            // act + check: the confirmation page, and no close without a reason
            let confirm = try await midwife.get("\(base)/afsluiten")
            #expect(confirm.status == .ok)
            #expect(confirm.body.string.contains("Verhuisd buiten de regio") && confirm.body.string.contains("Ja, zorg afsluiten"))
            let noReason = try await midwife.post("\(base)/afsluiten", form: [:])
            #expect(noReason.status == .unprocessableEntity && noReason.body.string.contains("Kies waarom u de zorg afsluit."))
            let otherWithoutText = try await midwife.post("\(base)/afsluiten", form: ["reason": "anders"])
            #expect(otherWithoutText.status == .unprocessableEntity && otherWithoutText.body.string.contains("Beschrijf de reden als u &#39;anders&#39; kiest.")
                    || otherWithoutText.body.string.contains("Beschrijf de reden als u 'anders' kiest."))
            let badReason = try await midwife.post("\(base)/afsluiten", form: ["reason": "weg-ermee"])
            #expect(badReason.status == .unprocessableEntity)
            #expect(try await CareClient.find(client.id, on: app.db)?.closedAt == nil)
            // the receiving organisation may not close while the midwife's organisation is involved
            #expect(try await jgz.get("\(base)/afsluiten").status == .forbidden)
            #expect(try await jgz.post("\(base)/afsluiten", form: ["reason": "zorg-afgerond"]).status == .forbidden)

            let closed = try await midwife.post("\(base)/afsluiten", form: ["reason": "anders", "note": "Gezin geëmigreerd"])
            #expect(closed.status == .seeOther)
            let first = try #require(try await CareClient.find(client.id, on: app.db))
            let firstClosedAt = try #require(first.closedAt)
            #expect(first.closedReason == "anders" && first.closedNote == "Gezin geëmigreerd")
            let event = try #require(try await Self.events(app, client: client.id!).last)
            #expect(event.what == "client closed: anders" && !event.what.contains("geëmigreerd"))
            let page = try await midwife.get(base).body.string
            #expect(page.contains("Reden: Anders: Gezin geëmigreerd"))
            #expect(page.contains("action=\"\(base)/heropenen\""))
            #expect(try await midwife.get("\(base)/afsluiten").status == .seeOther)

            // reopening by the other involved organisation stops the clock
            #expect(try await jgz.post("\(base)/heropenen", form: [:]).status == .seeOther)
            let reopened = try #require(try await CareClient.find(client.id, on: app.db))
            #expect(reopened.closedAt == nil && reopened.closedReason == nil && reopened.closedNote == nil)
            #expect(try await Self.events(app, client: client.id!).last?.what == "client reopened")

            // closing again starts the term anew
            try await Task.sleep(nanoseconds: 1_100_000_000)
            #expect(try await midwife.post("\(base)/afsluiten", form: ["reason": "zorg-afgerond"]).status == .seeOther)
            let again = try #require(try await CareClient.find(client.id, on: app.db)?.closedAt)
            #expect(again > firstClosedAt)
            let report = try await midwife.get("\(base)/inzage").body.string
            #expect(report.contains("Zorg afgesloten") && report.contains("Zorg weer geopend"))
        }
    }
}
