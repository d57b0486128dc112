import Foundation

/// The "Wat we zelf doen" section of a dashboard (issue 5, review gap 2): the partners' own work
/// per quarter as SVG charts with data tables. Readers of the coalition see every count; everyone
/// else sees a count only when it is 10 or more and no hidden count can be worked out from it
/// (per quarter the outcomes add up to the whole, per year the quarters add up to the report's year figure).
struct ProcessSection: Sendable {
    struct Line: Sendable { var key: String; var measure: ProcessCounts.Measure }

    /// One chart: its series, and whether they are parts of one whole (outcomes of the same screenings).
    struct Spec: Sendable { var key: String; var lines: [Line]; var partsOfWhole: Bool }

    static let specs: [Spec] = [
        Spec(key: "screenings", lines: ProcessCounts.screeningLevels.map { Line(key: "level.\($0)", measure: .screening($0)) }, partsOfWhole: true),
        Spec(key: "referrals", lines: ProcessCounts.referralOutcomes.map { Line(key: "referral.\($0)", measure: .referral($0)) }, partsOfWhole: true),
        Spec(key: "support", lines: [Line(key: "mdo", measure: .mdo), Line(key: "volunteers", measure: .volunteers), Line(key: "nnz", measure: .nnz)],
             partsOfWhole: false),
        Spec(key: "homevisits", lines: [Line(key: "homevisit.offered", measure: .homeVisitOffered), Line(key: "homevisit.held", measure: .homeVisitHeld)],
             partsOfWhole: false),
    ]

    /// A cell as shown: a count, or why not.
    enum Shown: Sendable, Equatable {
        case count(Double)
        case hidden(Suppression.Reason)
        /// Nothing to show: no referral in the quarter had a first contact yet.
        case none
    }

    struct Table: Sendable {
        var key: String
        var series: [String]
        /// `cells[series][quarter]`.
        var cells: [[Shown]]
        var decimals: Int
    }

    let counts: ProcessCounts
    /// The reader may see the coalition's counts unsuppressed.
    let reader: Bool
    let text: @Sendable (String) -> String

    var periodLabels: [String] { counts.quarters.map(\.description) }

    /// The tables a page shows; for the public, tables with nothing left to show are left out.
    func tables() -> [Table] {
        var out: [Table] = []
        for spec in Self.specs {
            let values = spec.lines.map { counts.series($0.measure) }
            let table = Table(key: spec.key, series: spec.lines.map { text("monitor.process.\($0.key)") },
                              cells: protect(values, partsOfWhole: spec.partsOfWhole), decimals: 0)
            out.append(table)
            if spec.key == "referrals" { out.append(contactTable()) }
        }
        return reader ? out : out.filter { $0.cells.contains { $0.contains { if case .count = $0 { true } else { false } } } }
    }

    /// The median days to first contact: published where 10 or more referrals had a first contact.
    func contactTable() -> Table {
        let cells = counts.contactDays.map { days -> Shown in
            guard let median = ProcessCounts.median(days) else { return reader ? .none : .hidden(.smallNumber) }
            return reader || days.count >= Suppression.threshold ? .count(median) : .hidden(.smallNumber)
        }
        return Table(key: "contact", series: [text("monitor.process.contact.median")], cells: [cells], decimals: 1)
    }

    /// Primary and complementary suppression over the groups whose sums are known elsewhere.
    func protect(_ values: [[Int]], partsOfWhole: Bool) -> [[Shown]] {
        guard !reader else { return values.map { $0.map { .count(Double($0)) } } }
        let width = counts.quarters.count
        let cells = values.flatMap { $0.map { Suppression.Cell(numerator: $0, denominator: $0) } }
        var groups: [[Int]] = []
        if partsOfWhole { groups += (0..<width).map { q in values.indices.map { $0 * width + q } } }
        for s in values.indices {
            for year in Set(counts.quarters.map(\.year)) {
                groups.append(counts.quarters.indices.filter { counts.quarters[$0].year == year }.map { s * width + $0 })
            }
        }
        let reasons = Suppression.protect(cells, groups: groups, basis: .count)
        return values.indices.map { s in (0..<width).map { q in
            reasons[s * width + q].map(Shown.hidden) ?? .count(Double(values[s][q]))
        } }
    }

    func note(_ shown: Shown) -> String? {
        switch shown {
        case .count: nil
        case .none: "–"
        case .hidden(let reason): text(reason == .smallNumber ? "monitor.process.hidden" : "monitor.process.complementary")
        }
    }
}
