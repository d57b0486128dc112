import Fluent
import Foundation

/// A forgotten-password link (issue #14): valid one hour, used once, stored only as a hash.
final class PasswordResetToken: Model, @unchecked Sendable {
    static let schema = "password_resets"
    static let validFor: TimeInterval = 60 * 60

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: User
    /// SHA-256 (hex) of the link's token.
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "expires_at") var expiresAt: Date
    @OptionalField(key: "used_at") var usedAt: Date?

    init() {}

    init(userID: UUID, tokenHash: String, now: Date) {
        self.$user.id = userID
        self.tokenHash = tokenHash
        self.createdAt = now
        self.expiresAt = now.addingTimeInterval(Self.validFor)
    }

    func isUsable(at now: Date) -> Bool { usedAt == nil && expiresAt > now }
}

struct CreatePasswordResets: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(PasswordResetToken.schema)
            .id()
            .field("user_id", .uuid, .required, .references(User.schema, .id, onDelete: .cascade))
            .field("token_hash", .string, .required)
            .field("created_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .field("used_at", .datetime)
            .unique(on: "token_hash")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PasswordResetToken.schema).delete()
    }
}
