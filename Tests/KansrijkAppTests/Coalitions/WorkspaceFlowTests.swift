import Fluent
import Testing
import Vapor
import VaporTesting
@testable import KansrijkApp

/// The coalition workspace used as a coordinator would: through its forms, with bad input too.
@Suite("Keeping a coalition's workspace", .serialized)
struct WorkspaceFlowTests {
    static let z = Zeist.base

    static func today() -> String { CalendarDay.iso(CalendarDay.day(at: Date())) }
    static func daysFromToday(_ n: Int) -> String { CalendarDay.iso(CalendarDay.day(at: Date()).addingTimeInterval(Double(n) * 86_400)) }

    @Test("an admin creates a coalition; its home page shows the facts and the empty state")
    func createCoalition() async throws {
        try await withApp { app in
            var admin = try await Browser.signedIn(app, as: "admin@kansrijk.demo")
            // bad input: no name, an unknown municipality, a start in the future
            let bad = try await admin.post("/coalities/nieuw", form: ["name": "", "municipalities": "Atlantis", "started_on": Self.daysFromToday(3)])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("Onbekende gemeente: Atlantis"))
            #expect(bad.body.string.contains("Deze datum ligt in de toekomst."))
            #expect(try await Coalition.query(on: app.db).count() == 3)
            // good input
            let res = try await admin.post("/coalities/nieuw", form: [
                "name": "Kansrijke Start Utrechtse Heuvelrug", "municipalities": "Utrechtse Heuvelrug, GM0345",
                "started_on": "2022-09-13", "content_lead": "Sanne Voorbeeld", "policy_lead": "Mila Proef",
            ])
            #expect(res.status == .seeOther)
            #expect(res.headers.first(name: .location) == "/coalities/kansrijke-start-utrechtse-heuvelrug")
            let home = try await admin.get("/coalities/kansrijke-start-utrechtse-heuvelrug").body.string
            // the tranche is the municipalities' earliest (ADR 0009), not a field of the coalition
            let tranche = try await CoalitionTranche.of(municipalities: ["GM1581", "GM0345"], on: app.db)
            #expect(home.contains(tranche.map { "Tranche \($0.rawValue)" } ?? "Geen of onbekend"))
            #expect(home.contains("Regio (gemeenten)") && home.contains("13 september 2022"))
            #expect(home.contains("Er is nog geen fase vastgelegd."))
            #expect(home.contains("/dekking?coalitie=kansrijke-start-utrechtse-heuvelrug"))
            // the same short name twice is refused
            let twice = try await admin.post("/coalities/nieuw", form: ["name": "Kansrijke Start Utrechtse Heuvelrug", "municipalities": "Zeist"])
            #expect(twice.status == .unprocessableEntity)
            #expect(twice.body.string.contains("Deze korte naam is al in gebruik."))
            // renaming to another coalition's short name is refused; keeping its own is not a clash
            let edit = "/coalities/kansrijke-start-utrechtse-heuvelrug/bewerken"
            let clash = try await admin.post(edit, form: ["name": "Heuvelrug", "slug": "zeist", "municipalities": "Utrechtse Heuvelrug"])
            #expect(clash.status == .unprocessableEntity)
            #expect(clash.body.string.contains("Deze korte naam is al in gebruik."))
            let own = try await admin.post(edit, form: ["name": "Heuvelrug", "slug": "kansrijke-start-utrechtse-heuvelrug", "municipalities": "Utrechtse Heuvelrug"])
            #expect(own.status == .seeOther)
        }
    }

    @Test("the Zeist home page shows stage, partners by circle, who is missing, ambitions, next meeting, open points, coverage, stories")
    func home() async throws {
        try await withApp { app in
            var policy = try await Browser.signedIn(app, as: "policy@zeist.demo")
            let page = try await policy.get(Self.z).body.string
            for text in ["Monitoring", "Kerncoalitie", "Raedelijn (procesbegeleider)", "Kraamzorg: ziet elk gezin", "Huisarts: kent het gezin",
                         "Korte lijnen tussen het medische en het sociale domein", "Kerncoalitie: jaarplan",
                         "Uitnodiging aan kraamzorg, ziekenhuis en huisartsen versturen", "over tijd", "Geen zorgpad", "Ook een vader"] {
                #expect(page.contains(text), "home shows \(text)")
            }
            #expect(!page.contains("Vaders: vaak een blinde vlek"), "Zeist has its fathers' group")
            #expect(!page.contains("Gegevens van de coalitie bewerken"), "policy advisors read, they do not edit")
        }
    }

    @Test("partners: add one, refuse it twice, refuse leaving before joining; nothing extra is stored")
    func partners() async throws {
        try await withApp { app in
            var b = try await Browser.signedIn(app, as: "coordinator@zeist.demo")
            let before = try await CoalitionPartner.query(on: app.db).count()
            let added = try await b.post("\(Self.z)/partners/nieuw", form: [
                "new_organisation": "Kraamzorg Het Nest", "new_kind": "kraamzorg", "domain": "medisch", "circle": "binnenkring",
                "contacts": "Anna Fictief, kraamverzorgende", "wants": "Eerder weten welk gezin extra steun nodig heeft.",
                "brings": "Elke dag thuis in de kraamweek.", "joined_on": "2025-01-14",
            ])
            #expect(added.status == .seeOther)
            #expect(try await CoalitionPartner.query(on: app.db).count() == before + 1)
            let list = try await b.get("\(Self.z)/partners").body.string
            #expect(list.contains("Kraamzorg Het Nest") && !list.contains("Kraamzorg: ziet elk gezin"))

            let again = try await b.post("\(Self.z)/partners/nieuw", form: [
                "organisation": DemoData.orgID("vp-zeist").uuidString.lowercased(), "domain": "medisch", "circle": "kerncoalitie", "joined_on": "2025-01-14",
            ])
            #expect(again.status == .unprocessableEntity)
            #expect(again.body.string.contains("Verloskundige Praktijk Zeist is al partner van deze coalitie."))
            let wrongOrder = try await b.post("\(Self.z)/partners/\(Zeist.partner)/bewerken", form: [
                "domain": "medisch", "circle": "kerncoalitie", "joined_on": "2019-03-12", "left_on": "2018-12-31",
            ])
            #expect(wrongOrder.status == .unprocessableEntity)
            #expect(wrongOrder.body.string.contains("De datum van vertrek ligt vóór de datum van aansluiten."))
            #expect(wrongOrder.body.string.contains(#"aria-describedby="h-left_on e-left_on" aria-invalid="true""#))
            #expect(try await CoalitionPartner.query(on: app.db).count() == before + 1)
            let vp = try #require(try await CoalitionPartner.find(DemoCoalitions.partnerID("zeist", "vp-zeist"), on: app.db))
            #expect(vp.leftOn == nil)
        }
    }

    @Test("a partner that left no longer gives its staff access")
    func leftPartner() async throws {
        try await withApp { app in
            var coordinator = try await Browser.signedIn(app, as: "coordinator@zeist.demo")
            // the Apeldoorn CJG joins, so its professional may read
            let joined = try await coordinator.post("\(Self.z)/partners/nieuw", form: [
                "organisation": DemoData.orgID("cjg-apeldoorn").uuidString.lowercased(), "domain": "sociaal", "circle": "buitenkring", "joined_on": "2024-01-01",
            ])
            #expect(joined.status == .seeOther)
            var professional = try await Browser.signedIn(app, as: "professional@apeldoorn.demo")
            #expect(try await professional.get(Self.z).status == .ok)
            let partner = try #require(try await CoalitionPartner.query(on: app.db).filter(\.$organisation.$id == DemoData.orgID("cjg-apeldoorn")).first())
            let left = try await coordinator.post("\(Self.z)/partners/\(partner.id!.uuidString.lowercased())/bewerken", form: [
                "domain": "sociaal", "circle": "buitenkring", "joined_on": "2024-01-01", "left_on": Self.today(),
            ])
            #expect(left.status == .seeOther)
            #expect(try await professional.get(Self.z).status == .forbidden)
        }
    }

    @Test("an ambition with goals and actions; an action ending before it starts is refused")
    func ambition() async throws {
        try await withApp { app in
            var b = try await Browser.signedIn(app, as: "coordinator@zeist.demo")
            let created = try await b.post("\(Self.z)/ambities/nieuw", form: [
                "phase": "voor-de-zwangerschap", "title": "Iedereen kent Nu Niet Zwanger", "indicators": "nnz_beschikbaar, big2",
                "services[]": DemoData.serviceID("Nu Niet Zwanger").uuidString.lowercased(),
            ])
            #expect(created.status == .seeOther)
            let path = try #require(created.headers.first(name: .location))
            #expect(try await b.post("\(path)/doelen", form: ["title": "Elk wijkteam kent het aanbod", "measure": "Aantal trainingen"]).status == .seeOther)
            let goal = try #require(try await AmbitionGoal.query(on: app.db).filter(\.$title == "Elk wijkteam kent het aanbod").first())
            let badAction = try await b.post("\(path)/activiteiten", form: [
                "title": "Training", "status": "gepland", "starts_on": "2025-05-01", "ends_on": "2025-04-01",
            ])
            #expect(badAction.status == .unprocessableEntity)
            #expect(badAction.body.string.contains("De einddatum ligt vóór de begindatum."))
            #expect(badAction.body.string.contains(#"value="2025-04-01""#), "what was typed is kept")
            let action = try await b.post("\(path)/activiteiten", form: [
                "title": "Training wijkteams", "status": "afgerond", "starts_on": "2025-03-01", "ends_on": "2025-04-01",
                "goal": goal.id!.uuidString.lowercased(), "owner": Zeist.partner,
            ])
            #expect(action.status == .seeOther)
            let page = try await b.get(path).body.string
            #expect(page.contains("Elk wijkteam kent het aanbod") && page.contains("Training wijkteams") && page.contains("1 van 1 acties afgerond"))
            #expect(page.contains("nnz_beschikbaar") && page.contains("Nu Niet Zwanger"))
            #expect(try await AmbitionActivity.query(on: app.db).filter(\.$title == "Training").count() == 0)
        }
    }

    @Test("action points carry over to the next meeting of the series until they are done")
    func meetingsCarryOver() async throws {
        try await withApp { app in
            var b = try await Browser.signedIn(app, as: "coordinator@zeist.demo")
            let first = try await b.post("\(Self.z)/overleggen/nieuw", form: [
                "kind": "managers", "title": "Managers voorjaar", "date": Self.daysFromToday(-30), "start_time": "10:00", "end_time": "11:30",
                "attendees[]": Zeist.partner, "agenda": "Strategie\nInzet", "decisions": "Doorgaan met de pilot",
            ])
            #expect(first.status == .seeOther)
            let firstPath = try #require(first.headers.first(name: .location))
            let point = try await b.post("\(firstPath)/actiepunten", form: ["text": "Begroting 2026 opstellen", "owner": Zeist.partner])
            #expect(point.status == .seeOther)
            let second = try await b.post("\(Self.z)/overleggen/nieuw", form: [
                "kind": "managers", "title": "Managers najaar", "date": Self.daysFromToday(30), "start_time": "10:00", "end_time": "11:30",
            ])
            let secondPath = try #require(second.headers.first(name: .location))
            let carried = try await b.get(secondPath).body.string
            let carriedSection = try #require(carried.range(of: "Meegenomen uit eerdere overleggen"))
            #expect(carried[carriedSection.upperBound...].contains("Begroting 2026 opstellen"))
            #expect(!carried.contains("Uitnodiging aan kraamzorg"), "kerncoalitie points stay with the kerncoalitie")

            let pointID = try #require(try await CoalitionActionPoint.query(on: app.db).filter(\.$text == "Begroting 2026 opstellen").first()?.id)
            let done = "\(secondPath)/actiepunten/\(pointID.uuidString.lowercased())/afgerond"
            let tooEarly = try await b.post(done, form: ["done_on": Self.daysFromToday(-31)])
            #expect(tooEarly.status == .unprocessableEntity)
            #expect(tooEarly.body.string.contains("Een actiepunt kan niet af zijn vóór het overleg waarin het is afgesproken."))
            let future = try await b.post(done, form: ["done_on": Self.daysFromToday(2)])
            #expect(future.status == .unprocessableEntity)
            #expect(try await CoalitionActionPoint.find(pointID, on: app.db)?.doneOn == nil)
            #expect(try await b.post(done, form: ["done_on": Self.today()]).status == .seeOther)
            let after = try await b.get(secondPath).body.string
            #expect(after.contains("Afgerond sinds het vorige overleg") && after.contains("Begroting 2026 opstellen"))
            #expect(!after[after.range(of: "Meegenomen uit eerdere overleggen")!.upperBound..<after.range(of: "Afgesproken in dit overleg")!.lowerBound]
                .contains("Begroting 2026 opstellen"))

            let wrongTimes = try await b.post("\(Self.z)/overleggen/nieuw", form: [
                "kind": "kerncoalitie", "title": "Kerncoalitie", "date": "2025-03-11", "start_time": "17:00", "end_time": "15:00",
            ])
            #expect(wrongTimes.status == .unprocessableEntity)
            #expect(wrongTimes.body.string.contains("Het overleg moet later eindigen dan het begint."))
        }
    }

    @Test("the iCalendar feed lists the coming meetings as text/calendar")
    func calendarFeed() async throws {
        try await withApp { app in
            var b = try await Browser.signedIn(app, as: "professional@zeist.demo")
            let res = try await b.get("\(Self.z)/agenda.ics")
            #expect(res.status == .ok)
            #expect(res.headers.first(name: .contentType) == "text/calendar; charset=utf-8")
            #expect(res.headers.first(name: .contentDisposition)?.contains("zeist.ics") == true)
            let text = res.body.string
            #expect(text.hasPrefix("BEGIN:VCALENDAR\r\n") && text.contains("X-WR-CALNAME:Kansrijke Start Zeist\r\n"))
            #expect(text.components(separatedBy: "BEGIN:VEVENT").count - 1 == 2, "two coming meetings")
            #expect(text.contains("SUMMARY:Kerncoalitie: Kerncoalitie: jaarplan"))
            #expect(!text.contains("stand van de actieagenda"), "past meetings are left out")
            #expect(text.contains("UID:\(Zeist.nextCore)@kansrijk"))
        }
    }

    @Test("agreements: a document is checked by its bytes and size, stored in the database and downloaded with its type")
    func agreementUpload() async throws {
        try await withApp { app in
            var b = try await Browser.signedIn(app, as: "coordinator@zeist.demo")
            try await b.refreshToken(path: "\(Self.z)/afspraken/nieuw")
            let fields: [(String, String)] = [("kind", "convenant"), ("title", "Convenant geboortezorg Zeist"), ("signed_on", "2024-06-04"),
                                              ("signatories", "Wethouder Jeugd\nBestuurder VSV"), ("ambitions[]", Zeist.ambition)]
            let before = try await CoalitionAgreement.query(on: app.db).count()

            let renamed = try await b.postMultipart("\(Self.z)/afspraken/nieuw", fields: fields, file: ("convenant.pdf", "application/pdf", SampleFiles.exe))
            #expect(renamed.status == .unprocessableEntity)
            #expect(renamed.body.string.contains("We kijken naar wat er in het bestand staat, niet naar de naam."))
            let big = SampleFiles.pdf + Array(repeating: 0x20, count: UploadCheck.maxBytes)
            let tooBig = try await b.postMultipart("\(Self.z)/afspraken/nieuw", fields: fields, file: ("convenant.pdf", "application/pdf", big))
            #expect(tooBig.status == .unprocessableEntity)
            #expect(tooBig.body.string.contains("een document mag hooguit 5 MB zijn"))
            let huge = Array(repeating: UInt8(0x20), count: UploadCheck.maxBytes * 3)
            let far = try await b.postMultipart("\(Self.z)/afspraken/nieuw", fields: fields, file: ("scan.pdf", "application/pdf", huge))
            #expect(far.status == .payloadTooLarge)
            #expect(far.body.string.contains("Het bestand is veel te groot."))
            // over real HTTP the body streams in past the app-wide 2 MB limit: a 4 MB scan is accepted
            let server = try app.testing(method: .running(port: 0))
            let scan = SampleFiles.pdf + Array(repeating: 0x20, count: 4 * 1_048_576)
            let streamed = try await b.postMultipart("\(Self.z)/afspraken/nieuw", fields: [("kind", "convenant"), ("title", "Grote scan"),
                                                     ("signed_on", "2024-06-04"), ("signatories", "Wethouder")],
                                                     file: ("scan.pdf", "application/pdf", scan), over: server)
            // the live client follows the redirect to the new agreement's page
            #expect(streamed.status == .ok && streamed.body.string.contains("Grote scan"))
            let stored = try #require(try await CoalitionAgreement.query(on: app.db).filter(\.$title == "Grote scan").first())
            #expect(try await CoalitionAgreementDocument.query(on: app.db).filter(\.$agreement.$id == stored.requireID()).first()?.size == scan.count)
            try await stored.delete(on: app.db)
            let future = try await b.postMultipart("\(Self.z)/afspraken/nieuw", fields: [("kind", "convenant"), ("title", "Convenant"),
                                                   ("signed_on", Self.daysFromToday(5)), ("signatories", "Wethouder")], file: nil)
            #expect(future.status == .unprocessableEntity)
            #expect(try await CoalitionAgreement.query(on: app.db).count() == before)
            #expect(try await CoalitionAgreementDocument.query(on: app.db).count() == 2)

            let ok = try await b.postMultipart("\(Self.z)/afspraken/nieuw", fields: fields, file: ("Convenant geboortezorg.docx", "application/octet-stream", SampleFiles.pdf))
            #expect(ok.status == .seeOther)
            let path = try #require(ok.headers.first(name: .location))
            let page = try await b.get(path).body.string
            #expect(page.contains("Convenant geboortezorg.pdf") && page.contains("Kwetsbare zwangeren zijn vroeg in beeld en in zorg"))
            let download = try await b.get("\(path)/document")
            #expect(download.status == .ok)
            #expect(download.headers.first(name: .contentType) == "application/pdf")
            #expect(download.headers.first(name: .contentDisposition) == #"attachment; filename="Convenant geboortezorg.pdf"; filename*=UTF-8''Convenant%20geboortezorg.pdf"#)
            #expect(Array(download.body.readableBytesView) == SampleFiles.pdf)

            // editing without a file keeps the document; with one replaces it
            try await b.refreshToken(path: "\(path)/bewerken")
            #expect(try await b.postMultipart("\(path)/bewerken", fields: fields, file: nil).status == .seeOther)
            #expect(try await b.get("\(path)/document").headers.first(name: .contentType) == "application/pdf")
            #expect(try await b.postMultipart("\(path)/bewerken", fields: fields, file: ("scan.png", "image/png", SampleFiles.png)).status == .seeOther)
            let replaced = try await b.get("\(path)/document")
            #expect(replaced.headers.first(name: .contentType) == "image/png")
            #expect(try await CoalitionAgreementDocument.query(on: app.db).count() == 3)
        }
    }

    @Test("stories: consent is required, names are warned about, deleting honours a withdrawn consent")
    func stories() async throws {
        try await withApp { app in
            var b = try await Browser.signedIn(app, as: "coordinator@zeist.demo")
            let before = try await CoalitionStory.query(on: app.db).count()
            var form = ["title": "Eerder hulp", "body": "Fatima kreeg via mevrouw De Groot sneller hulp.", "teller": "ouder",
                        "phase": "zwangerschap-t1", "theme": "financien", "told_on": Self.today(), "consent_on": Self.today(), "consent_form": "mondeling"]
            let warned = try await b.post("\(Self.z)/verhalen/nieuw", form: form)
            #expect(warned.status == .unprocessableEntity)
            #expect(warned.body.string.contains("‘Fatima’") && warned.body.string.contains("‘mevrouw De Groot’"))
            #expect(warned.body.string.contains("Vink aan dat de verteller toestemming gaf."))
            #expect(warned.body.string.contains(#"name="names_checked""#))
            form["body"] = "Een moeder kreeg via haar verloskundige sneller hulp."
            form["consent"] = "ja"
            let saved = try await b.post("\(Self.z)/verhalen/nieuw", form: form)
            #expect(saved.status == .seeOther)
            #expect(try await CoalitionStory.query(on: app.db).count() == before + 1)
            let story = try #require(try await CoalitionStory.query(on: app.db).filter(\.$title == "Eerder hulp").first())
            #expect(story.$recordedBy.id == Zeist.coordinator)
            let list = try await b.get("\(Self.z)/verhalen").body.string
            #expect(list.contains("Toestemming: mondeling, vastgelegd"))
            #expect(story.isPublic == false)
            // editing: the stored story comes back in the form; marking it public keeps its consent record
            let edit = "\(Self.z)/verhalen/\(story.id!.uuidString.lowercased())/bewerken"
            let editPage = try await b.get(edit).body.string
            #expect(editPage.contains("Verhaal bewerken") && editPage.contains(#"value="Eerder hulp""#))
            try await b.refreshToken(path: edit)
            var edited = form
            edited["public"] = "ja"; edited["names_checked"] = "ja"; edited["title"] = ""
            #expect(try await b.post(edit, form: edited).status == .unprocessableEntity)
            #expect(try await CoalitionStory.find(story.id, on: app.db)?.title == "Eerder hulp", "nothing half-written")
            edited["title"] = "Eerder hulp, sneller"
            #expect(try await b.post(edit, form: edited).status == .seeOther)
            let stored = try #require(try await CoalitionStory.find(story.id, on: app.db))
            #expect(stored.isPublic && stored.title == "Eerder hulp, sneller" && stored.consentForm == story.consentForm)
            #expect(try await b.post("\(Self.z)/verhalen/\(story.id!.uuidString.lowercased())/verwijderen", form: ["bevestigd": "ja"]).status == .seeOther)
            #expect(try await CoalitionStory.find(story.id, on: app.db) == nil)
        }
    }

    @Test("stages: a day in the future is refused, a real one recorded and shown as current")
    func stages() async throws {
        try await withApp { app in
            var b = try await Browser.signedIn(app, as: "coordinator@borsele.demo")
            let future = try await b.post("/coalities/borsele/fasen", form: ["stage": "monitoring", "reached_on": Self.daysFromToday(1), "evidence": "Dashboard"])
            #expect(future.status == .unprocessableEntity)
            #expect(future.body.string.contains("Deze datum ligt in de toekomst."))
            let twice = try await b.post("/coalities/borsele/fasen", form: ["stage": "startbijeenkomst", "reached_on": "2021-02-10", "evidence": "Nog eens"])
            #expect(twice.body.string.contains("Deze fase is al vastgelegd op 9 februari 2021."))
            let ok = try await b.post("/coalities/borsele/fasen", form: ["stage": "monitoring", "reached_on": Self.today(), "evidence": "Eerste monitor besproken"])
            #expect(ok.status == .seeOther)
            let home = try await b.get("/coalities/borsele").body.string
            #expect(home.contains(#"<p class="ws-current">Monitoring</p>"#))
            #expect(try await StageTimeline.currentStages(of: [DemoData.coalitionID("borsele")], on: app.db) == [DemoData.coalitionID("borsele"): .monitoring])
        }
    }

    @Test("a coordinator changes the coalition's facts but not its municipalities or address")
    func editFacts() async throws {
        try await withApp { app in
            var b = try await Browser.signedIn(app, as: "coordinator@zeist.demo")
            let res = try await b.post("\(Self.z)/bewerken", form: [
                "name": "Kansrijke Start Zeist", "slug": "gekaapt", "municipalities": "Utrecht",
                "started_on": "2019-03-12", "parents_voice": "Ouderpanel", "fathers_voice": "",
            ])
            #expect(res.status == .seeOther)
            let zeist = try #require(try await Coalition.find(DemoData.coalitionID("zeist"), on: app.db))
            #expect(zeist.slug == "zeist" && zeist.parentsVoice == "Ouderpanel" && zeist.fathersVoice == nil)
            #expect(try await zeist.municipalityCodes(on: app.db) == [DemoCatalog.zeist])
            #expect(try await b.get(Self.z).body.string.contains("Vaders: vaak een blinde vlek."))
        }
    }
}
