import Foundation

/// Which action points a meeting deals with: those agreed at it, and those agreed at an earlier
/// meeting of the same series (same organiser) that are still open on its day. A point closed
/// before the day of the meeting no longer comes back; one closed on that day is still shown there.
enum MDOCarryOver {
    struct MeetingRef: Sendable, Equatable { var id: UUID; var series: UUID; var start: Date }
    struct Point: Sendable, Equatable { var id: UUID; var raisedAt: UUID; var doneOn: Date? }
    struct Agenda: Sendable, Equatable { var raised: [UUID] = []; var carriedOver: [UUID] = [] }

    static func agenda(for meeting: MeetingRef, meetings: [MeetingRef], points: [Point]) -> Agenda {
        let byID = Dictionary(meetings.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let day = CalendarDay.day(at: meeting.start)
        var agenda = Agenda()
        for point in points {
            if point.raisedAt == meeting.id { agenda.raised.append(point.id); continue }
            guard let origin = byID[point.raisedAt], origin.series == meeting.series, origin.start < meeting.start else { continue }
            if let done = point.doneOn, done < day { continue }
            agenda.carriedOver.append(point.id)
        }
        return agenda
    }
}
