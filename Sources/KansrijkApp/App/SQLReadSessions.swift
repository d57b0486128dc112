import Fluent
import NIOConcurrencyHelpers
import SQLKit
import Vapor

/// Fluent's database sessions, read with one SQL query on its `_fluent_sessions` table and decoded
/// without Fluent's model reflection (every signed-in request reads its session), on SQLite through
/// the read pool. Creating,
/// writing and deleting stay with Fluent's driver (`base`), so the table and its format are Fluent's.
struct SQLReadSessions: SessionDriver {
    let base: any SessionDriver

    func createSession(_ data: SessionData, for request: Request) -> EventLoopFuture<SessionID> {
        base.createSession(data, for: request)
    }

    func readSession(_ sessionID: SessionID, for request: Request) -> EventLoopFuture<SessionData?> {
        guard let sql = request.db as? any SQLDatabase else { return base.readSession(sessionID, for: request) }
        let query: SQLQueryString = "SELECT data FROM _fluent_sessions WHERE key = \(bind: sessionID.string) LIMIT 1"
        guard let pool = request.sqliteReads else {
            return sql.raw(query).first().flatMapThrowing { row in try row?.decode(column: "data", as: SessionData.self) }
        }
        // on SQLite read at once on this event loop (`SQLiteReadPool`), the stored JSON decoded once per content
        return request.eventLoop.makeCompletedFuture {
            var stored: String?
            try pool.read(query, on: sql) { row in stored = try row.decode(column: "data", as: String.self) }
            return try stored.map(SessionDataCache.shared.decode)
        }
    }

    func updateSession(_ sessionID: SessionID, to data: SessionData, for request: Request) -> EventLoopFuture<SessionID> {
        base.updateSession(sessionID, to: data, for: request)
    }

    func deleteSession(_ sessionID: SessionID, for request: Request) -> EventLoopFuture<Void> {
        base.deleteSession(sessionID, for: request)
    }
}

/// Session data by its stored JSON: a signed-in user's session reads the same text on every request,
/// and decoding it with a `JSONDecoder` was a few per cent of a care page. Bounded: when full, it
/// starts again empty. The JSON is what Fluent's driver stores (SQLiteKit encodes the `Codable`
/// `SessionData` as JSON text), so a miss decodes it as SQLiteKit would.
final class SessionDataCache: Sendable {
    static let shared = SessionDataCache(capacity: 4096)

    private let capacity: Int
    private let entries = NIOLockedValueBox<[String: SessionData]>([:])

    init(capacity: Int) { self.capacity = capacity }

    func decode(_ json: String) throws -> SessionData {
        if let known = entries.withLockedValue({ $0[json] }) { return known }
        let data = try JSONDecoder().decode(SessionData.self, from: Data(json.utf8))
        entries.withLockedValue { entries in
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[json] = data
        }
        return data
    }
}
