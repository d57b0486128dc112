import Foundation
import Vapor

/// A meeting: when and where, its agenda, guests, who came and what was decided.
struct MeetingForm: Content, Sendable {
    var kind: String?
    var title: String?
    var date: String?
    var startTime: String?
    var endTime: String?
    var location: String?
    var agenda: String?
    var guests: String?
    var decisions: String?
    var attendees: [String]?

    enum CodingKeys: String, CodingKey {
        case kind, title, date, location, agenda, guests, decisions, attendees
        case startTime = "start_time", endTime = "end_time"
    }

    struct Valid {
        var kind: CoalitionMeetingKind; var title: String; var startsAt: Date; var endsAt: Date
        var location: String; var agenda: String; var guests: String; var decisions: String; var attendeeIDs: [UUID]
    }

    func validate(partners: Set<UUID>, english: Bool) -> Result<Valid, FieldErrors> {
        let m = WorkspaceMessages(english: english)
        var errors = FieldErrors()
        let kind = CoalitionMeetingKind(rawValue: FormInput.text(self.kind) ?? "")
        if kind == nil { errors["kind"] = m.choice }
        let title = FormInput.limited(self.title, "title", max: 200, required: true, &errors, m)
        let day = FormInput.day(date, "date", required: true, &errors, m)
        let start = MeetingTime.minutes(startTime)
        if start == nil { errors["start_time"] = FormInput.text(startTime) == nil ? m.required : m.time }
        let end = MeetingTime.minutes(endTime)
        if end == nil { errors["end_time"] = FormInput.text(endTime) == nil ? m.required : m.time }
        if let start, let end, end <= start { errors["end_time"] = m.endTimeBeforeStart }
        let location = FormInput.limited(self.location, "location", max: 200, required: false, &errors, m) ?? ""
        let agenda = FormInput.lines(self.agenda), guests = FormInput.lines(self.guests), decisions = FormInput.lines(self.decisions)
        if agenda.count > 4000 { errors["agenda"] = m.tooLong(4000) }
        if guests.count > 1000 { errors["guests"] = m.tooLong(1000) }
        if decisions.count > 4000 { errors["decisions"] = m.tooLong(4000) }
        let ids = (attendees ?? []).map { UUID(uuidString: $0) }
        if ids.contains(where: { $0 == nil || !partners.contains($0!) }) { errors["attendees"] = m.choice }
        guard errors.isEmpty, let kind, let title, let day, let start, let end,
              let startsAt = MeetingTime.instant(day: day, minutes: start), let endsAt = MeetingTime.instant(day: day, minutes: end) else {
            return .failure(errors)
        }
        return .success(Valid(kind: kind, title: title, startsAt: startsAt, endsAt: endsAt, location: location, agenda: agenda,
                              guests: guests, decisions: decisions, attendeeIDs: Array(Set(ids.compactMap { $0 }))))
    }
}

/// An action point agreed at a meeting.
struct ActionPointForm: Content, Sendable {
    var text: String?
    var owner: String?
    var dueOn: String?

    enum CodingKeys: String, CodingKey {
        case text, owner
        case dueOn = "due_on"
    }

    struct Valid { var text: String; var ownerID: UUID?; var dueOn: Date? }

    /// `meetingDay` is the day of the meeting it is raised at: a deadline cannot lie before it.
    func validate(partners: Set<UUID>, meetingDay: Date, english: Bool) -> Result<Valid, FieldErrors> {
        let m = WorkspaceMessages(english: english)
        var errors = FieldErrors()
        let text = FormInput.limited(self.text, "point_text", max: 500, required: true, &errors, m)
        var ownerID: UUID?
        if FormInput.text(owner) != nil {
            ownerID = FormInput.uuid(owner)
            if ownerID == nil || !partners.contains(ownerID!) { errors["point_owner"] = m.choice }
        }
        let due = FormInput.day(dueOn, "point_due", required: false, &errors, m)
        if let due, due < meetingDay { errors["point_due"] = m.dueBeforeMeeting }
        guard errors.isEmpty, let text else { return .failure(errors) }
        return .success(Valid(text: text, ownerID: ownerID, dueOn: due))
    }
}

/// Marks an action point done on a day: not before the meeting that raised it, not in the future.
struct ActionPointDoneForm: Content, Sendable {
    var doneOn: String?

    enum CodingKeys: String, CodingKey {
        case doneOn = "done_on"
    }

    func validate(raisedOn: Date, today: Date, english: Bool) -> Result<Date, FieldErrors> {
        let m = WorkspaceMessages(english: english)
        var errors = FieldErrors()
        let day = FormInput.day(doneOn, "done_on", required: true, &errors, m)
        if let day, day > today { errors["done_on"] = m.future }
        else if let day, day < raisedOn { errors["done_on"] = m.doneBeforeRaised }
        guard errors.isEmpty, let day else { return .failure(errors) }
        return .success(day)
    }
}
