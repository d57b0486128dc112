import Foundation

/// Five-year pooled figures for small municipalities, as the RIVM's municipal maps use them:
/// the counts of the last five years added up and labelled with the span ("2017-2021").
enum Pooling {
    static let years = 5

    /// The span ending in `year`.
    static func span(endingIn year: Int, years: Int = years) -> YearRange {
        YearRange(first: year - years + 1, last: year)
    }

    /// Sums counts over the span; nil when a year of the span has no data, so a pooled figure
    /// never silently rests on fewer years than its label says.
    static func pooled(_ byYear: [Int: Suppression.Cell], span: YearRange) -> Suppression.Cell? {
        var total = Suppression.Cell(numerator: 0, denominator: 0)
        for y in span.years {
            guard let c = byYear[y] else { return nil }
            total.numerator += c.numerator
            total.denominator += c.denominator
        }
        return total
    }

    static func label(_ span: YearRange) -> String { "\(span) (\(span.last - span.first + 1) jaar samen)" }
}
