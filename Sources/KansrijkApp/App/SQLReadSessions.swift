import Fluent
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
        // on SQLite read at once on this event loop (`SQLiteReadPool`)
        return request.eventLoop.makeCompletedFuture {
            var data: SessionData?
            try pool.read(query, on: sql) { row in data = try row.decode(column: "data", as: SessionData.self) }
            return data
        }
    }

    func updateSession(_ sessionID: SessionID, to data: SessionData, for request: Request) -> EventLoopFuture<SessionID> {
        base.updateSession(sessionID, to: data, for: request)
    }

    func deleteSession(_ sessionID: SessionID, for request: Request) -> EventLoopFuture<Void> {
        base.deleteSession(sessionID, for: request)
    }
}
