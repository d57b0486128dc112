import Testing
@testable import KansrijkApp

@Suite("Monitoring: the indicator engine")
struct IndicatorEngineTests {
    let areas = MonitoringFixtures.areas
    let big2 = IndicatorCatalog.rivm.first { $0.code == "big2" }!

    /// Big2 / children >= 24 weeks per municipality (indices follow the sorted codes).
    func cube(_ totals: [String: (Int, Int)], breakdown: [String: [String: (Int, Int)]] = [:]) -> CountCube {
        var cube = CountCube(placeCount: areas.places.count)
        for (code, t) in totals {
            let p = areas.index(of: code)!
            cube.add("kinderen_ge24_big2", place: p, cell: 0, t.0)
            cube.add("kinderen_ge24", place: p, cell: 0, t.1)
            for (value, c) in breakdown[code] ?? [:] {
                let cell = CellLayout.index(breakdown: "kwetsbaar", value: value)!
                cube.add("kinderen_ge24_big2", place: p, cell: cell, c.0)
                cube.add("kinderen_ge24", place: p, cell: cell, c.1)
            }
        }
        return cube
    }

    @Test("sums up the hierarchy; a lone small municipality in a region takes the next smallest with it")
    func hierarchy() throws {
        // setup: GG0001 = GM0001 30/200, GM0002 25/150, GM0003 4/40 (small); GG0002 = GM0004 50/300, GM0007 12/100
        let c = cube(["GM0001": (30, 200), "GM0002": (25, 150), "GM0003": (4, 40), "GM0004": (50, 300), "GM0007": (12, 100)])
        // act
        let table = try IndicatorEngine(areas: areas).compute(big2, cube: c, periodLabel: "2021")
        // check
        #expect(table.total("GM0003")?.suppression == .smallNumber)
        #expect(table.total("GM0002")?.suppression == .complementary, "else GM0003 = GG0001 - GM0001 - GM0002")
        #expect(table.total("GM0002")?.numerator == nil && table.total("GM0002")?.value == nil && table.total("GM0002")?.interval == nil)
        #expect(table.total("GM0001")?.suppression == nil)
        #expect(table.total("GM0004")?.suppression == nil && table.total("GM0007")?.suppression == nil)
        let region = try #require(table.total("GG0001"))
        #expect(region.numerator == 59 && region.denominator == 390)
        let nl = try #require(table.total("NL01"))
        #expect(nl.numerator == 121 && nl.denominator == 790)
        #expect(table.total("PV20")?.denominator == 790)
        let zeist = try #require(table.total("GM0001"))
        #expect(zeist.value == 15)
        let ci = try #require(WilsonInterval(successes: 30, trials: 200)?.scaled(by: 100))
        #expect(zeist.interval == ci)
        #expect(zeist.comparison == .notDifferent)
    }

    @Test("significantly higher than NL only when the intervals part")
    func comparison() throws {
        let c = cube(["GM0001": (300, 1000), "GM0002": (1000, 10000), "GM0003": (1000, 10000), "GM0004": (1000, 10000), "GM0007": (1000, 10000)])
        let table = try IndicatorEngine(areas: areas).compute(big2, cube: c, periodLabel: "2021")
        #expect(table.total("GM0001")?.comparison == .higher)
        #expect(table.total("GM0002")?.comparison == .notDifferent)
    }

    @Test("breakdown cells: one small cell takes the next smallest; totals stay published")
    func breakdown() throws {
        let c = cube(["GM0001": (50, 300), "GM0002": (25, 150), "GM0003": (20, 140), "GM0004": (50, 300), "GM0007": (12, 100)],
                     breakdown: ["GM0001": ["0": (30, 200), "1": (12, 60), "onbekend": (8, 40)]])
        let table = try IndicatorEngine(areas: areas).compute(big2, cube: c, periodLabel: "2021")
        let cells = table.breakdown("GM0001", .kwetsbaar)
        #expect(cells.map(\.breakdownValue) == ["0", "1", "onbekend"])
        #expect(cells.map(\.suppression) == [nil, .complementary, .smallNumber])
        #expect(cells[0].numerator == 30 && cells[0].value == 15)
        #expect(table.total("GM0001")?.numerator == 50)
        #expect(table.breakdown("GM0002", .kwetsbaar).isEmpty, "GM0002's data carries no breakdown")
    }

    @Test("an indicator whose data elements were never imported says so")
    func noData() {
        let kraamzorg = IndicatorCatalog.rivm.first { $0.code == "geen_kraamzorg" }!
        #expect(throws: IndicatorEngine.Failure.noData(missing: ["moeders_zonder_kraamzorg", "moeders_levend_geboren"])) {
            try IndicatorEngine(areas: areas).compute(kraamzorg, cube: cube(["GM0001": (1, 2)]), periodLabel: "2021")
        }
    }
}
