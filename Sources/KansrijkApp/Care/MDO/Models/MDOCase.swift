import Fluent
import Foundation

/// A client's case on a meeting's agenda. Others see it by its pseudonym (the client's code), the
/// question and the organisations involved; the name only those involved with consent for the MDO.
final class MDOCase: Model, @unchecked Sendable {
    static let schema = "care_mdo_cases"

    // managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    // data fields
    /// The question the presenting professional brings in.
    @Field(key: "question") var question: String
    @Field(key: "advice") var advice: String
    @Field(key: "decision") var decision: String
    /// The consent (purpose `mdo`) it was put on the agenda with.
    @Field(key: "consent_id") var consentID: UUID

    // relationships
    @Parent(key: "meeting_id") var meeting: MDOMeeting
    @Parent(key: "client_id") var client: CareClient
    @Parent(key: "presented_by_id") var presentedBy: Organisation

    init() {}

    init(id: UUID? = nil, meetingID: UUID, clientID: UUID, presentedByID: UUID, consentID: UUID, question: String) {
        self.id = id
        self.$meeting.id = meetingID
        self.$client.id = clientID
        self.$presentedBy.id = presentedByID
        self.consentID = consentID
        self.question = question
        self.advice = ""
        self.decision = ""
    }
}
