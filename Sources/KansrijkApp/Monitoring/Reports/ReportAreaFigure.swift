import Foundation

/// An indicator's figure for the report's area. A coalition of several municipalities is not an
/// area the engine publishes, so its figure is the sum of its members' published figures, and only
/// when none of them is suppressed: a sum over a suppressed member, next to the other members'
/// published figures, would give the suppressed one away by subtraction.
struct ReportAreaFigure: Sendable, Equatable {
    var value: Double?
    var interval: WilsonInterval?
    var comparison: Comparison?
    var suppressed: Bool

    static func of(_ table: IndicatorTable, members: [String]) -> ReportAreaFigure? {
        if members.count <= 1 {
            guard let f = table.total(members.first ?? AreaLevel.netherlands) else { return nil }
            return ReportAreaFigure(value: f.value, interval: f.interval, comparison: f.comparison, suppressed: f.suppression != nil)
        }
        let figures = members.compactMap { table.total($0) }
        guard figures.count == members.count else { return nil }
        if figures.contains(where: { $0.suppression != nil }) { return ReportAreaFigure(suppressed: true) }
        let numerator = figures.reduce(0) { $0 + ($1.numerator ?? 0) }, denominator = figures.reduce(0) { $0 + ($1.denominator ?? 0) }
        guard denominator > 0 else { return ReportAreaFigure(suppressed: false) }
        let indicator = table.indicator
        var figure = ReportAreaFigure(value: Double(numerator) / Double(denominator) * Double(indicator.factor), suppressed: false)
        let constant = (try? indicator.validated().denominator.elements.isEmpty) ?? false
        if IndicatorEngine.basis(of: indicator, constantDenominator: constant) == .proportion,
           let ci = WilsonInterval(successes: numerator, trials: denominator) {
            figure.interval = ci.scaled(by: indicator.factor)
            if let nl = table.total(AreaLevel.netherlands), nl.suppression == nil, let n = nl.numerator, let d = nl.denominator,
               let nlci = WilsonInterval(successes: n, trials: d) {
                figure.comparison = Comparison.compare(ci, with: nlci)
            }
        }
        return figure
    }

    init(value: Double? = nil, interval: WilsonInterval? = nil, comparison: Comparison? = nil, suppressed: Bool) {
        self.value = value; self.interval = interval; self.comparison = comparison; self.suppressed = suppressed
    }
}
