import Foundation

/// The legend of a choropleth: published values split into up to five classes of about equal
/// size (quantiles), with bounds rounded as the page writes them, so the legend reads like the table.
struct MapClasses: Sendable, Equatable {
    /// Upper bounds of the classes but the last, ascending.
    var bounds: [Double]
    var lowest: Double
    var highest: Double

    static let maximumClasses = 5

    init?(values: [Double], decimals: Int) {
        let sorted = values.sorted()
        guard let first = sorted.first, let last = sorted.last else { return nil }
        let k = pow(10, Double(decimals))
        let classes = min(Self.maximumClasses, Set(sorted).count)
        var bounds: [Double] = []
        if classes > 1 {
            for i in 1..<classes {
                let b = (sorted[min(sorted.count - 1, i * sorted.count / classes)] * k).rounded() / k
                if b > first, b < last, bounds.last.map({ b > $0 }) ?? true { bounds.append(b) }
            }
        }
        self.bounds = bounds
        lowest = first
        highest = last
    }

    var count: Int { bounds.count + 1 }

    /// 0 for the lowest class; a value equal to a bound goes into the class above it.
    func index(of value: Double) -> Int { bounds.firstIndex { value < $0 } ?? bounds.count }

    /// (from, to) of each class: the first starts at the lowest value, the last ends at the highest.
    var ranges: [(Double, Double)] {
        let starts = [lowest] + bounds
        let ends = bounds + [highest]
        return zip(starts, ends).map { ($0, $1) }
    }
}
