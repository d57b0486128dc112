import Fluent
import Foundation

/// An invitation to join Kansrijk (issue #14): an admin or a coordinator names an address, role,
/// organisation and coalitions; the invitee opens the mailed link, chooses her name and password and
/// is signed in. A resend replaces the row (the old link stops working); the rows stay as the
/// record that counts an inviter's invitations per day.
final class Invitation: Model, @unchecked Sendable {
    static let schema = "invitations"
    static let validFor: TimeInterval = 7 * 24 * 60 * 60

    // managed fields
    @ID(key: .id) var id: UUID?

    // data fields
    @Field(key: "email") var email: String
    @Field(key: "role") var role: Role
    @Field(key: "organisation_id") var organisationID: UUID
    /// The coalitions she joins, as UUIDs separated by spaces (checked against the inviter's rights when made).
    @Field(key: "coalition_ids") var coalitionIDsText: String
    /// The language of the mail and of her pages once she is in (`UILanguage` raw value).
    @Field(key: "language") var language: String
    @OptionalField(key: "invited_by") var invitedBy: UUID?
    /// SHA-256 (hex) of the link's token: the token itself is never stored.
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "expires_at") var expiresAt: Date
    @OptionalField(key: "accepted_at") var acceptedAt: Date?
    /// Revoked by a person, or replaced by a newer invitation or a resend.
    @OptionalField(key: "revoked_at") var revokedAt: Date?

    init() {}

    init(email: String, role: Role, organisationID: UUID, coalitionIDs: [UUID], language: UILanguage, invitedBy: UUID?,
         tokenHash: String, now: Date) {
        self.email = email
        self.role = role
        self.organisationID = organisationID
        self.coalitionIDsText = coalitionIDs.map(\.uuidString).joined(separator: " ")
        self.language = language.rawValue
        self.invitedBy = invitedBy
        self.tokenHash = tokenHash
        self.createdAt = now
        self.expiresAt = now.addingTimeInterval(Self.validFor)
    }

    var coalitionIDs: [UUID] { coalitionIDsText.split(separator: " ").compactMap { UUID(uuidString: String($0)) } }
    var uiLanguage: UILanguage { UILanguage(rawValue: language) ?? .nl }
    var isOpen: Bool { acceptedAt == nil && revokedAt == nil }

    func isUsable(at now: Date) -> Bool { isOpen && expiresAt > now }
}

struct CreateInvitations: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Invitation.schema)
            .id()
            .field("email", .string, .required)
            .field("role", .string, .required)
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, .id, onDelete: .cascade))
            .field("coalition_ids", .string, .required)
            .field("language", .string, .required)
            .field("invited_by", .uuid, .references(User.schema, .id, onDelete: .setNull))
            .field("token_hash", .string, .required)
            .field("created_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .field("accepted_at", .datetime)
            .field("revoked_at", .datetime)
            .unique(on: "token_hash")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Invitation.schema).delete()
    }
}
