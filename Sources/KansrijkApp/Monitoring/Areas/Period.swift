import Foundation

/// An ISO period: a year (`2021`) for the RIVM figures, a quarter (`2024-Q1`) or a month
/// (`2024-03`) for the process figures the platform counts itself.
enum Period: Hashable, Sendable, Comparable, CustomStringConvertible {
    case year(Int)
    case quarter(Int, Int)
    case month(Int, Int)

    enum Kind: String, Sendable, Codable, CaseIterable { case year = "jaar", quarter = "kwartaal", month = "maand" }

    static let years = 1900...2100

    /// Parses `2021`, `2024-Q1` (also `2024Q1`) and `2024-03`; nil for anything else.
    init?(_ raw: String) {
        let s = raw.trimmingCharacters(in: .whitespaces).uppercased()
        let digits = s.prefix { $0.isASCII && $0.isNumber }
        guard digits.count == 4, let y = Int(digits), Self.years.contains(y) else { return nil }
        var rest = s.dropFirst(4)
        if rest.isEmpty { self = .year(y); return }
        if rest.first == "-" { rest = rest.dropFirst() }
        if rest.first == "Q" {
            guard rest.count == 2, let q = Int(rest.dropFirst()), (1...4).contains(q) else { return nil }
            self = .quarter(y, q)
        } else {
            guard rest.count == 2, rest.allSatisfy({ $0.isASCII && $0.isNumber }), let m = Int(rest), (1...12).contains(m) else { return nil }
            self = .month(y, m)
        }
    }

    var year: Int {
        switch self { case .year(let y), .quarter(let y, _), .month(let y, _): y }
    }

    var kind: Kind {
        switch self { case .year: .year; case .quarter: .quarter; case .month: .month }
    }

    var description: String {
        switch self {
        case .year(let y): String(y)
        case .quarter(let y, let q): "\(y)-Q\(q)"
        case .month(let y, let m): String(format: "%04d-%02d", y, m)
        }
    }

    /// The months the period covers, as (year, month); used to roll months up into quarters and years.
    var months: [Int] {
        switch self {
        case .year: Array(1...12)
        case .quarter(_, let q): Array((q - 1) * 3 + 1...q * 3)
        case .month(_, let m): [m]
        }
    }

    /// True when `other` lies within this period (a month within its quarter and year).
    func contains(_ other: Period) -> Bool {
        other.year == year && Set(other.months).isSubset(of: Set(months))
    }

    private var sortKey: (Int, Int, Int) {
        switch self {
        case .year(let y): (y, 0, 0)
        case .quarter(let y, let q): (y, 1, q)
        case .month(let y, let m): (y, 2, m)
        }
    }

    static func < (a: Period, b: Period) -> Bool { a.sortKey < b.sortKey }
}

/// A span of whole years, as `--years 2014-2023` and pooled figures use it.
struct YearRange: Hashable, Sendable, CustomStringConvertible {
    var first: Int
    var last: Int

    /// `2014-2023` or a single `2021`.
    init?(_ raw: String) {
        let parts = raw.split(separator: "-", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard (1...2).contains(parts.count), let a = Int(parts[0]), let b = Int(parts.last!),
              Period.years.contains(a), Period.years.contains(b), a <= b else { return nil }
        first = a; last = b
    }

    init(first: Int, last: Int) { self.first = first; self.last = last }

    var years: ClosedRange<Int> { first...last }
    var description: String { first == last ? String(first) : "\(first)-\(last)" }
}
