import Fluent
import Foundation

/// Where a referral stands; the life cycle of a FHIR Task.
enum ReferralStatus: String, Codable, CaseIterable, Sendable {
    case requested, accepted, rejected
    case onHold = "on-hold"
    case inProgress = "in-progress"
    case completed, cancelled, failed

    var isClosed: Bool { [.rejected, .completed, .cancelled, .failed].contains(self) }
}

/// What a referral is for: help from a service, or handing the family over (warme overdracht,
/// for example from the midwife to the JGZ after the birth, or to the new municipality after a move).
enum ReferralKind: String, Codable, CaseIterable, Sendable {
    case referral = "verwijzing"
    case handover = "overdracht"
}

/// A referral of a client to a service of another organisation, with consent (closed loop, issue #4).
final class Referral: Model, @unchecked Sendable {
    static let schema = "care_referrals"

    // managed fields
    @ID(key: .id) var id: UUID?

    // data fields
    /// The directory service referred to, and its name at the time (the directory may change).
    @Field(key: "service_id") var serviceID: UUID
    @Field(key: "service_name") var serviceName: String
    @Field(key: "reason") var reason: String
    /// What was agreed with the parent.
    @Field(key: "agreed") var agreed: String
    @Field(key: "consent_id") var consentID: UUID
    @Field(key: "status") var status: ReferralStatus
    /// Why it was rejected, put on hold, failed or cancelled.
    @OptionalField(key: "status_reason") var statusReason: String?
    /// The alternative the receiving organisation proposed when it rejected.
    @OptionalField(key: "alternative") var alternative: String?
    @Field(key: "requested_at") var requestedAt: Date
    /// The first acceptance or start: time to first contact runs from `requestedAt` to here.
    @OptionalField(key: "first_contact_at") var firstContactAt: Date?
    @Field(key: "status_changed_at") var statusChangedAt: Date
    /// An ordinary referral or a warm handover (issue #15); nil (never stored) reads as a referral.
    @OptionalField(key: "kind") var storedKind: ReferralKind?
    var kind: ReferralKind { storedKind ?? .referral }
    /// Through Kansrijk, by phone or e-mail, or elsewhere (issue #15, `ReferralChannel`); nil reads as Kansrijk.
    @OptionalField(key: "channel") var storedChannel: ReferralChannel?
    var channel: ReferralChannel { storedChannel ?? .kansrijk }
    /// Outside Kansrijk the sender records later whether contact was made (`ReferralContactOutcome`) and when.
    @OptionalField(key: "contact_outcome") var contactOutcome: ReferralContactOutcome?
    @OptionalField(key: "contact_recorded_at") var contactRecordedAt: Date?

    // relationships
    @Parent(key: "client_id") var client: CareClient
    @Parent(key: "referring_organisation_id") var referringOrganisation: Organisation
    @Parent(key: "receiving_organisation_id") var receivingOrganisation: Organisation
    @Parent(key: "referred_by_id") var referredBy: User
    @Children(for: \.$referral) var events: [ReferralEvent]

    /// A new referral is an ordinary one unless made a handover: SQLite has no DEFAULT in an
    /// INSERT's values, so the column is always written (a row read back overwrites it).
    init() { storedKind = .referral }

    /// Time to first contact in whole hours, once there was contact.
    var hoursToFirstContact: Int? {
        firstContactAt.map { Int($0.timeIntervalSince(requestedAt) / 3600) }
    }
}

/// One change of a referral's status: who, when, from what to what, and why.
final class ReferralEvent: Model, @unchecked Sendable {
    static let schema = "care_referral_events"

    @ID(key: .id) var id: UUID?
    @OptionalField(key: "from_status") var from: ReferralStatus?
    @Field(key: "to_status") var to: ReferralStatus
    @Field(key: "at") var at: Date
    @OptionalField(key: "reason") var reason: String?
    @Parent(key: "referral_id") var referral: Referral
    @Parent(key: "user_id") var user: User
    @Parent(key: "organisation_id") var organisation: Organisation

    init() {}

    init(referralID: UUID, from: ReferralStatus?, to: ReferralStatus, at: Date, reason: String?, user: User) {
        self.$referral.id = referralID
        self.from = from
        self.to = to
        self.at = at
        self.reason = reason
        self.$user.id = user.id!
        self.$organisation.id = user.$organisation.id
    }
}

struct CreateReferrals: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Referral.schema)
            .id()
            .field("client_id", .uuid, .required, .references(CareClient.schema, .id, onDelete: .cascade))
            .field("referring_organisation_id", .uuid, .required, .references(Organisation.schema, .id))
            .field("receiving_organisation_id", .uuid, .required, .references(Organisation.schema, .id))
            .field("referred_by_id", .uuid, .required, .references(User.schema, .id))
            .field("service_id", .uuid, .required)
            .field("service_name", .string, .required)
            .field("reason", .string, .required)
            .field("agreed", .string, .required)
            .field("consent_id", .uuid, .required)
            .field("status", .string, .required)
            .field("status_reason", .string)
            .field("alternative", .string)
            .field("requested_at", .datetime, .required)
            .field("first_contact_at", .datetime)
            .field("status_changed_at", .datetime, .required)
            .create()
        try await database.schema(ReferralEvent.schema)
            .id()
            .field("referral_id", .uuid, .required, .references(Referral.schema, .id, onDelete: .cascade))
            .field("user_id", .uuid, .required, .references(User.schema, .id))
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, .id))
            .field("from_status", .string)
            .field("to_status", .string, .required)
            .field("at", .datetime, .required)
            .field("reason", .string)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ReferralEvent.schema).delete()
        try await database.schema(Referral.schema).delete()
    }
}
