import Fluent
import Foundation

/// Whether a referral outside Kansrijk (by phone or e-mail, or elsewhere) reached the service, as
/// the sender records it later (issue #15). The day of first contact goes to `firstContactAt`, so
/// the time-to-first-contact figure covers these referrals too.
enum ReferralContactOutcome: String, Codable, CaseIterable, Sendable {
    /// The family and the service are in touch.
    case made = "gelukt"
    /// No contact came about.
    case notMade = "niet-gelukt"
}

/// That the sender of a referral outside Kansrijk was reminded to record its outcome: the unique
/// key reminds her once, also with several instances running.
final class ReferralContactReminder: Model, @unchecked Sendable {
    static let schema = "notification_contact_reminders"

    @ID(key: .id) var id: UUID?
    @Field(key: "referral_id") var referralID: UUID
    @Field(key: "created_at") var createdAt: Date

    init() {}

    init(referralID: UUID, now: Date) {
        self.referralID = referralID
        self.createdAt = now
    }
}

/// The channel and the recorded outcome on `care_referrals`, and the reminders' claims; one column
/// per step for SQLite.
struct UpdateReferralsAddChannel: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Referral.schema).field("channel", .string).update()
        try await database.schema(Referral.schema).field("contact_outcome", .string).update()
        try await database.schema(Referral.schema).field("contact_recorded_at", .datetime).update()
        try await database.schema(ReferralContactReminder.schema)
            .id()
            .field("referral_id", .uuid, .required, .references(Referral.schema, .id, onDelete: .cascade))
            .field("created_at", .datetime, .required)
            .unique(on: "referral_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ReferralContactReminder.schema).delete()
        try await database.schema(Referral.schema).deleteField("contact_recorded_at").update()
        try await database.schema(Referral.schema).deleteField("contact_outcome").update()
        try await database.schema(Referral.schema).deleteField("channel").update()
    }
}
