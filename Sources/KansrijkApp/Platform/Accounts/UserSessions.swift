import Fluent
import SQLKit
import Vapor

/// Ends the sessions of one account (issue #14): a deactivated account, a new password. Sessions are
/// rows of `_fluent_sessions` whose JSON `data` holds `_UserSession` = the user's id (see
/// `SessionClock`), so the rows are deleted with one statement in the database's own JSON syntax.
/// Run it inside the write transaction that makes the change, so the change and the sign-out go together.
enum UserSessions {
    /// Deletes every session of `userID`, except `keeping` (the session of the request that asked,
    /// when she keeps working: a new password set on her own account page).
    static func end(of userID: UUID, keeping: SessionID? = nil, on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        // Vapor writes the id as `UUID.description` (upper case); compare without case to be sure
        let id = userID.uuidString.lowercased()
        let user: SQLQueryString = sql.dialect.name == "postgresql"
            ? "lower(data->>\(literal: SessionClock.signedInKey)) = \(bind: id)"
            : "lower(json_extract(data, \(literal: "$." + SessionClock.signedInKey))) = \(bind: id)"
        if let keeping {
            try await sql.raw("DELETE FROM _fluent_sessions WHERE \(user) AND key <> \(bind: keeping.string)").run()
        } else {
            try await sql.raw("DELETE FROM _fluent_sessions WHERE \(user)").run()
        }
    }
}
