import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import KansrijkApp

/// Review gap 1: aggregate imports are limited to the importer's own area; national sources to admins.
@Suite("Monitoring: who imports for which area", .serialized)
struct ImportScopeTests {
    typealias M = MonitoringFixtures
    let screenings = IndicatorCatalog.process.first { $0.code == "screenings_kwetsbaar" }!
    let kraamzorg = IndicatorCatalog.rivm.first { $0.code == "geen_kraamzorg" }!

    @Test("the rule: coalition municipalities (current codes), the own municipality, the GGD region; admins anywhere")
    func rule() {
        let coalition = ImportScope.make(coalitionCodes: ["GM0002", "GM0009"], organisationKind: .verloskunde, organisationMunicipality: "GM0004", areas: M.areas)
        #expect(coalition.municipalities == ["GM0002", "GM0001"], "a former code counts as today's municipality; a midwife's practice adds nothing")
        #expect(coalition.owner == "uw coalitie")
        let municipality = ImportScope.make(coalitionCodes: [], organisationKind: .gemeente, organisationMunicipality: "GM0004", areas: M.areas)
        #expect(municipality.municipalities == ["GM0004"])
        #expect(municipality.owner == "uw gemeente")
        let ggd = ImportScope.make(coalitionCodes: ["GM0004"], organisationKind: .ggd, organisationMunicipality: "GM0001", areas: M.areas)
        #expect(ggd.municipalities == ["GM0001", "GM0002", "GM0003", "GM0004"])
        #expect(ggd.owner == "uw coalitie of GGD-regio")
        let nobody = ImportScope.make(coalitionCodes: [], organisationKind: .welzijn, organisationMunicipality: "GM0001", areas: M.areas)
        #expect(nobody.municipalities == [])
        #expect(!nobody.allows("GM0001"))
        #expect(ImportScope.anywhere.allows("GM0004"))
    }

    @Test("national sources are for admins; a coalition's own indicator never is national")
    func nationalSources() {
        #expect(IndicatorCatalog.rivm.allSatisfy(ImportScope.isNational))
        #expect(!ImportScope.isNational(screenings))
        var local = kraamzorg
        local.group = LocalIndicatorOwner.origin
        #expect(!ImportScope.isNational(local))
        let coalition = ImportScope(municipalities: ["GM0001"], owner: "uw coalitie")
        #expect(!coalition.mayImport(kraamzorg))
        #expect(coalition.mayImport(screenings))
        #expect(ImportScope.anywhere.mayImport(kraamzorg))
    }

    @Test("rows for other areas are reported per line, and nothing is read")
    func otherAreas() throws {
        var importer = AggregateImporter(areas: M.areas, indicator: screenings)
        importer.scope = ImportScope(municipalities: ["GM0001"], owner: "uw coalitie")
        let path = try M.file("gebied;periode;teller;noemer\nGM0001;2024-03;12;40\nGM0009;2024-03;11;30\nGM0004;2024-03;20;50\n")
        #expect(throws: ImportReport.self) { try importer.read(path: path) }
        do { _ = try importer.read(path: path) } catch {
            #expect(error.issues == [.init(line: 4, message: "GM0004 Vierhuizen hoort niet bij uw coalitie")])
        }
        importer.scope = .anywhere
        #expect(try importer.read(path: path).count == 3)
    }

    @Test("the importer refuses a national source for a user with a scope")
    func nationalRefused() throws {
        var importer = AggregateImporter(areas: M.areas, indicator: kraamzorg)
        importer.scope = ImportScope(municipalities: ["GM0001"], owner: "uw coalitie")
        let path = try M.file("gebied;periode;teller;noemer\nGM0001;2022;12;40\n")
        do { _ = try importer.read(path: path); Issue.record("a national source was read") } catch {
            #expect(error.issues.first?.message.contains("landelijke bron (Vektis)") == true)
        }
    }

