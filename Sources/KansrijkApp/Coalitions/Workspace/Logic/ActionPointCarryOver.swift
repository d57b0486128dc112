import Foundation

/// Which action points a meeting deals with. The rule: a point raised at a meeting stays on the
/// agenda of every later meeting of the same series (see `CoalitionMeetingKind.series`) until the day it
/// is done; a point done on the day of a meeting is still discussed there. Points done since the
/// previous meeting of the series (after its day, before this one's) are listed once, so the
/// meeting can see what was finished.
enum ActionPointCarryOver {
    struct MeetingRef: Sendable, Equatable {
        var id: UUID
        var series: CoalitionMeetingKind
        var start: Date
    }

    struct Point: Sendable, Equatable {
        var id: UUID
        var raisedAt: UUID
        /// Calendar day (see `CalendarDay`).
        var doneOn: Date?
    }

    struct Agenda: Sendable, Equatable {
        /// Raised at this meeting.
        var raised: [UUID] = []
        /// Raised earlier in the series and still open when this meeting starts.
        var carriedOver: [UUID] = []
        /// Done after the previous meeting of the series and before this one.
        var doneSincePrevious: [UUID] = []
    }

    static func agenda(for meeting: MeetingRef, meetings: [MeetingRef], points: [Point]) -> Agenda {
        let byID = Dictionary(meetings.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let day = CalendarDay.day(at: meeting.start)
        let previous = meetings
            .filter { $0.series == meeting.series && $0.start < meeting.start }
            .map(\.start).max()
        var agenda = Agenda()
        for point in points {
            if point.raisedAt == meeting.id { agenda.raised.append(point.id); continue }
            guard let origin = byID[point.raisedAt], origin.series == meeting.series, origin.start < meeting.start else { continue }
            if let done = point.doneOn, done < day {
                // done on the previous meeting's own day, it was ticked off there already
                if let previous, done > CalendarDay.day(at: previous) { agenda.doneSincePrevious.append(point.id) }
            } else {
                agenda.carriedOver.append(point.id)
            }
        }
        return agenda
    }
}
