import Fluent
import Foundation

/// An in-app message to a user about a referral they sent. It names the referral, not the client.
final class CareNotification: Model, @unchecked Sendable {
    static let schema = "care_notifications"

    @ID(key: .id) var id: UUID?
    @Field(key: "user_id") var userID: UUID
    @Field(key: "referral_id") var referralID: UUID
    /// The new status (`ReferralStatus` raw value): the page words it in the reader's language.
    @Field(key: "status") var status: String
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "read_at") var readAt: Date?

    init() {}

    init(userID: UUID, referralID: UUID, status: ReferralStatus, now: Date) {
        self.userID = userID
        self.referralID = referralID
        self.status = status.rawValue
        self.createdAt = now
    }
}

/// An e-mail waiting to be sent; filled only when SMTP is configured. It carries no client data:
/// e-mail is not a safe channel, so it only says to log in.
final class CareOutboxMessage: Model, @unchecked Sendable {
    static let schema = "care_outbox"

    @ID(key: .id) var id: UUID?
    @Field(key: "to_address") var to: String
    @Field(key: "subject") var subject: String
    @Field(key: "body") var body: String
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "sent_at") var sentAt: Date?

    init() {}

    init(to: String, subject: String, body: String, now: Date) {
        self.to = to
        self.subject = subject
        self.body = body
        self.createdAt = now
    }
}

struct CreateCareNotifications: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(CareNotification.schema)
            .id()
            .field("user_id", .uuid, .required, .references(User.schema, .id))
            .field("referral_id", .uuid, .required, .references(Referral.schema, .id, onDelete: .cascade))
            .field("status", .string, .required)
            .field("created_at", .datetime, .required)
            .field("read_at", .datetime)
            .create()
        try await database.schema(CareOutboxMessage.schema)
            .id()
            .field("to_address", .string, .required)
            .field("subject", .string, .required)
            .field("body", .string, .required)
            .field("created_at", .datetime, .required)
            .field("sent_at", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(CareOutboxMessage.schema).delete()
        try await database.schema(CareNotification.schema).delete()
    }
}
