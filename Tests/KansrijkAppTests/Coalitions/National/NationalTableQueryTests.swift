import Foundation
import Testing
@testable import KansrijkApp

@Suite("Municipality table: filters and sorting from the query string")
struct NationalTableQueryTests {
    static func row(_ code: String, _ name: String, province: (String, String) = ("PV26", "Utrecht"), tranche: Tranche? = .three,
                    plan: Bool = false, inhabitants: Int = 1000, stage: CoalitionStage? = nil) -> NationalRow {
        NationalRow(code: code, name: name, provinceCode: province.0, provinceName: province.1, ggdCode: "GG2514", ggdName: "GGD regio Utrecht",
                    facts: tranche.map { ParticipationFacts(tranche: $0, isGIDS: $0 == .one, hasJointPlan: plan, hasPrenatalVisit: false, hasNNZ: false, inhabitants: inhabitants) },
                    isDemo: false, sourceNote: nil, updatedAt: nil, coalitions: [], stage: stage)
    }

    static let rows = [
        row("GM0355", "Zeist", tranche: .two, plan: true, inhabitants: 66_000, stage: .ambitions),
        row("GM0796", "'s-Hertogenbosch", province: ("PV30", "Noord-Brabant"), tranche: .one, plan: true, inhabitants: 160_000),
        row("GM1900", "Súdwest-Fryslân", province: ("PV21", "Fryslân"), tranche: .noParticipation, inhabitants: 90_000),
        row("GM0654", "Borsele", province: ("PV29", "Zeeland"), tranche: nil),
    ]

    static func parse(_ q: [String: String]) -> (NationalTableQuery, [String]) {
        NationalTableQuery.parse({ q[$0] }, provinces: ["PV26", "PV30", "PV21", "PV29"], regions: ["GG2514"])
    }

    @Test("filters combine; names match without case or accents")
    func filters() {
        #expect(Self.parse(["q": "sudwest"]).0.apply(Self.rows).map(\.code) == ["GM1900"])
        #expect(Self.parse(["tranche": "deelnemend"]).0.apply(Self.rows).map(\.code) == ["GM0796", "GM0355"])
        #expect(Self.parse(["tranche": "onbekend"]).0.apply(Self.rows).map(\.code) == ["GM0654"])
        #expect(Self.parse(["tranche": "geen"]).0.apply(Self.rows).map(\.code) == ["GM1900"])
        #expect(Self.parse(["plan": "ja", "provincie": "PV26"]).0.apply(Self.rows).map(\.code) == ["GM0355"])
        #expect(Self.parse(["plan": "nee"]).0.apply(Self.rows).map(\.code) == ["GM1900"], "no record is neither yes nor no")
    }

    @Test("sorting by a column, both ways; unknown values sort lowest")
    func sorting() {
        #expect(Self.parse([:]).0.apply(Self.rows).map(\.name) == ["'s-Hertogenbosch", "Borsele", "Súdwest-Fryslân", "Zeist"])
        #expect(Self.parse(["sorteer": "inwoners", "richting": "af"]).0.apply(Self.rows).map(\.code) == ["GM0796", "GM1900", "GM0355", "GM0654"])
        #expect(Self.parse(["sorteer": "tranche"]).0.apply(Self.rows).map(\.code) == ["GM0654", "GM0796", "GM0355", "GM1900"])
        #expect(Self.parse(["sorteer": "fase", "richting": "af"]).0.apply(Self.rows).first?.code == "GM0355")
    }

    @Test("unknown values are reported and left out, never guessed")
    func errors() {
        let (q, errors) = Self.parse(["tranche": "7", "provincie": "PV99", "ggd": "GG0000", "nnz": "misschien", "sorteer": "kleur", "richting": "opzij"])
        #expect(errors == ["national.error.province", "national.error.region", "national.error.sort", "national.error.tranche", "national.error.yesno"])
        #expect(q == NationalTableQuery())
    }

    @Test("links keep the filters; a header link reverses the order of the sorted column")
    func links() {
        let (q, _) = Self.parse(["q": "zeist", "plan": "ja", "sorteer": "inwoners"])
        #expect(q.queryString() == "?q=zeist&plan=ja&sorteer=inwoners")
        #expect(q.sortLink(.inhabitants, base: "/landelijk") == "/landelijk?q=zeist&plan=ja&sorteer=inwoners&richting=af#gemeenten")
        #expect(q.sortLink(.name, base: "/landelijk") == "/landelijk?q=zeist&plan=ja#gemeenten")
        #expect(NationalTableQuery().queryString() == "")
    }
}
