import Foundation

/// One validated row of an aggregate file: counts for one municipality and period.
struct AggregateRow: Sendable, Equatable {
    var areaCode: String
    var period: Period
    var numerator: Int
    var denominator: Int?
    /// True when the numerator was derived from a published value and the denominator.
    var derived: Bool
}
