import Testing
@testable import KansrijkApp

@Suite("Reference areas of 2025")
struct AreaReferenceTests {
    @Test("342 municipalities and 25 GGD regions, each municipality in a region and a province")
    func counts() throws {
        let reference = try AreaReference.load(dataDirectory: packageRoot + "Resources/Data/")
        #expect(reference.municipalities.count == 342)
        #expect(reference.regions.count == 25)
        let regionCodes = Set(reference.regions.map(\.code))
        let provinces = Set(AreaReference.provinces.map(\.code))
        for m in reference.municipalities {
            #expect(regionCodes.contains(m.ggdCode), "\(m.name) has no GGD region")
            #expect(provinces.contains(m.provinceCode), "\(m.name) has no province")
        }
    }

    @Test("known municipalities land in the right region and province")
    func knownPlaces() throws {
        let reference = try AreaReference.load(dataDirectory: packageRoot + "Resources/Data/")
        let byCode = Dictionary(uniqueKeysWithValues: reference.municipalities.map { ($0.code, $0) })
        #expect(byCode["GM0355"]?.name == "Zeist")
        #expect(byCode["GM0355"]?.ggdCode == "GG2514")
        #expect(byCode["GM0355"]?.provinceCode == "PV26")
        #expect(byCode["GM0654"]?.ggdCode == "GG5006")
        #expect(byCode["GM0654"]?.provinceCode == "PV29")
        #expect(byCode["GM0200"]?.provinceCode == "PV25")
        #expect(byCode["GM0363"]?.ggdCode == "GG3406")
        #expect(byCode["GM0317"]?.provinceCode == "PV26")
        #expect(byCode["GM0014"]?.provinceCode == "PV20")
    }
}
