import Fluent
import Foundation

/// That the people a ladder step names were told of a referral reaching it: the unique key
/// (referral, coalition, cause, step) tells them once, also with several instances running.
final class EscalationNotice: Model, @unchecked Sendable {
    static let schema = "notification_escalations"

    @ID(key: .id) var id: UUID?
    @Field(key: "referral_id") var referralID: UUID
    @Field(key: "coalition_id") var coalitionID: UUID
    /// `Escalation.Cause` raw value: a referral rejected later climbs the ladder again.
    @Field(key: "cause") var cause: String
    @Field(key: "after_days") var afterDays: Int
    @Field(key: "created_at") var createdAt: Date

    init() {}

    init(referralID: UUID, coalitionID: UUID, cause: String, afterDays: Int, now: Date) {
        self.referralID = referralID
        self.coalitionID = coalitionID
        self.cause = cause
        self.afterDays = afterDays
        self.createdAt = now
    }
}

/// That an MDO meeting's participants got its agenda the day before: once per meeting.
final class MDOAgendaNotice: Model, @unchecked Sendable {
    static let schema = "notification_mdo_agendas"

    @ID(key: .id) var id: UUID?
    @Field(key: "meeting_id") var meetingID: UUID
    @Field(key: "created_at") var createdAt: Date

    init() {}

    init(meetingID: UUID, now: Date) {
        self.meetingID = meetingID
        self.createdAt = now
    }
}

extension Error {
    /// A unique key said no: another run (or instance) claimed the same thing first.
    var isClaimTaken: Bool { (self as? any DatabaseError)?.isConstraintFailure == true }
}

/// The tables of issue #14's notifications: choices, digest items and claims.
struct CreateNotificationTables: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(NotificationPreference.schema)
            .id()
            .field("user_id", .uuid, .required, .references(User.schema, .id, onDelete: .cascade))
            .field("kind", .string, .required)
            .field("delivery", .string, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "user_id", "kind")
            .create()
        try await database.schema(NotificationDigestItem.schema)
            .id()
            .field("user_id", .uuid, .required, .references(User.schema, .id, onDelete: .cascade))
            .field("kind", .string, .required)
            .field("path", .string, .required)
            .field("created_at", .datetime, .required)
            .field("digested_at", .datetime)
            .create()
        try await database.schema(NotificationDigest.schema)
            .id()
            .field("user_id", .uuid, .required, .references(User.schema, .id, onDelete: .cascade))
            .field("day", .string, .required)
            .field("item_count", .int, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "user_id", "day")
            .create()
        try await database.schema(EscalationNotice.schema)
            .id()
            .field("referral_id", .uuid, .required, .references(Referral.schema, .id, onDelete: .cascade))
            .field("coalition_id", .uuid, .required, .references(Coalition.schema, .id, onDelete: .cascade))
            .field("cause", .string, .required)
            .field("after_days", .int, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "referral_id", "coalition_id", "cause", "after_days")
            .create()
        try await database.schema(MDOAgendaNotice.schema)
            .id()
            .field("meeting_id", .uuid, .required, .references(MDOMeeting.schema, .id, onDelete: .cascade))
            .field("created_at", .datetime, .required)
            .unique(on: "meeting_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(MDOAgendaNotice.schema).delete()
        try await database.schema(EscalationNotice.schema).delete()
        try await database.schema(NotificationDigest.schema).delete()
        try await database.schema(NotificationDigestItem.schema).delete()
        try await database.schema(NotificationPreference.schema).delete()
    }
}
