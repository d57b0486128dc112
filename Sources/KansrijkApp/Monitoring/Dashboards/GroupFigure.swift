import Foundation

/// A figure for a set of municipalities that the engine does not publish itself (a coalition,
/// a peer group): numerators and denominators summed, then value, interval and comparison.
///
/// Only published figures are summed, so a group figure never tells more than the published
/// municipal figures already do. A coalition needs all its members (`requireAll`): if one is
/// hidden, the coalition's total minus the others would give it away, so the total is hidden too.
/// A peer group may leave hidden members out, and says how many it counts (`members`).
enum GroupFigure {
    struct Result: Sendable, Equatable {
        var figure: AreaFigure
        /// Members counted / members in the group.
        var counted: Int
        var members: Int
    }

    static func sum(_ parts: [AreaFigure?], code: String, indicator: IndicatorDefinition, national: AreaFigure?, requireAll: Bool) -> Result {
        let published = parts.compactMap { $0 }.filter { $0.suppression == nil && $0.numerator != nil && $0.denominator != nil }
        var f = AreaFigure(areaCode: code, breakdown: "", breakdownValue: "")
        let result = { Result(figure: f, counted: published.count, members: parts.count) }
        guard !published.isEmpty, !requireAll || published.count == parts.count else {
            let anySmall = parts.contains { $0?.suppression == .smallNumber }
            f.suppression = parts.allSatisfy({ $0 == nil }) ? nil : (anySmall ? .smallNumber : .complementary)
            return result()
        }
        let n = published.reduce(0) { $0 + $1.numerator! }
        let d = published.reduce(0) { $0 + $1.denominator! }
        f.numerator = n
        f.denominator = d
        guard d > 0 else { return result() }
        f.value = Double(n) / Double(d) * Double(indicator.factor)
        // an interval only where the engine gives one (proportions of persons)
        if published.allSatisfy({ $0.interval != nil }), let ci = WilsonInterval(successes: n, trials: d) {
            f.interval = ci.scaled(by: indicator.factor)
            if let nl = national, nl.suppression == nil, let nn = nl.numerator, let nd = nl.denominator,
               let nlci = WilsonInterval(successes: nn, trials: nd) {
                f.comparison = Comparison.compare(ci, with: nlci)
            }
        }
        return result()
    }
}
