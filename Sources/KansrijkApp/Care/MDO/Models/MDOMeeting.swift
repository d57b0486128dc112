import Fluent
import Foundation

/// A multidisciplinary meeting (MDO, multidisciplinair overleg): professionals of several
/// organisations discuss cases of vulnerable (expecting) parents and agree who does what.
/// Meetings of one organiser form a series: open action points return on its next agenda.
final class MDOMeeting: Model, @unchecked Sendable {
    static let schema = "care_mdo_meetings"

    // managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    // data fields
    @Field(key: "title") var title: String
    @Field(key: "starts_at") var startsAt: Date
    @Field(key: "location") var location: String

    // relationships
    @Parent(key: "organiser_id") var organiser: Organisation
    @Siblings(through: MDOParticipant.self, from: \.$meeting, to: \.$organisation) var participants: [Organisation]

    init() {}

    init(id: UUID? = nil, title: String, startsAt: Date, location: String, organiserID: UUID) {
        self.id = id
        self.title = title
        self.startsAt = startsAt
        self.location = location
        self.$organiser.id = organiserID
    }
}

/// An organisation taking part in a meeting.
final class MDOParticipant: Model, @unchecked Sendable {
    static let schema = "care_mdo_participants"

    @ID(key: .id) var id: UUID?
    @Parent(key: "meeting_id") var meeting: MDOMeeting
    @Parent(key: "organisation_id") var organisation: Organisation

    init() {}

    init(id: UUID? = nil, meetingID: UUID, organisationID: UUID) {
        self.id = id
        self.$meeting.id = meetingID
        self.$organisation.id = organisationID
    }
}

extension MDOMeeting {
    /// Ids of the meetings an organisation takes part in.
    static func ids(participant organisationID: UUID, on db: any Database) async throws -> [UUID] {
        try await MDOParticipant.query(on: db).filter(\.$organisation.$id == organisationID).all().map { $0.$meeting.id }
    }
}
