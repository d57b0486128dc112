import Foundation
import Vapor

/// A new MDO: title, day and time, place, the organisations taking part.
struct MDOMeetingForm: Content, Sendable {
    var title: String?
    var date: String?
    var time: String?
    var location: String?
    var participants: [String]?

    struct Valid { var title: String; var startsAt: Date; var location: String; var participantIDs: Set<UUID> }

    func validate(organisations: Set<UUID>, english: Bool) -> Result<Valid, FieldErrors> {
        let m = WorkspaceMessages(english: english)
        var errors = FieldErrors()
        let title = FormInput.limited(self.title, "title", max: 200, required: true, &errors, m)
        let day = FormInput.day(date, "date", required: true, &errors, m)
        let minutes = MeetingTime.minutes(time)
        if minutes == nil { errors["time"] = FormInput.text(time) == nil ? m.required : m.time }
        let location = FormInput.limited(self.location, "location", max: 200, required: false, &errors, m) ?? ""
        let ids = (participants ?? []).map { UUID(uuidString: $0) }
        if ids.contains(where: { $0 == nil || !organisations.contains($0!) }) { errors["participants"] = m.choice }
        guard errors.isEmpty, let title, let day, let minutes, let startsAt = MeetingTime.instant(day: day, minutes: minutes) else {
            return .failure(errors)
        }
        return .success(Valid(title: title, startsAt: startsAt, location: location, participantIDs: Set(ids.compactMap { $0 })))
    }
}

/// A client's case put on the agenda, with the question for the meeting.
struct MDOCaseForm: Content, Sendable {
    var client: String?
    var question: String?

    func validate(clients: Set<UUID>, english: Bool) -> Result<(UUID, String), FieldErrors> {
        let m = WorkspaceMessages(english: english)
        var errors = FieldErrors()
        let id = FormInput.uuid(client)
        if id == nil || !clients.contains(id!) { errors["case_client"] = m.choice }
        var q = FieldErrors()
        let question = FormInput.limited(self.question, "case_question", max: 1000, required: true, &q, m)
        errors = errors.merging(q)
        guard errors.isEmpty, let id, let question else { return .failure(errors) }
        return .success((id, question))
    }
}

/// The meeting's advice and decision on a case.
struct MDOOutcomeForm: Content, Sendable {
    var advice: String?
    var decision: String?

    func validate(english: Bool) -> Result<(String, String), FieldErrors> {
        let m = WorkspaceMessages(english: english)
        let advice = FormInput.lines(self.advice), decision = FormInput.lines(self.decision)
        var errors = FieldErrors()
        if advice.count > 4000 { errors["advice"] = m.tooLong(4000) }
        if decision.count > 4000 { errors["decision"] = m.tooLong(4000) }
        return errors.isEmpty ? .success((advice, decision)) : .failure(errors)
    }
}

/// An action point: what, which organisation, which person, by when; optionally for one case.
struct MDOPointForm: Content, Sendable {
    var text: String?
    var owner: String?
    var person: String?
    var dueOn: String?
    var caseID: String?

    enum CodingKeys: String, CodingKey {
        case text, owner, person
        case dueOn = "due_on", caseID = "case"
    }

    struct Valid { var text: String; var ownerID: UUID; var person: String; var dueOn: Date; var caseID: UUID? }

    func validate(participants: Set<UUID>, cases: Set<UUID>, meetingDay: Date, english: Bool) -> Result<Valid, FieldErrors> {
        let m = WorkspaceMessages(english: english)
        var errors = FieldErrors()
        let text = FormInput.limited(self.text, "point_text", max: 500, required: true, &errors, m)
        let ownerID = FormInput.uuid(owner)
        if ownerID == nil || !participants.contains(ownerID!) { errors["point_owner"] = FormInput.text(owner) == nil ? m.required : m.choice }
        let person = FormInput.limited(self.person, "point_person", max: 200, required: true, &errors, m)
        let due = FormInput.day(dueOn, "point_due", required: true, &errors, m)
        if let due, due < meetingDay { errors["point_due"] = m.dueBeforeMeeting }
        var caseID: UUID?
        if FormInput.text(self.caseID) != nil {
            caseID = FormInput.uuid(self.caseID)
            if caseID == nil || !cases.contains(caseID!) { errors["point_case"] = m.choice }
        }
        guard errors.isEmpty, let text, let ownerID, let person, let due else { return .failure(errors) }
        return .success(Valid(text: text, ownerID: ownerID, person: person, dueOn: due, caseID: caseID))
    }
}
