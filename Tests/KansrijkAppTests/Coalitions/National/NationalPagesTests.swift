import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import KansrijkApp

@Suite("National overview pages", .serialized)
struct NationalPagesTests {
    @Test("the overview: figures, a map with a link per municipality, the table, honest about demo figures")
    func overview() async throws {
        try await withApp { app in
            var b = Browser(app)
            let res = try await b.get("/landelijk")
            #expect(res.status == .ok)
            let html = res.body.string
            #expect(html.components(separatedBy: "<a href=\"/landelijk/gemeenten/").count - 1 == 2 * 342, "a map link and a table link each")
            // the stage is the furthest the Zeist coalition recorded in its workspace
            let milestones = try await StageMilestone.query(on: app.db).filter(\.$coalition.$id == DemoData.coalitionID("zeist")).all()
            let stage = milestones.map(\.stage).max { $0.order < $1.order }.map { Strings.text("stage.\($0.rawValue)", .nl) } ?? "onbekend"
            #expect(html.contains("<title>Zeist: Tranche 2 (GIDS), Gezamenlijk plan ja, Prenataal huisbezoek ja, Nu Niet Zwanger ja, Fase coalitie \(stage)</title>"))
            #expect(html.contains("Let op: demo-cijfers."))
            #expect(html.contains("<strong>342</strong> van 342 gemeenten"))
            // national figures equal what the pure function computes from the stored rows
            let data = try await NationalData.load(on: app.db)
            let coalition = NationalFigures.national(data.entries).ratio(.coalition)
            #expect(coalition.denominator == 342)
            #expect(html.contains(">\(coalition.numerator) <span class=\"figure-of\">van 342</span>"))
            #expect(res.headers[.setCookie].isEmpty, "reading the overview creates no session")
            let english = try await b.get("/landelijk?lang=en")
            #expect(english.body.string.contains("Kansrijke Start national overview"))
        }
    }

    @Test("the overview's body is kept a moment and shared, but an admin's (with the import link) apart and the layout per reader")
    func keptBody() async throws {
        try await withApp { app in
            let pages = app.nationalPages
            pages.lifetime = 60
            var visitor = Browser(app)
            let first = try await visitor.get("/landelijk")
            #expect(first.status == .ok && !first.body.string.contains("/landelijk/importeren"))
            var coordinator = try await Browser.signedIn(app, as: "coordinator@zeist.demo")
            let theirs = try await coordinator.get("/landelijk").body.string
            #expect(pages.computations == 1, "a visitor and a coordinator read one body")
            #expect(theirs.contains("name=\"csrf\"") && !first.body.string.contains("name=\"csrf\""), "each in their own layout")
            #expect(!theirs.contains("/landelijk/importeren"))
            var admin = try await Browser.signedIn(app, as: "admin@kansrijk.demo")
            #expect(try await admin.get("/landelijk").body.string.contains("/landelijk/importeren"))
            #expect(pages.computations == 2, "the admin's body is its own")
            let bad = try await visitor.get("/landelijk?tranche=99")
            #expect(bad.status == .badRequest, "a kept body keeps its status")
            #expect(try await visitor.get("/landelijk?tranche=99").status == .badRequest)
            #expect(pages.computations == 3)
            // what the kept body shows is what a fresh one shows
            pages.lifetime = 0
            #expect(try await visitor.get("/landelijk").body.string == first.body.string)
        }
    }

