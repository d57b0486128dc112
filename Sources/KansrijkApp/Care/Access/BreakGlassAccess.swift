import Fluent
import Foundation

/// Emergency access (break-the-glass) by one user to one client, with a reason, for a short
/// time; every grant is logged and shown to the admins of the user's organisation.
final class BreakGlassAccess: Model, @unchecked Sendable {
    static let schema = "care_break_glass"
    /// How long a grant lasts.
    static let duration: TimeInterval = 4 * 3600

    // managed fields
    @ID(key: .id) var id: UUID?

    // data fields
    @Field(key: "reason") var reason: String
    @Field(key: "granted_at") var grantedAt: Date
    @Field(key: "expires_at") var expiresAt: Date
    /// Kept when the client is erased, like the audit log; no content.
    @Field(key: "client_id") var clientID: UUID

    // relationships
    @Parent(key: "user_id") var user: User
    @Parent(key: "organisation_id") var organisation: Organisation

    init() {}

    init(id: UUID? = nil, clientID: UUID, userID: UUID, organisationID: UUID, reason: String, now: Date) {
        self.id = id
        self.clientID = clientID
        self.$user.id = userID
        self.$organisation.id = organisationID
        self.reason = reason
        self.grantedAt = now
        self.expiresAt = now.addingTimeInterval(Self.duration)
    }
}
