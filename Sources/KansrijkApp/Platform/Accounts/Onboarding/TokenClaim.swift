import Fluent
import Foundation
import SQLKit

/// Uses up a link's row in one conditional statement (ADR 0026): `UPDATE ... WHERE <unused>
/// RETURNING id` changes the row only while it is still unused, so of two requests racing with the
/// same link exactly one gets the row back. On PostgreSQL the second waits for the first's row lock
/// and then finds the row used; on SQLite `writeTransaction` already runs them one after the other.
/// Call it inside the write transaction that does what the link allows, so both happen or neither.
enum TokenClaim {
    static func invitation(_ id: UUID, on db: any Database, now: Date) async throws -> Bool {
        try await claim("UPDATE invitations SET accepted_at = \(bind: now) WHERE id = \(bind: id) AND accepted_at IS NULL AND revoked_at IS NULL RETURNING id", on: db)
    }

    static func passwordReset(_ id: UUID, on db: any Database, now: Date) async throws -> Bool {
        try await claim("UPDATE password_resets SET used_at = \(bind: now) WHERE id = \(bind: id) AND used_at IS NULL RETURNING id", on: db)
    }

    private static func claim(_ query: SQLQueryString, on db: any Database) async throws -> Bool {
        guard let sql = db as? any SQLDatabase else { return false }
        return try await !sql.raw(query).all().isEmpty
    }
}
