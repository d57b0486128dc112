import Foundation
import Testing
@testable import KansrijkApp

@Suite("National figures (indicators as numerator / denominator)")
struct NationalFiguresTests {
    static func entry(_ code: String, _ province: String, _ ggd: String, answered: Bool = true, coalition: Bool = false,
                      plan: Bool = false, nnz: Bool = false, prenatal: Bool = false) -> NationalFigures.Entry {
        .init(code: code, provinceCode: province, ggdCode: ggd, answered: answered, hasCoalition: coalition,
              hasJointPlan: plan, hasNNZ: nnz, hasPrenatalVisit: prenatal)
    }

    static let entries = [
        entry("GM1", "PV26", "GG2514", coalition: true, plan: true, nnz: true, prenatal: true),
        entry("GM2", "PV26", "GG2514", coalition: true, plan: false, prenatal: false),
        entry("GM3", "PV26", "GG2514", answered: false),
        entry("GM4", "PV29", "GG5006", coalition: true, plan: true, prenatal: true),
    ]

    @Test("coalition, plan and NNZ count against all municipalities; the prenatal visit against those that answered")
    func national() {
        let f = NationalFigures.national(Self.entries)
        #expect(f.municipalities == 4)
        #expect(f.ratio(.coalition) == .init(numerator: 3, denominator: 4))
        #expect(f.ratio(.jointPlan) == .init(numerator: 2, denominator: 4))
        #expect(f.ratio(.nnz) == .init(numerator: 1, denominator: 4))
        #expect(f.ratio(.prenatalVisit) == .init(numerator: 2, denominator: 3))
    }

    @Test("per province and per GGD region, in the given order, leaving out empty areas")
    func perArea() {
        let provinces = NationalFigures.byProvince(Self.entries, provinces: [("PV29", "Zeeland"), ("PV20", "Groningen"), ("PV26", "Utrecht")])
        #expect(provinces.map(\.name) == ["Zeeland", "Utrecht"])
        #expect(provinces[1].ratio(.coalition) == .init(numerator: 2, denominator: 3))
        #expect(provinces[1].ratio(.prenatalVisit) == .init(numerator: 1, denominator: 2))
        let regions = NationalFigures.byGGDRegion(Self.entries, regions: [("GG2514", "GGD regio Utrecht"), ("GG5006", "GGD Zeeland")])
        #expect(regions.map(\.municipalities) == [3, 1])
        #expect(regions[1].ratio(.jointPlan).percentage == 100)
    }

    @Test("percentages have one decimal, Dutch notation; nothing counted gives a dash")
    func percentages() {
        #expect(NationalFigures.Ratio(numerator: 2, denominator: 3).percentage == 66.7)
        #expect(NationalFigures.Ratio(numerator: 2, denominator: 3).percentText == "66,7%")
        #expect(NationalFigures.Ratio(numerator: 275, denominator: 355).percentText == "77,5%")
        #expect(NationalFigures.Ratio(numerator: 0, denominator: 0).percentage == nil)
        #expect(NationalFigures.Ratio(numerator: 0, denominator: 0).percentText == "–")
    }

    @Test("a municipality has a coalition through its tranche or through a coalition on the platform")
    func coalitionFromRow() {
        let facts = ParticipationFacts(tranche: .noParticipation, isGIDS: false, hasJointPlan: false, hasPrenatalVisit: true, hasNNZ: false, inhabitants: 10)
        var row = NationalRow(code: "GM1", name: "A", provinceCode: "PV26", provinceName: "Utrecht", ggdCode: "GG2514", ggdName: "U",
                              facts: facts, isDemo: false, sourceNote: nil, updatedAt: nil, coalitions: [], stage: nil)
        #expect(!row.figuresEntry.hasCoalition)
        row.coalitions = ["Kansrijke Start A"]
        #expect(row.figuresEntry.hasCoalition)
        row.facts = nil
        #expect(!row.figuresEntry.answered && !row.figuresEntry.hasPrenatalVisit)
    }
}
