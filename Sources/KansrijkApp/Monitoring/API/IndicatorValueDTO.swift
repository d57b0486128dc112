import Vapor

/// One figure as the API gives it. Suppressed figures carry no numerator, denominator, value or interval.
struct IndicatorValueDTO: Content {
    struct Interval: Content { var low: Double; var high: Double }
    struct Area: Content { var code: String; var name: String; var level: String }
    struct Cell: Content {
        var breakdown: String
        var category: String
        var numerator: Int?
        var denominator: Int?
        var value: Double?
        var interval95: Interval?
        var suppressed: Bool
        var suppression_reason: String?
        var comparison_nl: String?
    }

    var indicator: String
    var area: Area
    var period: String
    var period_label: String
    var pooled: Bool
    var unit_label: String
    var numerator: Int?
    var denominator: Int?
    var value: Double?
    var interval95: Interval?
    var suppressed: Bool
    var suppression_reason: String?
    var comparison_nl: String?
    var breakdowns: [Cell]

    static func cell(_ f: AreaFigure) -> Cell {
        Cell(breakdown: f.breakdown, category: f.breakdownValue, numerator: f.numerator, denominator: f.denominator,
             value: f.value.map(round3), interval95: f.interval.map { Interval(low: round3($0.low), high: round3($0.high)) },
             suppressed: f.suppression != nil, suppression_reason: f.suppression?.rawValue, comparison_nl: f.comparison?.rawValue)
    }

    static func round3(_ v: Double) -> Double { (v * 1000).rounded() / 1000 }
}
