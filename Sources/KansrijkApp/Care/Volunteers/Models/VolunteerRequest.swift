import Fluent
import Foundation

enum VolunteerRequestStatus: String, Codable, Sendable, CaseIterable {
    case open = "open"
    case matched = "gekoppeld"
    case ended = "beeindigd"
}

/// A professional's request to a volunteer organisation to support a family, made with the
/// client's consent (purpose `volunteer`); the volunteer organisation becomes involved with her.
final class VolunteerRequest: Model, @unchecked Sendable {
    static let schema = "care_volunteer_requests"

    // managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    // data fields
    /// What the family would like help with, in words the volunteer can act on.
    @Field(key: "need") var need: String
    /// A language the volunteer should speak (ISO 639-1), if any.
    @OptionalField(key: "language") var language: String?
    @Field(key: "status") var status: VolunteerRequestStatus
    @Field(key: "consent_id") var consentID: UUID

    // relationships
    @Parent(key: "client_id") var client: CareClient
    @Parent(key: "requested_by_organisation_id") var requestedBy: Organisation
    @Parent(key: "requested_by_user_id") var requestedByUser: User
    @Parent(key: "volunteer_organisation_id") var volunteerOrganisation: Organisation

    init() {}

    init(id: UUID? = nil, clientID: UUID, requestedByID: UUID, requestedByUserID: UUID, volunteerOrganisationID: UUID,
         need: String, language: String?, consentID: UUID) {
        self.id = id
        self.$client.id = clientID
        self.$requestedBy.id = requestedByID
        self.$requestedByUser.id = requestedByUserID
        self.$volunteerOrganisation.id = volunteerOrganisationID
        self.need = need
        self.language = language
        self.consentID = consentID
        self.status = .open
    }
}
