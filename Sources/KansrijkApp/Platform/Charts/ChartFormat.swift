import Foundation

/// How a chart writes numbers: Dutch pages use a decimal comma ("14,8"), English ones a point.
/// SVG coordinates always use a point, whatever the page language.
struct ChartFormat: Sendable, Equatable {
    var decimals: Int
    var decimalMark: String
    /// Appended to values in labels and tables ("%", " per 1000", or nothing).
    var unit: String

    static func dutch(decimals: Int = 1, unit: String = "") -> ChartFormat { ChartFormat(decimals: decimals, decimalMark: ",", unit: unit) }
    static func english(decimals: Int = 1, unit: String = "") -> ChartFormat { ChartFormat(decimals: decimals, decimalMark: ".", unit: unit) }

    /// `14.816` -> "14,8" (Dutch) or "14.8"; no unit.
    func number(_ value: Double) -> String {
        let text = String(format: "%.\(decimals)f", value)
        return decimalMark == "." ? text : text.replacingOccurrences(of: ".", with: decimalMark)
    }

    /// The number with its unit: "14,8%".
    func value(_ value: Double) -> String { number(value) + unit }

    /// "13,9–15,7" for a confidence interval.
    func interval(_ low: Double, _ high: Double) -> String { number(low) + "–" + number(high) }

    /// An SVG coordinate: one decimal, always a point.
    static func coordinate(_ v: Double) -> String {
        let tenths = Int((v * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let a = abs(tenths)
        return a % 10 == 0 ? sign + String(a / 10) : sign + String(a / 10) + "." + String(a % 10)
    }
}

/// A value axis that starts at zero (so a small change does not look large) and ends at a round
/// number, with a step of 1, 2, 2.5 or 5 times a power of ten. Counts (`wholeNumbers`) never get a
/// step below 1 or a fraction, so an axis cannot read "0, 0, 1, 1, 1" (issue 15).
struct ChartScale: Sendable, Equatable {
    var maximum: Double
    var step: Double
    var ticks: [Double]

    init(upTo highest: Double, tickCount: Int = 4, wholeNumbers: Bool = false) {
        let target = highest > 0 ? highest : 1
        let rough = target / Double(tickCount)
        let magnitude = pow(10, floor(log10(rough)))
        var candidates = [1.0, 2.0, 2.5, 5.0, 10.0].map { $0 * magnitude }
        if wholeNumbers { candidates = candidates.filter { $0 >= 1 && $0.rounded() == $0 } + [1] }
        step = candidates.filter { $0 >= rough }.min() ?? max(10 * magnitude, wholeNumbers ? 1 : 0)
        maximum = (target / step).rounded(.up) * step
        ticks = stride(from: 0.0, through: maximum + step / 2, by: step).map { $0 }
    }

    /// 0...1 of the axis length.
    func fraction(_ v: Double) -> Double { maximum > 0 ? min(max(v / maximum, 0), 1) : 0 }

    /// Decimals a tick label needs so neighbouring ticks never read the same: 0 for whole steps.
    var tickDecimals: Int {
        var decimals = 0
        while decimals < 3, (step * pow(10, Double(decimals))).rounded() != step * pow(10, Double(decimals)) { decimals += 1 }
        return decimals
    }

    /// A tick's label: whole ticks without decimals, others with as many as the step needs, and
    /// "%" for percentages ("0%", "0,5%", "1%").
    func label(_ tick: Double, format: ChartFormat) -> String {
        let decimals = tick.rounded() == tick ? 0 : tickDecimals
        return ChartFormat(decimals: decimals, decimalMark: format.decimalMark, unit: format.unit == "%" ? "%" : "").value(tick)
    }
}
