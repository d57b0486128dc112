import Fluent
import Foundation

/// What happened to client data (NEN 7513).
enum AuditAction: String, Codable, CaseIterable, Sendable {
    case read, create, update, delete, export, erase, breakGlass = "break_glass", denied
}

/// One entry of the append-only, tamper-evident access log. The client id stays after erasure;
/// the entry never holds client content (no names, no answers), only what kind of thing was done.
final class AuditEvent: Model, @unchecked Sendable {
    static let schema = "audit_events"

    // managed fields
    @ID(key: .id) var id: UUID?

    // data fields
    /// 1, 2, 3...: a gap shows a removed entry.
    @Field(key: "sequence") var sequence: Int
    /// Whole milliseconds, so the hash input survives every database's date precision.
    @Field(key: "occurred_at") var occurredAt: Date
    @Field(key: "action") var action: AuditAction
    @OptionalField(key: "client_id") var clientID: UUID?
    @Field(key: "user_id") var userID: UUID
    /// The user's e-mail at the time: the log must name the person even when the account goes.
    @Field(key: "user_email") var userEmail: String
    @Field(key: "organisation_id") var organisationID: UUID
    @OptionalField(key: "on_behalf_of") var onBehalfOf: String?
    /// `AccessBasis.logValue`, or nil (a denied attempt, an action without a client).
    @OptionalField(key: "basis") var basis: String?
    /// What was looked at or changed, in words without client content ("client page", "referral 3f2a... accepted").
    @Field(key: "what") var what: String
    @Field(key: "previous_hash") var previousHash: String
    @Field(key: "hash") var hash: String

    init() {}
}

struct CreateAuditEvents: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(AuditEvent.schema)
            .id()
            .field("sequence", .int, .required)
            .auditEventFields()
            .field("previous_hash", .string, .required)
            .field("hash", .string, .required)
            .unique(on: "sequence")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(AuditEvent.schema).delete()
    }
}

extension SchemaBuilder {
    /// What an audit event says, without its place in the chain: the chain's table and the outbox
    /// (`AuditOutbox`) have these columns in this order.
    func auditEventFields() -> SchemaBuilder {
        field("occurred_at", .datetime, .required)
            .field("action", .string, .required)
            .field("client_id", .uuid)
            .field("user_id", .uuid, .required)
            .field("user_email", .string, .required)
            .field("organisation_id", .uuid, .required)
            .field("on_behalf_of", .string)
            .field("basis", .string)
            .field("what", .string, .required)
    }
}
