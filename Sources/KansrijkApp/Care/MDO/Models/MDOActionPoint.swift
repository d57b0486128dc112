import Fluent
import Foundation

/// What someone will do after a meeting: an owner organisation, a person and a due date. An open
/// point comes back on every next meeting of the series until it is closed.
final class MDOActionPoint: Model, @unchecked Sendable {
    static let schema = "care_mdo_action_points"

    // managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    // data fields
    @Field(key: "text") var text: String
    @Field(key: "owner_person") var ownerPerson: String
    /// Calendar day (see `CalendarDay`).
    @Field(key: "due_on") var dueOn: Date
    @OptionalField(key: "done_on") var doneOn: Date?

    // relationships
    /// The meeting that agreed it.
    @Parent(key: "meeting_id") var meeting: MDOMeeting
    @OptionalParent(key: "case_id") var mdoCase: MDOCase?
    @Parent(key: "owner_organisation_id") var ownerOrganisation: Organisation

    init() {}

    init(id: UUID? = nil, meetingID: UUID, caseID: UUID?, text: String, ownerOrganisationID: UUID, ownerPerson: String, dueOn: Date) {
        self.id = id
        self.$meeting.id = meetingID
        self.$mdoCase.id = caseID
        self.text = text
        self.$ownerOrganisation.id = ownerOrganisationID
        self.ownerPerson = ownerPerson
        self.dueOn = dueOn
    }
}
