import Foundation
import Testing
@testable import KansrijkApp

@Suite("Monitoring: births extract and the RIVM definitions")
struct BirthDefinitionTests {
    let areas = MonitoringFixtures.areas

    /// Six children of GM0001 in 2021, worked out by hand in the comments.
    static let sixChildren = """
    \(MonitoringFixtures.birthsHeader)
    2021;GM0001;23;4;;0;0;;1;1;laag
    2021;GM0001;24;0;50;0;1;60;1;2;midden
    2021;GM0001;36;6;9,9;1;1;71;0;3;hoog
    2021;GM0001;37;0;10;2;1;70;;;
    2021;GM0001;40;2;9,5;0;1;;1;1;laag
    2021;gm0001;41;1;85;1;0;80;0;5;hoog
    """
    // row 1: 23 weeks, not counted at all (only >= 24 weeks), stillborn
    // row 2: 24 weeks -> counted, preterm, Big2; first check-up day 60 known, not after day 70
    // row 3: 36 weeks -> preterm; p9.9 < 10 -> low weight; Big2 once; day 71 -> after day 70
    // row 4: 37 weeks -> not preterm; p10 is not < 10; day 70 is not after day 70
    // row 5: p9,5 (Dutch decimal) -> low weight, Big2; first check-up unknown
    // row 6: stillborn at 41 weeks still counts for Big2's denominator; day 80 -> after day 70

    @Test("only >= 24 weeks count; < 37 preterm; < p10 low weight; Big2 is either, counted once")
    func definitions() throws {
        // setup
        let path = try MonitoringFixtures.file(Self.sixChildren)
        // act
        let aggregate = try BirthsImporter(areas: areas).aggregate(path: path)
        // check
        #expect(aggregate.children == 6)
        #expect(aggregate.slots.count == 1)
        func n(_ e: BirthRecord.Element, cell: Int = CellLayout.total) -> Int { aggregate.count(slot: 0, cell: cell, element: e) }
        #expect(n(.ge24) == 5)
        #expect(n(.preterm) == 2)
        #expect(n(.lowWeight) == 2)
        #expect(n(.big2) == 3)
        #expect(n(.liveBorn) == 4)
    }

    @Test("antenatal care after week 10: day > 70 among known first check-ups; unknown counted apart")
    func firstCheckUp() throws {
        let aggregate = try BirthsImporter(areas: areas).aggregate(path: try MonitoringFixtures.file(Self.sixChildren))
        #expect(aggregate.count(slot: 0, cell: 0, element: .checkKnown) == 4)
        #expect(aggregate.count(slot: 0, cell: 0, element: .checkAfter70) == 2)
        #expect(aggregate.count(slot: 0, cell: 0, element: .checkUnknown) == 1)
        // so zorg_na_week_10 = 2 / 4, not 2 / 5
    }

    @Test("breakdown cells add up to the total, with an 'onbekend' cell")
    func breakdowns() throws {
        let aggregate = try BirthsImporter(areas: areas).aggregate(path: try MonitoringFixtures.file(Self.sixChildren))
        let v0 = CellLayout.index(breakdown: "kwetsbaar", value: "0")!, v1 = CellLayout.index(breakdown: "kwetsbaar", value: "1")!
        let vu = CellLayout.index(breakdown: "kwetsbaar", value: "onbekend")!
        #expect(aggregate.count(slot: 0, cell: v1, element: .ge24) == 2)
        #expect(aggregate.count(slot: 0, cell: v0, element: .ge24) == 2)
        #expect(aggregate.count(slot: 0, cell: vu, element: .ge24) == 1)
        let q1 = CellLayout.index(breakdown: "inkomen_kwintiel", value: "1")!
        #expect(aggregate.count(slot: 0, cell: q1, element: .big2) == 1)
        let low = CellLayout.index(breakdown: "opleiding", value: "laag")!
        #expect(aggregate.count(slot: 0, cell: low, element: .ge24) == 1)
    }

    @Test("the hot loop's cell arithmetic matches CellLayout")
    func cellArithmetic() {
        for v in [nil, 0, 1] as [Int?] {
            for q in [nil, 1, 2, 3, 4, 5] as [Int?] {
                for o in [nil, "laag", "midden", "hoog"] as [String?] {
                    let r = BirthRecord(year: 2021, municipality: "GM0001", weeks: 40, days: 0, percentile: 50, parity: 0, liveBorn: true,
                                        firstCheckDay: 60, vulnerable: v, incomeQuintile: q, education: o)
                    let expected = (CellLayout.index(breakdown: "kwetsbaar", value: r.breakdownValues[0])!,
                                    CellLayout.index(breakdown: "inkomen_kwintiel", value: r.breakdownValues[1])!,
                                    CellLayout.index(breakdown: "opleiding", value: r.breakdownValues[2])!)
                    #expect(r.cellIndices == expected)
                }
            }
        }
    }

