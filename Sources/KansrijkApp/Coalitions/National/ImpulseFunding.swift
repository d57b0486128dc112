import Foundation

/// The impulse funding (financiële impuls Kansrijke Start) as the progress report of July 2020
/// describes it: municipalities get an amount per inhabitant that depends on their tranche, and
/// GIDS municipalities, whose amount was computed differently, get a top-up so that they receive
/// at least the same amount per inhabitant as the non-GIDS municipalities. Amounts are whole
/// euro cents, so sums are exact. The rates are assumptions (see `Rates.assumed2020` and ADR 0007).
enum ImpulseFunding {
    struct Rates: Sendable, Equatable {
        /// Cents per inhabitant for each tranche; a municipality outside the programme gets nothing.
        var centsPerInhabitant: [Tranche: Int]
        /// The least a GIDS municipality receives per inhabitant, top-up included.
        var gidsMinimumCentsPerInhabitant: Int

        func cents(for tranche: Tranche) -> Int { tranche.isParticipating ? centsPerInhabitant[tranche] ?? 0 : 0 }

        /// Documented defaults, not official figures: tranche 3 at EUR 0.78 per inhabitant (about
        /// EUR 3 million over the 128 non-GIDS municipalities, as reported), tranches 1 and 2 at
        /// EUR 0.65 and EUR 0.55, and the GIDS minimum equal to the tranche 3 rate, which puts the
        /// top-up and the total in the order of the reported EUR 2 million and EUR 14 million.
        static let assumed2020 = Rates(centsPerInhabitant: [.one: 65, .two: 55, .three: 78], gidsMinimumCentsPerInhabitant: 78)
    }

    struct Input: Sendable, Equatable {
        var code: String
        var tranche: Tranche
        var isGIDS: Bool
        var inhabitants: Int
    }

    struct Amount: Sendable, Equatable {
        var code: String
        var tranche: Tranche
        var isGIDS: Bool
        var inhabitants: Int
        /// Inhabitants times the tranche's rate.
        var baseCents: Int
        /// What a GIDS municipality gets on top to reach the minimum per inhabitant.
        var topUpCents: Int
        var totalCents: Int { baseCents + topUpCents }
    }

    /// Per municipality: the base amount and, for GIDS municipalities in the programme, the top-up.
    static func amounts(_ inputs: [Input], rates: Rates) -> [Amount] {
        inputs.map { i in
            let inhabitants = max(0, i.inhabitants)
            let base = inhabitants * rates.cents(for: i.tranche)
            var topUp = 0
            if i.isGIDS, i.tranche.isParticipating {
                topUp = max(0, inhabitants * rates.gidsMinimumCentsPerInhabitant - base)
            }
            return Amount(code: i.code, tranche: i.tranche, isGIDS: i.isGIDS, inhabitants: inhabitants, baseCents: base, topUpCents: topUp)
        }
    }

    struct Total: Sendable, Equatable {
        var municipalities = 0
        var inhabitants = 0
        var baseCents = 0
        var topUpCents = 0
        var totalCents: Int { baseCents + topUpCents }

        mutating func add(_ a: Amount) {
            municipalities += 1
            inhabitants += a.inhabitants
            baseCents += a.baseCents
            topUpCents += a.topUpCents
        }
    }

    /// Sums per tranche (every tranche present, also when empty) and nationally (participants only).
    static func totals(_ amounts: [Amount]) -> (perTranche: [Tranche: Total], national: Total) {
        var per = Dictionary(uniqueKeysWithValues: Tranche.allCases.map { ($0, Total()) })
        var national = Total()
        for a in amounts {
            per[a.tranche]!.add(a)
            if a.tranche.isParticipating { national.add(a) }
        }
        return (per, national)
    }

    /// A coalition (or a municipality working on its own) and the funding of its municipalities.
    struct CoalitionAmount: Sendable, Equatable {
        var name: String
        var codes: [String]
        var total: Total
    }

    /// Groups the participating municipalities' amounts by coalition. `coalitions` maps a coalition
    /// name to its municipality codes; a municipality in no coalition counts as its own, under
    /// `ownName(code)`. A municipality in two coalitions is counted once, in the first by name.
    static func perCoalition(_ amounts: [Amount], coalitions: [(name: String, codes: [String])],
                             ownName: (String) -> String) -> [CoalitionAmount] {
        let byCode = Dictionary(uniqueKeysWithValues: amounts.filter { $0.tranche.isParticipating }.map { ($0.code, $0) })
        var claimed = Set<String>()
        var result: [CoalitionAmount] = []
        for c in coalitions.sorted(by: { $0.name < $1.name }) {
            var total = Total()
            var codes: [String] = []
            for code in c.codes.sorted() where !claimed.contains(code) {
                guard let a = byCode[code] else { continue }
                total.add(a); codes.append(code); claimed.insert(code)
            }
            if !codes.isEmpty { result.append(CoalitionAmount(name: c.name, codes: codes, total: total)) }
        }
        for a in byCode.values where !claimed.contains(a.code) {
            var total = Total()
            total.add(a)
            result.append(CoalitionAmount(name: ownName(a.code), codes: [a.code], total: total))
        }
        return DutchFold.sorted(result, by: \.name)
    }

    /// "€ 1.234.567" (whole euros, Dutch grouping), rounding half cents up.
    static func euros(_ cents: Int) -> String {
        "€ " + grouped((cents + 50) / 100)
    }

    /// "€ 0,78" for a rate in cents.
    static func rate(_ cents: Int) -> String {
        "€ \(cents / 100)," + String(format: "%02d", cents % 100)
    }

    /// 1234567 -> "1.234.567".
    static func grouped(_ n: Int, separator: Character = ".") -> String {
        let digits = String(abs(n))
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(separator) }
            out.append(ch)
        }
        return (n < 0 ? "-" : "") + out
    }
}
