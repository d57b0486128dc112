import Foundation
import Testing
@testable import KansrijkApp

@Suite("Demo participation (fictitious, in the published proportions)")
struct DemoParticipationTests {
    static func areas() throws -> [(code: String, areaKm2: Double)] {
        try AreaReference.load(dataDirectory: packageRoot + "Resources/Data/").municipalities
            .map { ($0.code, DemoParticipation.areaKm2($0.geometry)) }
    }

    @Test("tranche counts follow 98 / 49 / 128 / 80 of 355, scaled to 342 by largest remainder")
    func counts() {
        #expect(DemoParticipation.counts(for: 342) == [.one: 95, .two: 47, .three: 123, .noParticipation: 77])
        #expect(DemoParticipation.counts(for: 355) == [.one: 98, .two: 49, .three: 128, .noParticipation: 80])
    }

    @Test("the distribution is deterministic, has the counts, GIDS = tranches 1 and 2, and the demo coalitions take part")
    func distribution() throws {
        let areas = try Self.areas()
        let a = DemoParticipation.distribution(areas)
        let b = DemoParticipation.distribution(areas.reversed())
        #expect(a == b)
        #expect(a.count == 342)
        let byTranche = Dictionary(grouping: a.values, by: \.tranche).mapValues(\.count)
        #expect(byTranche == DemoParticipation.counts(for: 342))
        #expect(a.values.allSatisfy { $0.isGIDS == ($0.tranche == .one || $0.tranche == .two) })
        #expect(a[DemoCatalog.zeist]?.tranche == .two && a[DemoCatalog.zeist]?.hasNNZ == true)
        #expect(a[DemoCatalog.borsele]?.tranche == .three && a[DemoCatalog.apeldoorn]?.tranche == .one)
        #expect(a.values.filter { $0.tranche == .noParticipation }.allSatisfy { !$0.hasJointPlan })
    }

    @Test("inhabitants are plausible: 1,000 to 950,000 each, about the size of the country in all")
    func inhabitants() throws {
        let a = DemoParticipation.distribution(try Self.areas())
        #expect(a.values.allSatisfy { (1_000...950_000).contains($0.inhabitants) })
        let total = a.values.map(\.inhabitants).reduce(0, +)
        #expect((10_000_000...30_000_000).contains(total), "total \(total)")
        // the area is in km2: Zeist is about 49 km2 of land
        let zeist = try #require(try Self.areas().first { $0.code == DemoCatalog.zeist })
        #expect((35...70).contains(zeist.areaKm2), "Zeist \(zeist.areaKm2) km2")
    }
}
