import Testing
@testable import KansrijkApp

@Suite("Monitoring: report figures for a coalition")
struct ReportFigureTests {
    let areas = MonitoringFixtures.areas
    let big2 = IndicatorCatalog.rivm.first { $0.code == "big2" }!

    func table(_ totals: [String: (Int, Int)]) throws -> IndicatorTable {
        var cube = CountCube(placeCount: areas.places.count)
        for (code, t) in totals {
            cube.add("kinderen_ge24_big2", place: areas.index(of: code)!, cell: 0, t.0)
            cube.add("kinderen_ge24", place: areas.index(of: code)!, cell: 0, t.1)
        }
        return try IndicatorEngine(areas: areas).compute(big2, cube: cube, periodLabel: "2022")
    }

    @Test("a regional coalition adds its members' published counts, with a Wilson interval")
    func sum() throws {
        let t = try table(["GM0001": (30, 200), "GM0002": (25, 150), "GM0003": (40, 240), "GM0004": (50, 300), "GM0007": (12, 100)])
        let f = try #require(ReportAreaFigure.of(t, members: ["GM0001", "GM0002"]))
        #expect(!f.suppressed)
        #expect(abs((f.value ?? 0) - 55.0 / 350.0 * 100) < 1e-9)
        #expect(f.interval == WilsonInterval(successes: 55, trials: 350)?.scaled(by: 100))
        #expect(f.comparison == .notDifferent)
    }

    @Test("a coalition with a suppressed member shows no figure: the sum would give the member away")
    func suppressedMember() throws {
        // GM0003 4/40 is small; GM0002 is suppressed with it (complementary)
        let t = try table(["GM0001": (30, 200), "GM0002": (25, 150), "GM0003": (4, 40), "GM0004": (50, 300), "GM0007": (12, 100)])
        let f = try #require(ReportAreaFigure.of(t, members: ["GM0001", "GM0003"]))
        #expect(f.suppressed && f.value == nil && f.interval == nil)
        let single = try #require(ReportAreaFigure.of(t, members: ["GM0003"]))
        #expect(single.suppressed && single.value == nil)
        #expect(ReportAreaFigure.of(t, members: [])?.value != nil, "the country")
    }

    @Test("Markdown: markup in text is escaped, tables are pipe tables")
    func markdown() {
        #expect(ReportMarkdown.escape("# 50% *meer* [link]") == "\\# 50% \\*meer\\* \\[link\\]")
        #expect(ReportMarkdown.table(["Jaar", "Waarde"], [["2022", "14,8% | x"]]) == "| Jaar | Waarde |\n| --- | --- |\n| 2022 | 14,8% \\| x |\n\n")
    }
}