    @Test("BOM, CRLF and a quoted field read the same as the plain file")
    func encodings() throws {
        let plain = try BirthsImporter(areas: areas).aggregate(path: try MonitoringFixtures.file(Self.sixChildren))
        let quoted = Self.sixChildren.replacingOccurrences(of: "9,9", with: "\"9,9\"")
        let other = try BirthsImporter(areas: areas).aggregate(path: try MonitoringFixtures.file(quoted, bom: true, crlf: true))
        #expect(other.counts == plain.counts)
    }

    @Test("lines that straddle the reader's chunks are read whole")
    func chunks() throws {
        let path = try MonitoringFixtures.file(Self.sixChildren, bom: true, crlf: true)
        var lines: [[String]] = []
        try DelimitedFileScanner(separator: 59, chunkSize: 7).scan(path: path) { line in
            lines.append((0..<line.count).map(line.string))
        }
        #expect(lines.count == 7)
        #expect(lines[0].first == "jaar")
        #expect(lines[3][4] == "9,9")
        #expect(lines[6] == ["2021", "gm0001", "41", "1", "85", "1", "0", "80", "0", "5", "hoog"])
    }

    @Test("a former municipality's children land on today's municipality")
    func merges() throws {
        let text = MonitoringFixtures.birthsHeader + "\n2018;GM0009;40;0;5;0;1;60;0;1;laag\n2018;GM0001;40;0;50;0;1;60;0;1;laag\n"
        let aggregate = try BirthsImporter(areas: areas).aggregate(path: try MonitoringFixtures.file(text))
        #expect(aggregate.slots.map(\.code).sorted() == ["GM0001", "GM0009"])
        let cube = aggregate.cubes(areas: areas)[2018]!
        #expect(cube.count("kinderen_ge24", place: areas.index(of: "GM0001")!, cell: 0) == 2)
        #expect(cube.count("kinderen_ge24_laag_gewicht", place: areas.index(of: "GM0001")!, cell: 0) == 1)
    }

    @Test("bad rows: every problem reported with its line, nothing aggregated")
    func badRows() throws {
        let text = """
        \(MonitoringFixtures.birthsHeader)
        2021;GM0001;40;0;50;0;1;60;0;1;laag
        2021;GM9999;40;0;50;0;1;60;0;1;laag
        2021;GM0001;-3;0;50;0;1;60;0;1;laag
        2021;GM0001;40;0;150;0;1;60;0;1;laag
        2021;GM0001;40;0;50;0;2;60;0;1;laag
        2021;GM0001;40;0;;0;1;60;0;1;laag
        2021,GM0001,40,0,50,0,1,60,0,1,laag
        2021;GM0001;40;0;50;0;1;60;0;7;laag
        2021;PV20;40;0;50;0;1;60;0;1;laag
        2021;GM0001;40;0;50;0;1;60;0;1;heel hoog
        """
        do {
            _ = try BirthsImporter(areas: areas).aggregate(path: try MonitoringFixtures.file(text))
            Issue.record("the import should have been refused")
        } catch let report as ImportReport {
            #expect(report.total == 9)
            #expect(report.issues.map(\.line) == [3, 4, 5, 6, 7, 8, 9, 10, 11])
            #expect(report.issues[0].message == "onbekende gemeentecode GM9999 voor 2021")
            #expect(report.issues[1].message == "amww '-3' is geen geheel getal")
            #expect(report.issues[2].message.hasPrefix("hoftiezer '150'"))
            #expect(report.issues[3].message == "levend 2 ligt buiten 0-1")
            #expect(report.issues[4].message == "hoftiezer ontbreekt voor een kind van 40 weken")
            #expect(report.issues[5].message.contains("verkeerd scheidingsteken"))
            #expect(report.issues[7].message == "gemeente 'PV20' is geen CBS-gemeentecode (GMxxxx)")
            #expect(report.description.hasPrefix("Niets geïmporteerd: 9 problemen"))
        }
    }

    @Test("missing columns, a one-column header and an oversized file are refused before reading rows")
    func refusals() throws {
        func report(_ path: String, max: Int64 = ImportLimits.birthsMaxBytes) -> String {
            var importer = BirthsImporter(areas: areas)
            importer.maxBytes = max
            do { _ = try importer.aggregate(path: path); return "" } catch { return "\(error)" }
        }
        #expect(report(try MonitoringFixtures.file("jaar;gemeente;amww\n2021;GM0001;40\n")).contains("kolom 'amdd' ontbreekt"))
        #expect(report(try MonitoringFixtures.file("jaar|gemeente|amww\n")).contains("één kolom"))
        #expect(report(try MonitoringFixtures.file(Self.sixChildren), max: 100).contains("de grens is 0 MB"))
        #expect(report("/nonexistent/births.csv").contains("bestaat niet"))
    }
}