    @Test("the table filters and sorts through the query string, and the CSV gives the same rows")
    func filterSortAndCSV() async throws {
        try await withApp { app in
            var b = Browser(app)
            let data = try await NationalData.load(on: app.db)
            let expected = data.rows.filter { $0.tranche == .three && $0.provinceCode == "PV26" }
            let res = try await b.get("/landelijk?tranche=3&provincie=PV26&sorteer=inwoners&richting=af")
            let html = res.body.string
            #expect(html.contains("<strong>\(expected.count)</strong> van 342 gemeenten (gefilterd)"))
            let tableRows = html.components(separatedBy: "<tr><th scope=\"row\"><a href=\"/landelijk/gemeenten/").dropFirst()
            #expect(tableRows.count == expected.count)
            let largest = try #require(expected.max { $0.facts!.inhabitants < $1.facts!.inhabitants })
            #expect(tableRows.first?.hasPrefix(largest.code) == true, "sorted by inhabitants, largest first")
            #expect(html.contains("aria-sort=\"descending\""))

            let csv = try await b.get("/landelijk/gemeenten.csv?tranche=3&provincie=PV26")
            #expect(csv.headers.contentType?.subType == "csv")
            #expect(csv.headers.first(name: .contentDisposition)?.contains("DEMO") == true)
            let text = csv.body.string
            #expect(text.hasPrefix("\u{FEFF}gemeentecode;inwoners;tranche;gids;gezamenlijk_plan;prenataal_huisbezoek;nnz;gemeente;"))
            let lines = text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
            #expect(lines.count == expected.count + 1)
            #expect(lines.dropFirst().allSatisfy { $0.contains(";demo (fictief);") })
            let all = try await b.get("/landelijk/gemeenten.csv")
            #expect(all.body.string.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == 343)
            // the export imports again unchanged
            let names = Dictionary(uniqueKeysWithValues: data.rows.map { ($0.code, $0.name) })
            let rows = try ParticipationImport.parse(Data(all.body.string.utf8), municipalities: names).get()
            #expect(rows.count == 342)
            #expect(rows.first { $0.code == "GM0355" }?.facts == data.row("GM0355")?.facts)
        }
    }

    @Test("a municipality page shows its participation, funding, coalition and practice examples")
    func municipality() async throws {
        try await withApp { app in
            var anonymous = Browser(app)
            let zeist = try await anonymous.get("/landelijk/gemeenten/GM0355").body.string
            #expect(zeist.contains("<h1>Zeist</h1>"))
            #expect(zeist.contains("Tranche 2 (GIDS)"))
            #expect(zeist.contains("Kansrijke Start Zeist"))
            #expect(zeist.contains("/praktijkvoorbeelden/zeist-van-mdo-naar-coalitie"))
            #expect(zeist.contains("GIDS-aanvulling"))
            #expect(!zeist.contains("/bewerken"), "no edit link for visitors")
            var coordinator = try await Browser.signedIn(app, as: "coordinator@zeist.demo")
            #expect(try await coordinator.get("/landelijk/gemeenten/GM0355").body.string.contains("/landelijk/gemeenten/GM0355/bewerken"))
            #expect(!(try await coordinator.get("/landelijk/gemeenten/GM0654").body.string.contains("/bewerken")))
        }
    }

    @Test("a coordinator changes the coalition's facts only; tranche and inhabitants stay as they were")
    func coordinatorEdit() async throws {
        try await withApp { app in
            let before = try #require(try await MunicipalityParticipation.find("GM0355", on: app.db))
            var b = try await Browser.signedIn(app, as: "coordinator@zeist.demo")
            try await b.refreshToken(path: "/landelijk/gemeenten/GM0355/bewerken")
            let form = try await b.get("/landelijk/gemeenten/GM0355/bewerken").body.string
            #expect(!form.contains("name=\"tranche\"") && !form.contains("name=\"inwoners\""))
            #expect(form.contains("<a href=\"/coalities/zeist/fasen\">Kansrijke Start Zeist</a>"))
            let res = try await b.post("/landelijk/gemeenten/GM0355/bewerken",
                                       form: ["prenataal_huisbezoek": "ja", "tranche": "1", "inwoners": "5", "gids": "ja"])
            #expect(res.status == .seeOther)
            let after = try #require(try await MunicipalityParticipation.find("GM0355", on: app.db))
            #expect(!after.hasJointPlan && after.hasPrenatalVisit && !after.hasNNZ)
            #expect(after.tranche == before.tranche && after.inhabitants == before.inhabitants && after.isGIDS == before.isGIDS)
            #expect(after.isDemo, "tranche and inhabitants are still demo figures")
        }
    }

