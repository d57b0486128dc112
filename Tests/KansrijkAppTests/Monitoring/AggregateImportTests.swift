import Fluent
import Foundation
import Testing
@testable import KansrijkApp

@Suite("Monitoring: aggregate CSV import", .serialized)
struct AggregateImportTests {
    let kraamzorg = IndicatorCatalog.rivm.first { $0.code == "geen_kraamzorg" }!

    func importer() -> AggregateImporter { AggregateImporter(areas: MonitoringFixtures.areas, indicator: kraamzorg) }

    func problems(_ text: String, bom: Bool = false, crlf: Bool = false) -> [String] {
        do { _ = try importer().read(path: try MonitoringFixtures.file(text, bom: bom, crlf: crlf)); return [] } catch let r as ImportReport {
            return r.issues.map(\.message)
        } catch { return ["\(error)"] }
    }

    @Test("Dutch Excel: BOM, CRLF, ';' and a value with a decimal comma")
    func dutchExcel() throws {
        let text = "Gebied;Periode;Teller;Noemer;Waarde\nGM0001;2021;12;150;\nGM0002;2021;;200;7,5\nGM0009;2018;20;120;\n"
        #expect(problems(text, bom: true, crlf: true) == [])
        let rows = try importer().read(path: try MonitoringFixtures.file(text, bom: true, crlf: true))
        #expect(rows == [
            AggregateRow(areaCode: "GM0001", period: .year(2021), numerator: 12, denominator: 150, derived: false),
            AggregateRow(areaCode: "GM0002", period: .year(2021), numerator: 15, denominator: 200, derived: true),
            AggregateRow(areaCode: "GM0009", period: .year(2018), numerator: 20, denominator: 120, derived: false),
        ])
    }

    @Test("as CBS publishes it: ',' separator, English headers, a quoted field")
    func cbs() throws {
        let rows = try importer().read(path: try MonitoringFixtures.file("area,year,numerator,denominator\n\"GM0001\",2021,12,150\n"))
        #expect(rows.count == 1 && rows[0].numerator == 12)
    }

    @Test("bad rows are all reported and nothing is returned")
    func bad() {
        let text = """
        gebied;periode;teller;noemer
        GM0001;2021;12;150
        GM9999;2021;12;150
        GM0002;2021;200;150
        GM0003;2021;-4;150
        GM0001;2021;13;150
        GM0004;2021;1.234;2000
        GG0001;2021;12;150
        GM0004;2021-13;12;150
        GM0007,2021,12,150
        """
        #expect(problems(text) == [
            "onbekende gemeentecode GM9999",
            "teller 200 is groter dan noemer 150",
            "teller -4 is negatief",
            "dubbele rij: GM0001 2021 staat ook op regel 2",
            "teller '1.234' is geen geheel aantal (zonder punten, komma's of spaties)",
            "GG0001: lever gemeentecijfers; regio's, provincies en Nederland telt Kansrijk zelf op",
            "periode '2021-13' is geen jaar (2021), kwartaal (2021-Q1) of maand (2021-03)",
            "1 velden, verwacht 4 (verkeerd scheidingsteken?)",
        ])
    }

    @Test("wrong separator, missing denominator, a composite indicator, an oversized file")
    func refused() throws {
        #expect(problems("gebied|periode|teller|noemer\nGM0001|2021|1|2\n").first?.contains("één kolom") == true)
        #expect(problems("gebied;periode;waarde\nGM0001;2021;7,5\n").first?.contains("kolom noemer ontbreekt") == true)
        let composite = AggregateImporter(areas: MonitoringFixtures.areas, indicator: IndicatorDefinition(
            code: "samengesteld", name: "x", description: "", numerator: "kinderen_ge24_vroeg + kinderen_ge24_laag_gewicht",
            denominator: "kinderen_ge24", factor: 100, direction: .lowerIsBetter, phase: "", source: "", unit: .persons,
            periodKind: .year, breakdowns: [], group: "lokaal"))
        #expect(throws: ImportReport.self) { try composite.targets() }
        var limited = importer()
        limited.maxBytes = 10
        #expect(throws: ImportReport.self) { try limited.read(path: try MonitoringFixtures.file("gebied;periode;teller;noemer\nGM0001;2021;1;20\n")) }
    }

    @Test("stored all-or-nothing, replacing a year on re-import")
    func stored() async throws {
        try await withApp(demo: false) { app in
            // setup
            let areas = try await AreaDimension.load(on: app.db)
            let importer = AggregateImporter(areas: areas, indicator: kraamzorg)
            let good = try MonitoringFixtures.file("gebied;periode;teller;noemer\nGM0355;2021;12;150\nGM0344;2021;20;200\nGM0017;2018;30;300\n")
            // act
            let rows = try importer.read(path: good)
            _ = try await AggregateCountWriter.store(rows, numerator: "moeders_zonder_kraamzorg", denominator: "moeders_levend_geboren", on: app.db)
            // check
            #expect(try await MonitoringCount.query(on: app.db).count() == 6)
            #expect(throws: ImportReport.self) { try importer.read(path: try MonitoringFixtures.file("gebied;periode;teller;noemer\nGM0355;2021;12;150\nGM0355;2021;-1;150\n")) }
            #expect(try await MonitoringCount.query(on: app.db).count() == 6)
            let again = try importer.read(path: try MonitoringFixtures.file("gebied;periode;teller;noemer\nGM0355;2021;14;150\n"))
            _ = try await AggregateCountWriter.store(again, numerator: "moeders_zonder_kraamzorg", denominator: "moeders_levend_geboren", on: app.db)
            let zeist = try await MonitoringCount.query(on: app.db).filter(\.$areaCode == "GM0355").filter(\.$element == "moeders_zonder_kraamzorg").all()
            #expect(zeist.map(\.count) == [14])
            // only the areas in the file are replaced: Utrecht's 2021 figures stay
            #expect(try await MonitoringCount.query(on: app.db).filter(\.$areaCode == "GM0344").count() == 2)
            // Haren (GM0017) of 2018 is counted in Groningen (GM0014) on today's boundaries
            let table = try await MonitoringQuery(db: app.db).table(kraamzorg, period: .year(2018), pooled: false, areas: areas)
            #expect(table.total("GM0014")?.numerator == 30 && table.total("GM0014")?.denominator == 300)
        }
    }
}
