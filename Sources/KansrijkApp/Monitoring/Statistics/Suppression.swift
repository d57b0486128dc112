import Foundation

/// Small-number protection: no published figure rests on fewer than 10 persons.
///
/// Primary: a cell is suppressed when its numerator, its denominator or the persons *not* in the
/// numerator (denominator − numerator) number fewer than 10; "95 of 100" tells about 5 people as
/// much as "5 of 100" does.
/// Complementary: the cells of a group (the breakdown cells of one area, or the municipalities
/// of a region, province or the country) add up to a published total, so a group with exactly one
/// suppressed cell would give it away by subtraction. Then the unsuppressed cell with the smallest
/// denominator is suppressed too. Groups overlap (a municipality sits in a region, a province and
/// the country), so this repeats until nothing changes.
enum Suppression {
    static let threshold = 10

    struct Cell: Sendable, Equatable {
        var numerator: Int
        var denominator: Int
    }

    enum Reason: String, Sendable, Codable {
        /// Fewer than 10 persons in the cell itself.
        case smallNumber = "klein-aantal"
        /// Hidden so that another suppressed cell cannot be worked out from the totals.
        case complementary = "aanvullend"
    }

    /// What the persons of a cell are: a proportion has persons with and without the trait, a count
    /// only the counted, an average (days to first contact) only those in its denominator.
    enum Basis: Sendable { case proportion, count, average, none }

    static func isPrimary(_ c: Cell, basis: Basis = .proportion, threshold: Int = threshold) -> Bool {
        switch basis {
        case .proportion: c.numerator < threshold || c.denominator < threshold || c.denominator - c.numerator < threshold
        case .count: c.numerator < threshold
        case .average: c.denominator < threshold
        case .none: false
        }
    }

    /// The reason each cell is hidden, or nil where it may be published. `groups` list cell indices
    /// whose sum is published; a group whose total is itself suppressed gives nothing away and is skipped.
    static func protect(_ cells: [Cell], groups: [[Int]], basis: Basis = .proportion, threshold: Int = threshold) -> [Reason?] {
        guard basis != .none else { return cells.map { _ in nil } }
        var reasons: [Reason?] = cells.map { isPrimary($0, basis: basis, threshold: threshold) ? .smallNumber : nil }
        var changed = true
        while changed {
            changed = false
            for group in groups where group.count > 1 {
                let total = group.reduce(into: Cell(numerator: 0, denominator: 0)) { t, i in
                    t.numerator += cells[i].numerator; t.denominator += cells[i].denominator
                }
                guard !isPrimary(total, basis: basis, threshold: threshold) else { continue }
                let hidden = group.filter { reasons[$0] != nil }
                guard hidden.count == 1 else { continue }
                // the next smallest cell: ties go to the first in the group, so the result is stable
                if let next = group.filter({ reasons[$0] == nil }).min(by: { (cells[$0].denominator, $0) < (cells[$1].denominator, $1) }) {
                    reasons[next] = .complementary
                    changed = true
                }
            }
        }
        return reasons
    }
}
