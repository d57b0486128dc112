import Fluent
import SQLKit
import Vapor

/// Signs in the user of the session on every request: one SQL query decoded column by column
/// (Fluent's `find` decodes through reflection, a noticeable part of every signed-in page).
/// Unlike Fluent's `ModelSessionAuthenticatable`, a deactivated account is no longer signed in.
struct UserSessionAuthenticator: AsyncSessionAuthenticator {
    typealias User = KansrijkApp.User

    func authenticate(sessionID: UUID, for request: Request) async throws {
        guard let (user, organisation) = try await User.readActive(sessionID, on: request.db, pool: request.sqliteReads) else { return }
        request.auth.login(user)
        request.organisationName = organisation
        request.mustEnrolSecondFactor = SecondFactorPolicy.mustEnrol(user)
    }
}

extension Request {
    private struct OrganisationNameKey: StorageKey { typealias Value = String }
    private struct MustEnrolKey: StorageKey { typealias Value = Bool }

    /// The signed-in user must set up her second factor before anything else (`SecondFactorGate`).
    var mustEnrolSecondFactor: Bool {
        get { storage[MustEnrolKey.self] ?? false }
        set { storage[MustEnrolKey.self] = newValue }
    }

    /// The signed-in user's organisation name, read with the user (the page header shows it).
    var organisationName: String? {
        get { storage[OrganisationNameKey.self] }
        set { storage[OrganisationNameKey.self] = newValue }
    }
}

extension User {
    /// The active user with this id and the name of her organisation, read with one SQL query
    /// (the user is marked as stored, so `save` updates it); through `pool` outside transactions.
    static func readActive(_ id: UUID, on db: any Database, pool: SQLiteReadPool? = nil) async throws -> (User, organisation: String)? {
        try await db.readFirst("""
            SELECT u.id, u.created_at, u.email, u.name, u.password_hash, u.role, u.organisation_id, u.totp_enabled_at, \
            o.name AS organisation_name, o.requires_second_factor \
            FROM users u JOIN organisations o ON o.id = u.organisation_id WHERE u.id = \(bind: id) AND u.is_active = \(bind: true) LIMIT 1
            """, pool: pool) { row in
            let user = User(id: try row.decode(column: "id", as: UUID.self), email: try row.decode(column: "email", as: String.self),
                            name: try row.decode(column: "name", as: String.self),
                            passwordHash: try row.decode(column: "password_hash", as: String.self),
                            role: try row.decodeRaw("role", as: Role.self),
                            organisationID: try row.decode(column: "organisation_id", as: UUID.self))
            user.createdAt = try row.decode(column: "created_at", as: Date?.self)
            user.totpEnabledAt = try row.decode(column: "totp_enabled_at", as: Date?.self)
            user.organisationRequiresSecondFactor = try row.decode(column: "requires_second_factor", as: Bool?.self) ?? false
            user.$id.exists = true
            return (user, try row.decode(column: "organisation_name", as: String.self))
        }
    }
}
