import Foundation

/// One published figure: an indicator for an area, a period and a cell (total or one breakdown value).
/// When `suppression` is set, numerator, denominator, value and interval are nil: they never leave the engine.
struct AreaFigure: Sendable, Equatable {
    var areaCode: String
    var breakdown: String
    var breakdownValue: String
    var numerator: Int?
    var denominator: Int?
    var value: Double?
    var interval: WilsonInterval?
    var suppression: Suppression.Reason?
    var comparison: Comparison?
}
