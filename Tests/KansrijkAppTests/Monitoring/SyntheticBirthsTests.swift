import Foundation
import Testing
@testable import KansrijkApp

@Suite("Monitoring: synthetic national births")
struct SyntheticBirthsTests {
    @Test("realistic national rates, Helmond higher, and the same file for the same seed")
    func realistic() throws {
        // setup: the real 2025 municipalities with the seeded mergers
        let reference = try AreaReference.load(dataDirectory: packageRoot + "Resources/Data/")
        let areas = AreaDimension(
            places: reference.municipalities.map { .init(code: $0.code, name: $0.name, ggdCode: $0.ggdCode, provinceCode: $0.provinceCode) },
            regionNames: Dictionary(uniqueKeysWithValues: reference.regions.map { ($0.code, $0.name) }),
            provinceNames: Dictionary(uniqueKeysWithValues: AreaReference.provinces.map { ($0.code, $0.name) }),
            merges: KnownMerges.rows.map { .init(year: $0.year, former: $0.former, formerName: $0.name, current: $0.current, currentIsNew: KnownMerges.newCodes.contains($0.current)) })
        let generator = SyntheticBirths(years: YearRange(first: 2021, last: 2021), seed: 7)
        // act
        let aggregate = generator.aggregate(areas: areas)
        let cube = try #require(aggregate.cubes(areas: areas)[2021])
        let table = try IndicatorEngine(areas: areas).compute(IndicatorCatalog.rivm[0], cube: cube, periodLabel: "2021")
        // check
        #expect((160_000...170_000).contains(aggregate.children))
        let nl = try #require(table.total("NL01")?.value)
        #expect((14.0...16.0).contains(nl), "national Big2 \(nl)")
        let preterm = try IndicatorEngine(areas: areas).compute(IndicatorCatalog.rivm[1], cube: cube, periodLabel: "2021").total("NL01")?.value ?? 0
        let small = try IndicatorEngine(areas: areas).compute(IndicatorCatalog.rivm[2], cube: cube, periodLabel: "2021").total("NL01")?.value ?? 0
        #expect((6.0...7.3).contains(preterm), "preterm \(preterm)")
        #expect((9.0...10.5).contains(small), "small for gestational age \(small)")
        let helmond = try #require(table.total("GM0794")?.value)
        #expect(helmond > nl + 1.5, "Helmond \(helmond) vs NL \(nl)")
        // merged municipalities appear under their codes of 2021: Weesp still on its own
        #expect(aggregate.slots.contains { $0.code == "GM0457" })
        #expect(!aggregate.slots.contains { $0.code == "GM1982" })

        let dir = FileManager.default.temporaryDirectory.path
        var small1 = SyntheticBirths(years: YearRange(first: 2022, last: 2022), seed: 3); small1.childrenPerYear = 3_000
        var small2 = small1
        let a = dir + "/births-a-\(UUID()).csv", b = dir + "/births-b-\(UUID()).csv"
        _ = try small1.writeCSV(areas: areas, to: a)
        _ = try small2.writeCSV(areas: areas, to: b)
        #expect(FileManager.default.contents(atPath: a) == FileManager.default.contents(atPath: b))
        small2.seed = 4
        _ = try small2.writeCSV(areas: areas, to: b)
        #expect(FileManager.default.contents(atPath: a) != FileManager.default.contents(atPath: b))
        // and what it writes, the importer reads back to the same counts
        let readBack = try BirthsImporter(areas: areas).aggregate(path: a)
        #expect(readBack.counts == small1.aggregate(areas: areas).counts)
    }
}