    @Test("Zeist's coordinator: Amsterdam's row is reported in Dutch and nothing is imported")
    func pageRefusesOtherArea() async throws {
        try await withApp { app in
            // setup
            var b = try await Browser.signedIn(app, as: "coordinator@zeist.demo")
            try await b.refreshToken(path: "/monitor/import")
            let before = try await MonitoringCount.query(on: app.db).filter(\.$element == "screenings").count()
            let text = "gebied;periode;teller;noemer\nGM0355;2024-03;12;40\nGM0363;2024-03;30;90\n"
            // act
            let job = try #require(ImportPageFixtures.jobPath(try await b.postUpload("/monitor/import", indicator: "screenings_kwetsbaar", fileName: "a.csv", text: text)))
            _ = try await b.post("\(job)/kolommen", form: ["gebied": "0", "periode": "1", "teller": "2", "noemer": "3"])
            let report = try await b.settledJobPage(job).body.string
            // check
            #expect(report.contains("Regel 3: GM0363 Amsterdam hoort niet bij uw coalitie"), "\(report.prefix(4000))")
            #expect(report.contains("Er is niets veranderd"))
            #expect(try await MonitoringCount.query(on: app.db).filter(\.$element == "screenings").count() == before)
        }
    }

    @Test("Zeist's own rows are imported and leave Amsterdam's figures for the same month alone")
    func pageImportsOwnAreaOnly() async throws {
        try await withApp { app in
            // setup: an admin delivered Amsterdam's figures for March
            var admin = try await Browser.signedIn(app, as: "admin@kansrijk.demo")
            try await admin.refreshToken(path: "/monitor/import")
            let first = try #require(ImportPageFixtures.jobPath(try await admin.postUpload("/monitor/import", indicator: "screenings_kwetsbaar", fileName: "a.csv",
                                                                                             text: "gebied;periode;teller;noemer\nGM0363;2024-03;30;90\n")))
            _ = try await admin.post("\(first)/kolommen", form: ["gebied": "0", "periode": "1", "teller": "2", "noemer": "3"])
            let firstPage = try await admin.settledJobPage(first).body.string
            #expect(firstPage.contains("Regels ingelezen: 1"), "\(firstPage.suffix(4000))")
            // act: Zeist delivers its own March
            var b = try await Browser.signedIn(app, as: "policy@zeist.demo")
            try await b.refreshToken(path: "/monitor/import")
            let job = try #require(ImportPageFixtures.jobPath(try await b.postUpload("/monitor/import", indicator: "screenings_kwetsbaar", fileName: "z.csv",
                                                                                       text: "gebied;periode;teller;noemer\nGM0355;2024-03;12;40\n")))
            _ = try await b.post("\(job)/kolommen", form: ["gebied": "0", "periode": "1", "teller": "2", "noemer": "3"])
            // check
            #expect(try await b.settledJobPage(job).body.string.contains("Regels ingelezen: 1"))
            let march = try await MonitoringCount.query(on: app.db).filter(\.$element == "screenings").filter(\.$period == "2024-03").all()
            #expect(Dictionary(uniqueKeysWithValues: march.map { ($0.areaCode, $0.count) }) == ["GM0355": 40, "GM0363": 90])
        }
    }

    @Test("national sources: not offered to a coordinator, refused when posted anyway, offered to an admin")
    func pageNationalSources() async throws {
        try await withApp { app in
            var b = try await Browser.signedIn(app, as: "coordinator@zeist.demo")
            let start = try await b.get("/monitor/import").body.string
            #expect(!start.contains(#"value="geen_kraamzorg""#))
            #expect(start.contains(#"value="screenings_kwetsbaar""#))
            #expect(start.contains("Alleen cijfers van de gemeenten van uw eigen coalitie"))
            try await b.refreshToken(path: "/monitor/import")
            let refused = try await b.postUpload("/monitor/import", indicator: "geen_kraamzorg", fileName: "k.csv", text: ImportPageFixtures.good)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("Deze cijfers komen uit een landelijke bron (Vektis)"))
            #expect(try await ImportJob.query(on: app.db).count() == 0)
            var admin = try await Browser.signedIn(app, as: "admin@kansrijk.demo")
            #expect(try await admin.get("/monitor/import").body.string.contains(#"value="geen_kraamzorg""#))
        }
    }
}
