import Foundation

/// How many meetings of each series a coalition holds (or has planned) in a calendar year,
/// against the rhythm the seeds describe: kerncoalitie 4-5 (themed sessions included),
/// managers 2, netwerkcafé 1.
enum MeetingRhythm {
    struct Line: Sendable, Equatable {
        var kind: CoalitionMeetingKind
        var count: Int
        var norm: ClosedRange<Int>?

        var isBelowNorm: Bool { norm.map { count < $0.lowerBound } ?? false }
    }

    /// The series every coalition is expected to hold; the others are listed when they occur.
    static let standard: [CoalitionMeetingKind] = [.core, .managers, .networkCafe]

    static func year(_ year: Int, meetings: [(kind: CoalitionMeetingKind, start: Date)]) -> [Line] {
        let inYear = meetings.filter { CalendarDay.amsterdam.component(.year, from: $0.start) == year }
        return CoalitionMeetingKind.allCases.filter { $0.series == $0 }.compactMap { series in
            let count = inYear.filter { $0.kind.series == series }.count
            guard standard.contains(series) || count > 0 else { return nil }
            return Line(kind: series, count: count, norm: series.perYear)
        }
    }
}