    @Test("an admin edits everything; a wrong number is explained and nothing is stored")
    func adminEdit() async throws {
        try await withApp { app in
            var b = try await Browser.signedIn(app, as: "admin@kansrijk.demo")
            try await b.refreshToken(path: "/landelijk/gemeenten/GM0014/bewerken")
            let bad = try await b.post("/landelijk/gemeenten/GM0014/bewerken", form: ["tranche": "1", "inwoners": "veel", "gids": "ja"])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("Vul een heel aantal inwoners in"))
            #expect(bad.body.string.contains("value=\"veel\""))
            #expect(try await MunicipalityParticipation.find("GM0014", on: app.db)?.isDemo == true)
            let good = try await b.post("/landelijk/gemeenten/GM0014/bewerken",
                                        form: ["tranche": "1", "inwoners": "243.000", "gids": "ja", "nnz": "ja", "bron": "Vragenlijst 2025"])
            #expect(good.status == .seeOther)
            let row = try #require(try await MunicipalityParticipation.find("GM0014", on: app.db))
            #expect(row.facts == ParticipationFacts(tranche: .one, isGIDS: true, hasJointPlan: false, hasPrenatalVisit: false, hasNNZ: true, inhabitants: 243_000))
            #expect(!row.isDemo && row.sourceNote == "Vragenlijst 2025")
            let page = try await b.get("/landelijk/gemeenten/GM0014").body.string
            #expect(page.contains("De gegevens zijn opgeslagen.") && page.contains("243.000") && !page.contains("243.000 (demo)"))
        }
    }

    @Test("the admin imports a CSV through the web form: all or nothing, with a Dutch report")
    func webImport() async throws {
        try await withApp { app in
            var b = try await Browser.signedIn(app, as: "admin@kansrijk.demo")
            try await b.refreshToken(path: "/landelijk/importeren")
            let rejected = try await b.postMultipart("/landelijk/importeren", fields: ["bron": "Test"], file: ("bestand", "fout.csv", NationalFixtures.bad))
            #expect(rejected.status == .unprocessableEntity)
            let html = rejected.body.string
            #expect(html.contains("Regel 3: onbekende gemeentecode &#39;GM9999&#39;.") || html.contains("Regel 3: onbekende gemeentecode 'GM9999'."))
            #expect(html.contains("Regel 4: inwoners"))
            #expect(html.contains("Er is niets opgeslagen."))
            #expect(try await MunicipalityParticipation.find("GM0355", on: app.db)?.isDemo == true, "the good line was not stored either")

            let empty = try await b.postMultipart("/landelijk/importeren", fields: [:], file: nil)
            #expect(empty.status == .unprocessableEntity && empty.body.string.contains("Kies een CSV-bestand."))

            let done = try await b.postMultipart("/landelijk/importeren", fields: ["bron": "Vragenlijst 2025"], file: ("bestand", "goed.csv", NationalFixtures.good))
            #expect(done.status == .seeOther)
            let zeist = try #require(try await MunicipalityParticipation.find("GM0355", on: app.db))
            #expect(zeist.inhabitants == 66_123 && zeist.tranche == .three && !zeist.isDemo && zeist.sourceNote == "Vragenlijst 2025")
            #expect(try await MunicipalityParticipation.query(on: app.db).count() == 342)
            let overview = try await b.get("/landelijk").body.string
            #expect(overview.contains("Geïmporteerd: 2 gemeenten bijgewerkt, 0 nieuw, 0 leeggemaakt."))
            #expect(overview.contains("Let op: demo-cijfers."), "the other 340 are still demo")

            let replaced = try await b.postMultipart("/landelijk/importeren", fields: ["vervang": "ja"], file: ("bestand", "alles.csv", NationalFixtures.good))
            #expect(replaced.status == .seeOther)
            #expect(try await MunicipalityParticipation.query(on: app.db).count() == 2)
            let honest = try await b.get("/landelijk").body.string
            #expect(!honest.contains("Let op: demo-cijfers."))
            #expect(honest.contains("Onbekend"))
        }
    }

    @Test("kansrijk participatie import: the same rules from the command line")
    func command() async throws {
        try await withApp { app in
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kansrijk-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: dir) }
            let good = dir.appendingPathComponent("deelname.csv"), bad = dir.appendingPathComponent("fout.csv")
            try NationalFixtures.good.write(to: good)
            try NationalFixtures.bad.write(to: bad)
            do {
                _ = try await ParticipationCommand.importFile(bad.path, replaceAll: false, source: nil, on: app.db)
                Issue.record("a bad file must be refused")
            } catch let failure as CommandFailure {
                #expect(failure.description.contains("Niets geïmporteerd"))
                #expect(failure.description.contains("Regel 3: onbekende gemeentecode 'GM9999'."))
            }
            await #expect(throws: CommandFailure.self) {
                try await ParticipationCommand.importFile(dir.appendingPathComponent("bestaat-niet.csv").path, replaceAll: false, source: nil, on: app.db)
            }
            let outcome = try await ParticipationCommand.importFile(good.path, replaceAll: false, source: nil, on: app.db)
            #expect(outcome == .init(created: 0, updated: 2, removed: 0))
            #expect(try await MunicipalityParticipation.find("GM0654", on: app.db)?.sourceNote == "Import deelname.csv")
        }
    }

    @Test("funding totals on the page are the pure function's totals; figures per province and GGD region")
    func fundingAndFigures() async throws {
        try await withApp { app in
            var b = Browser(app)
            let data = try await NationalData.load(on: app.db)
            let amounts = ImpulseFunding.amounts(data.rows.compactMap(\.fundingInput), rates: .assumed2020)
            let national = ImpulseFunding.totals(amounts).national
            let funding = try await b.get("/landelijk/financiering").body.string
            #expect(funding.contains(ImpulseFunding.euros(national.totalCents)))
            #expect(funding.contains("€ 0,78"))
            #expect(funding.contains("Kansrijke Start Zeist"))
            let figures = try await b.get("/landelijk/cijfers").body.string
            #expect(figures.contains("Per provincie") && figures.contains("Fryslân") && figures.contains("GGD Zeeland"))
            let utrecht = NationalFigures.byProvince(data.entries, provinces: data.provinces).first { $0.code == "PV26" }!
            let r = utrecht.ratio(.coalition)
            #expect(figures.contains("\(r.numerator)/\(r.denominator) <span class=\"muted\">(\(r.percentText))</span>"))
        }
    }

    @Test("the library: five source documents, searchable, each with its source and tags")
    func library() async throws {
        try await withApp { app in
            var b = Browser(app)
            let all = try await b.get("/praktijkvoorbeelden").body.string
            #expect(all.contains("5 praktijkvoorbeelden"))
            let found = try await b.get("/praktijkvoorbeelden?interventie=escalatieladder").body.string
            #expect(found.contains("1 praktijkvoorbeeld<") && found.contains("Derde voortgangsrapportage"))
            let byPlace = try await b.get("/praktijkvoorbeelden?gemeente=GM0654&q=klantroute").body.string
            #expect(byPlace.contains("Borsele: samen werken aan iets concreets"))
            let page = try await b.get("/praktijkvoorbeelden/voortgangsrapportage-juli-2020").body.string
            #expect(page.contains("Ministerie van Volksgezondheid, Welzijn en Sport, juli 2020"))
            #expect(page.contains("<a href=\"/landelijk/gemeenten/GM0796\">&#39;s-Hertogenbosch</a>"))
            #expect(page.contains("href=\"/praktijkvoorbeelden?interventie=kasto\""))
        }
    }

    @Test("the migrations revert for real and run again")
    func migrationsRevert() async throws {
        try await withApp { app in
            try await SeedPracticeExamples().revert(on: app.db)
            #expect(try await PracticeExample.query(on: app.db).count() == 0)
            try await CreatePracticeExamples().revert(on: app.db)
            try await CreateMunicipalityParticipations().revert(on: app.db)
            await #expect(throws: (any Error).self) { try await MunicipalityParticipation.query(on: app.db).count() }
            try await CreateMunicipalityParticipations().prepare(on: app.db)
            try await CreatePracticeExamples().prepare(on: app.db)
            try await SeedPracticeExamples().prepare(on: app.db)
            #expect(try await PracticeExample.query(on: app.db).count() == 5)
            #expect(try await MunicipalityParticipation.query(on: app.db).count() == 0)
        }
    }
}
