import Fluent
import SQLKit
import Vapor

/// The stored sessions of one account (`_fluent_sessions`, JSON `data` with `_UserSession` = the
/// user's id), as the account page lists and ends them one by one (`UserSessions.end` ends them all).
/// SQLite reads the JSON with `json_extract`, PostgreSQL with `->>` (as `SessionClock.purge` does).
enum AccountSessions {
    struct Entry: Sendable {
        var id: UUID
        var key: String
        var device: String?
        var since: Date?
        var seen: Date?
    }

    /// "The session belongs to `userID`", compared without case (Vapor writes the id in upper case).
    private static func owned(by userID: UUID, _ sql: any SQLDatabase) -> SQLQueryString {
        let id = userID.uuidString.lowercased()
        return sql.dialect.name == "postgresql"
            ? "lower(data->>\(literal: SessionClock.signedInKey)) = \(bind: id)"
            : "lower(json_extract(data, \(literal: "$." + SessionClock.signedInKey))) = \(bind: id)"
    }

    static func list(of userID: UUID, on db: any Database) async throws -> [Entry] {
        guard let sql = db as? any SQLDatabase else { return [] }
        let rows = try await sql.raw("SELECT id, key, data FROM _fluent_sessions WHERE \(owned(by: userID, sql))").all()
        return try rows.map { row in
            let data = try row.decode(column: "data", as: SessionData.self)
            let stamp = { (key: String) in data[key].flatMap(Double.init).map(Date.init(timeIntervalSince1970:)) }
            return Entry(id: try row.decode(column: "id", as: UUID.self), key: try row.decode(column: "key", as: String.self),
                         device: data["device"], since: stamp("since"), seen: stamp("seen"))
        }.sorted { ($0.seen ?? .distantPast) > ($1.seen ?? .distantPast) }
    }

    /// Ends one session of the account; false when it is not hers (or gone already).
    static func end(_ sessionRecordID: UUID, of userID: UUID, on db: any Database) async throws -> Bool {
        guard let sql = db as? any SQLDatabase else { return false }
        return try await !sql.raw("""
            DELETE FROM _fluent_sessions WHERE id = \(bind: sessionRecordID) AND \(owned(by: userID, sql)) RETURNING id
            """).all().isEmpty
    }
}
