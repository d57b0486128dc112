import Fluent
import Foundation

/// Sends an MDO meeting's agenda notice to its participants on the day before (issue #14): the
/// people of the participating organisations who take part in case discussions
/// (`MDOController.roles`). Only the date, time, place and number of cases; never a case.
/// Once per meeting (`MDOAgendaNotice`'s unique key), also with several instances running.
enum MDOAgendaNotices {
    /// Tells tomorrow's meetings not yet told; returns how many meetings it told.
    @discardableResult
    static func run(on db: any Database, notifier: Notifier, now: Date) async throws -> Int {
        let tomorrow = CalendarDay.day(at: now).addingTimeInterval(86_400)
        let meetings = try await MDOMeeting.query(on: db).filter(\.$startsAt > now).filter(\.$startsAt < now.addingTimeInterval(3 * 86_400)).all()
            .filter { CalendarDay.day(at: $0.startsAt) == tomorrow }
        var told = 0
        for meeting in meetings {
            let meetingID = try meeting.requireID()
            guard try await MDOAgendaNotice.query(on: db).filter(\.$meetingID == meetingID).count() == 0 else { continue }
            do {
                try await db.writeTransaction { db in
                    try await MDOAgendaNotice(meetingID: meetingID, now: now).create(on: db)
                    let organisations = try await MDOParticipant.query(on: db).filter(\.$meeting.$id == meetingID).all().map { $0.$organisation.id }
                    let cases = try await MDOCase.query(on: db).filter(\.$meeting.$id == meetingID).count()
                    let people = organisations.isEmpty ? [] : try await User.query(on: db).filter(\.$organisation.$id ~~ organisations)
                        .filter(\.$role ~~ MDOController.roles).filter(\.$isActive == true).all()
                    try await notifier.notify(people, of: .mdoAgenda(meetingID: meetingID, startsAt: meeting.startsAt, location: meeting.location,
                                                                     cases: cases), on: db, now: now)
                }
                told += 1
            } catch where error.isClaimTaken {
                continue
            }
        }
        return told
    }
}
