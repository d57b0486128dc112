import Foundation

/// The Wilson score interval for a proportion: honest near 0 and 1 and for small denominators,
/// where the textbook normal interval goes below 0 or above 1.
struct WilsonInterval: Sendable, Equatable, Codable {
    var low: Double
    var high: Double

    /// z for 95% (two-sided).
    static let z95 = 1.959963984540054

    /// Nil when there is no denominator or the numerator is outside 0...denominator.
    init?(successes x: Int, trials n: Int, z: Double = z95) {
        guard n > 0, (0...n).contains(x) else { return nil }
        let nd = Double(n), p = Double(x) / nd, z2 = z * z
        let denominator = 1 + z2 / nd
        let centre = (p + z2 / (2 * nd)) / denominator
        let half = z / denominator * (p * (1 - p) / nd + z2 / (4 * nd * nd)).squareRoot()
        low = max(0, centre - half)
        high = min(1, centre + half)
    }

    init(low: Double, high: Double) { self.low = low; self.high = high }

    func scaled(by factor: Int) -> WilsonInterval { WilsonInterval(low: low * Double(factor), high: high * Double(factor)) }

    func contains(_ p: Double) -> Bool { low <= p && p <= high }
}
