import Testing
@testable import KansrijkApp

@Suite("Monitoring: year-versioned areas")
struct AreaDimensionTests {
    let areas = MonitoringFixtures.areas

    @Test("former municipalities map onto today's, and each year has its own list")
    func merges() {
        #expect(areas.currentCode(for: "GM0009") == "GM0001")
        #expect(areas.currentCode(for: "GM0005") == "GM0007")
        #expect(areas.currentCode(for: "GM0001") == "GM0001")
        #expect(areas.currentCode(for: "GM0999") == nil)
        #expect(areas.municipalityCodes(in: 2018) == ["GM0001", "GM0002", "GM0003", "GM0004", "GM0005", "GM0006", "GM0009"])
        #expect(areas.municipalityCodes(in: 2021) == ["GM0001", "GM0002", "GM0003", "GM0004", "GM0005", "GM0006"])
        #expect(areas.municipalityCodes(in: 2022) == ["GM0001", "GM0002", "GM0003", "GM0004", "GM0007"])
    }

    @Test("regions, provinces and NL01 are sets of today's municipalities")
    func hierarchy() {
        #expect(areas.members(of: "GG0001") == ["GM0001", "GM0002", "GM0003"])
        #expect(areas.members(of: "PV20")?.count == 5)
        #expect(areas.members(of: "NL01")?.count == 5)
        #expect(areas.members(of: "GG9999") == nil)
        #expect(areas.members(of: "GM0009") == nil, "a former municipality is asked for by its successor")
        #expect(AreaLevel(code: "GM0355") == .municipality && AreaLevel(code: "GG2514") == .ggdRegion)
        #expect(AreaLevel(code: "PV26") == .province && AreaLevel(code: "NL01") == .country)
        #expect(AreaLevel(code: "GM355") == nil && AreaLevel(code: "NL02") == nil && AreaLevel(code: "XX0001") == nil)
    }

    @Test("the seeded mergers point at municipalities that exist on the 2025 map, and formers do not")
    func seeded() throws {
        let reference = try AreaReference.load(dataDirectory: packageRoot + "Resources/Data/")
        let codes = Set(reference.municipalities.map(\.code))
        for row in KnownMerges.rows {
            #expect(codes.contains(row.current), "\(row.current)")
            #expect(!codes.contains(row.former), "\(row.former)")
        }
    }
}
