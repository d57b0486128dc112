import Foundation

/// What partners recorded through Kansrijk, counted per quarter: the raw material of a dashboard's
/// "Wat we zelf doen" section. Plain counts, no persons; suppression happens when it is shown.
struct ProcessCounts: Sendable, Equatable {
    /// One series of counts: a screening outcome, a referral outcome group, MDO cases, volunteer matches, NNZ talks.
    enum Measure: Hashable, Sendable {
        case screening(String)
        case referral(String)
        case mdo, volunteers, nnz
        /// Prenatal home visits by the JGZ offered and held (issue 15, `HomeVisitProcessFigures`).
        case homeVisitOffered, homeVisitHeld
    }

    static let screeningLevels = ["niet", "potentieel", "kwetsbaar", "zeer-kwetsbaar"]
    static let referralOutcomes = ["open", "running", "completed", "ended"]

    let quarters: [Period]
    private(set) var counts: [Measure: [Int]] = [:]
    /// Days from referral to first contact, per quarter of the referral.
    private(set) var contactDays: [[Double]]

    init(quarters: [Period]) {
        self.quarters = quarters
        contactDays = quarters.map { _ in [] }
    }

    func series(_ m: Measure) -> [Int] { counts[m] ?? quarters.map { _ in 0 } }

    var isEmpty: Bool { counts.values.allSatisfy { $0.allSatisfy { $0 == 0 } } }

    mutating func add(_ m: Measure, at date: Date, count: Int = 1) {
        guard let i = index(of: date) else { return }
        add(m, quarter: i, count: count)
    }

    mutating func add(_ m: Measure, quarter i: Int, count: Int) {
        var row = series(m)
        row[i] += count
        counts[m] = row
    }

    /// Adds another source's counts for the same quarters.
    mutating func merge(_ other: ProcessCounts) {
        guard other.quarters == quarters else { return }
        for (m, row) in other.counts { for (i, n) in row.enumerated() where n > 0 { add(m, quarter: i, count: n) } }
        for (i, days) in other.contactDays.enumerated() { contactDays[i] += days }
    }

    mutating func addContactDays(_ days: Double, at date: Date) {
        guard let i = index(of: date) else { return }
        contactDays[i].append(days)
    }

    private func index(of date: Date) -> Int? {
        let c = CalendarDay.amsterdam.dateComponents([.year, .month], from: date)
        guard let y = c.year, let m = c.month else { return nil }
        return quarters.firstIndex(of: .quarter(y, (m - 1) / 3 + 1))
    }

    /// The referral statuses in four groups, so the picture stays readable and cells stay larger.
    static func outcome(_ status: ReferralStatus) -> String {
        switch status {
        case .requested, .accepted: "open"
        case .inProgress, .onHold: "running"
        case .completed: "completed"
        case .rejected, .cancelled, .failed: "ended"
        }
    }

    /// The `count` quarters up to and including the one `now` falls in (Dutch time), oldest first.
    static func quarters(endingAt now: Date, count: Int) -> [Period] {
        let c = CalendarDay.amsterdam.dateComponents([.year, .month], from: now)
        var index = c.year! * 4 + (c.month! - 1) / 3
        var out: [Period] = []
        for _ in 0..<count {
            out.append(.quarter(index / 4, index % 4 + 1))
            index -= 1
        }
        return out.reversed()
    }

    /// First instant of a quarter and of the next one, in Dutch time; nil for another kind of period.
    static func bounds(_ p: Period) -> (Date, Date)? {
        guard case .quarter(let y, let q) = p else { return nil }
        let cal = CalendarDay.amsterdam
        guard let start = cal.date(from: DateComponents(year: y, month: (q - 1) * 3 + 1, day: 1)),
              let end = cal.date(byAdding: .month, value: 3, to: start) else { return nil }
        return (start, end)
    }

    /// Median of a non-empty list.
    static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let s = values.sorted(), mid = s.count / 2
        return s.count % 2 == 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2
    }
}
