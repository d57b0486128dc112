import Fluent
import Foundation

/// What an in-app notice tells of (issue #14); stored as its raw value, nil (older rows) reads as `status`.
enum CareNotificationEvent: String, Codable, Sendable {
    /// A referral arrived for the reader's organisation.
    case incoming
    /// A referral the reader sent has a new status.
    case status
    /// A referral the reader sent outside Kansrijk waits for her to record whether contact was made (issue #15).
    case contactReminder = "contact-reminder"
}

/// An in-app message to a user about a referral ("Nieuw voor u" on `/zorg`). Behind the log-in and
/// listed only while the reader may see the client, so it names the client's code and the service
/// (kept as they were when it happened); a mail never does.
final class CareNotification: Model, @unchecked Sendable {
    static let schema = "care_notifications"

    @ID(key: .id) var id: UUID?
    @Field(key: "user_id") var userID: UUID
    @Field(key: "referral_id") var referralID: UUID
    /// The new status (`ReferralStatus` raw value): the page words it in the reader's language.
    @Field(key: "status") var status: String
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "read_at") var readAt: Date?
    /// `CareNotificationEvent` raw value; nil for notices from before issue #14 (status changes).
    @OptionalField(key: "event") var event: String?
    @OptionalField(key: "client_code") var clientCode: String?
    @OptionalField(key: "service_name") var serviceName: String?

    init() {}

    init(userID: UUID, referralID: UUID, status: ReferralStatus, now: Date, event: CareNotificationEvent = .status,
         clientCode: String? = nil, serviceName: String? = nil) {
        self.userID = userID
        self.referralID = referralID
        self.status = status.rawValue
        self.createdAt = now
        self.event = event.rawValue
        self.clientCode = clientCode
        self.serviceName = serviceName
    }

    var kind: CareNotificationEvent { event.flatMap(CareNotificationEvent.init(rawValue:)) ?? .status }
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

/// The event and the client code and service as they were (issue #14); one column per step for SQLite.
struct UpdateCareNotificationsAddEvent: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(CareNotification.schema).field("event", .string).update()
        try await database.schema(CareNotification.schema).field("client_code", .string).update()
        try await database.schema(CareNotification.schema).field("service_name", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(CareNotification.schema).deleteField("service_name").update()
        try await database.schema(CareNotification.schema).deleteField("client_code").update()
        try await database.schema(CareNotification.schema).deleteField("event").update()
    }
}
