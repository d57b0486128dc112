import Fluent
import Foundation

/// A volunteer walking with a family: from a start date, with check-ins, until the match ends.
final class VolunteerMatch: Model, @unchecked Sendable {
    static let schema = "care_volunteer_matches"

    // managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    // data fields
    /// Calendar days (see `CalendarDay`).
    @Field(key: "start_on") var startOn: Date
    @OptionalField(key: "end_on") var endOn: Date?
    @OptionalField(key: "end_reason") var endReason: String?

    // relationships
    @Parent(key: "request_id") var request: VolunteerRequest
    @Parent(key: "volunteer_id") var volunteer: Volunteer
    @Children(for: \.$match) var checkIns: [VolunteerCheckIn]

    init() {}

    init(id: UUID? = nil, requestID: UUID, volunteerID: UUID, startOn: Date) {
        self.id = id
        self.$request.id = requestID
        self.$volunteer.id = volunteerID
        self.startOn = startOn
    }
}

/// A moment the volunteer organisation checked how the match goes.
final class VolunteerCheckIn: Model, @unchecked Sendable {
    static let schema = "care_volunteer_checkins"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    /// Calendar day.
    @Field(key: "on") var on: Date
    @Field(key: "note") var note: String
    @Parent(key: "match_id") var match: VolunteerMatch
    @Parent(key: "user_id") var user: User

    init() {}

    init(id: UUID? = nil, matchID: UUID, on: Date, note: String, userID: UUID) {
        self.id = id
        self.$match.id = matchID
        self.on = on
        self.note = note
        self.$user.id = userID
    }
}
