import Foundation
import Testing
@testable import KansrijkApp

@Suite("Impulse funding with the GIDS top-up")
struct ImpulseFundingTests {
    /// Round rates so every expected amount below can be checked by hand.
    static let rates = ImpulseFunding.Rates(centsPerInhabitant: [.one: 60, .two: 50, .three: 80], gidsMinimumCentsPerInhabitant: 80)

    @Test("inhabitants times the tranche rate; GIDS municipalities topped up to the minimum per inhabitant")
    func amounts() {
        // setup
        let inputs = [
            ImpulseFunding.Input(code: "A", tranche: .three, isGIDS: false, inhabitants: 10_000),
            ImpulseFunding.Input(code: "B", tranche: .one, isGIDS: true, inhabitants: 20_000),
            ImpulseFunding.Input(code: "C", tranche: .two, isGIDS: true, inhabitants: 1_000),
            ImpulseFunding.Input(code: "D", tranche: .noParticipation, isGIDS: true, inhabitants: 5_000),
            ImpulseFunding.Input(code: "E", tranche: .one, isGIDS: false, inhabitants: 3_000),
        ]
        // act
        let a = ImpulseFunding.amounts(inputs, rates: Self.rates)
        // check: A 10,000 x 0.80 = 8,000.00, no top-up (not GIDS)
        #expect(a[0].baseCents == 800_000 && a[0].topUpCents == 0)
        // B 20,000 x 0.60 = 12,000.00; minimum 20,000 x 0.80 = 16,000.00; top-up 4,000.00
        #expect(a[1].baseCents == 1_200_000 && a[1].topUpCents == 400_000 && a[1].totalCents == 1_600_000)
        // C 1,000 x 0.50 = 500.00; minimum 800.00; top-up 300.00
        #expect(a[2].baseCents == 50_000 && a[2].topUpCents == 30_000)
        // D does not take part: nothing, also no top-up
        #expect(a[3].totalCents == 0)
        // E is in tranche 1 but not GIDS: no top-up
        #expect(a[4].baseCents == 180_000 && a[4].topUpCents == 0)
    }

    @Test("the top-up is never negative: a GIDS rate above the minimum keeps its amount")
    func noNegativeTopUp() {
        let generous = ImpulseFunding.Rates(centsPerInhabitant: [.one: 95, .two: 50, .three: 80], gidsMinimumCentsPerInhabitant: 80)
        let a = ImpulseFunding.amounts([.init(code: "X", tranche: .one, isGIDS: true, inhabitants: 100)], rates: generous)
        #expect(a[0].baseCents == 9_500 && a[0].topUpCents == 0)
    }

    @Test("totals per tranche and nationally; the national total leaves out non-participants")
    func totals() {
        let a = ImpulseFunding.amounts([
            .init(code: "A", tranche: .three, isGIDS: false, inhabitants: 10_000),
            .init(code: "B", tranche: .one, isGIDS: true, inhabitants: 20_000),
            .init(code: "C", tranche: .two, isGIDS: true, inhabitants: 1_000),
            .init(code: "D", tranche: .noParticipation, isGIDS: false, inhabitants: 5_000),
        ], rates: Self.rates)
        let (per, national) = ImpulseFunding.totals(a)
        #expect(per[.one]! == ImpulseFunding.Total(municipalities: 1, inhabitants: 20_000, baseCents: 1_200_000, topUpCents: 400_000))
        #expect(per[.two]!.totalCents == 80_000)
        #expect(per[.three]!.totalCents == 800_000)
        #expect(per[.noParticipation]!.municipalities == 1 && per[.noParticipation]!.totalCents == 0)
        // 1,600,000 + 80,000 + 800,000
        #expect(national.totalCents == 2_480_000)
        #expect(national.topUpCents == 430_000)
        #expect(national.municipalities == 3 && national.inhabitants == 31_000)
    }

    @Test("per coalition: a coalition sums its municipalities; a participant without one stands alone")
    func perCoalition() {
        let a = ImpulseFunding.amounts([
            .init(code: "GM1", tranche: .three, isGIDS: false, inhabitants: 10_000),
            .init(code: "GM2", tranche: .one, isGIDS: true, inhabitants: 20_000),
            .init(code: "GM3", tranche: .two, isGIDS: true, inhabitants: 1_000),
            .init(code: "GM4", tranche: .noParticipation, isGIDS: false, inhabitants: 5_000),
        ], rates: Self.rates)
        let groups = ImpulseFunding.perCoalition(a, coalitions: [("Regio Oost", ["GM1", "GM2", "GM4"]), ("Dubbel", ["GM1"])]) { "Gemeente \($0)" }
        #expect(groups.map(\.name) == ["Dubbel", "Gemeente GM3", "Regio Oost"])
        // GM1 is claimed by "Dubbel" (first by name), so "Regio Oost" keeps GM2 only; GM4 does not take part
        #expect(groups[0].codes == ["GM1"] && groups[0].total.totalCents == 800_000)
        #expect(groups[2].codes == ["GM2"] && groups[2].total.totalCents == 1_600_000)
        #expect(groups[1].total.totalCents == 80_000)
    }

    @Test("euros are whole and grouped the Dutch way; rates show cents")
    func formatting() {
        #expect(ImpulseFunding.euros(123_456_789) == "€ 1.234.568")
        #expect(ImpulseFunding.euros(49) == "€ 0")
        #expect(ImpulseFunding.euros(50) == "€ 1")
        #expect(ImpulseFunding.rate(78) == "€ 0,78")
        #expect(ImpulseFunding.rate(105) == "€ 1,05")
        #expect(ImpulseFunding.grouped(999) == "999")
        #expect(ImpulseFunding.grouped(1_000) == "1.000")
        #expect(ImpulseFunding.grouped(950_000) == "950.000")
    }

    @Test("the assumed rates follow the report's rule: the GIDS minimum is the non-GIDS (tranche 3) rate")
    func assumedRates() {
        let r = ImpulseFunding.Rates.assumed2020
        #expect(r.gidsMinimumCentsPerInhabitant == r.cents(for: .three))
        #expect(r.cents(for: .noParticipation) == 0)
        #expect(r.cents(for: .one) < r.cents(for: .three) && r.cents(for: .two) < r.cents(for: .three))
    }
}
