import Foundation

/// The small language of numerators and denominators: named data elements (counts),
/// whole numbers, `+ - *` and parentheses, e.g. `kinderen_ge24_vroeg + kinderen_ge24_laag_gewicht`.
/// Division is left out on purpose: a ratio is numerator / denominator, nothing else.
indirect enum IndicatorExpression: Equatable, Sendable, CustomStringConvertible {
    case element(String)
    case constant(Int)
    case add(IndicatorExpression, IndicatorExpression)
    case subtract(IndicatorExpression, IndicatorExpression)
    case multiply(IndicatorExpression, IndicatorExpression)

    /// Every data element named, in order of first use.
    var elements: [String] {
        var seen: [String] = []
        func walk(_ e: IndicatorExpression) {
            switch e {
            case .element(let n): if !seen.contains(n) { seen.append(n) }
            case .constant: break
            case .add(let a, let b), .subtract(let a, let b), .multiply(let a, let b): walk(a); walk(b)
            }
        }
        walk(self)
        return seen
    }

    /// The value for the given counts; nil when a data element has no count.
    func evaluate(_ counts: (String) -> Int?) -> Int? {
        switch self {
        case .element(let n): return counts(n)
        case .constant(let c): return c
        case .add(let a, let b):
            guard let x = a.evaluate(counts), let y = b.evaluate(counts) else { return nil }
            return x + y
        case .subtract(let a, let b):
            guard let x = a.evaluate(counts), let y = b.evaluate(counts) else { return nil }
            return x - y
        case .multiply(let a, let b):
            guard let x = a.evaluate(counts), let y = b.evaluate(counts) else { return nil }
            return x * y
        }
    }

    /// True when the expression is one data element, so an aggregate import can fill it.
    var singleElement: String? {
        if case .element(let n) = self { return n }
        return nil
    }

    var description: String {
        switch self {
        case .element(let n): n
        case .constant(let c): String(c)
        case .add(let a, let b): "(\(a) + \(b))"
        case .subtract(let a, let b): "(\(a) - \(b))"
        case .multiply(let a, let b): "\(a) * \(b)"
        }
    }
}
