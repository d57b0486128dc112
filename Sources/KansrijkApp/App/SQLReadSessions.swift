import Fluent
import SQLKit
import Vapor

/// Fluent's database sessions, read with one SQL query on its `_fluent_sessions` table and decoded
/// without Fluent's model reflection (every signed-in request reads its session). Creating,
/// writing and deleting stay with Fluent's driver (`base`), so the table and its format are Fluent's.
struct SQLReadSessions: SessionDriver {
    let base: any SessionDriver

    func createSession(_ data: SessionData, for request: Request) -> EventLoopFuture<SessionID> {
        base.createSession(data, for: request)
    }

    func readSession(_ sessionID: SessionID, for request: Request) -> EventLoopFuture<SessionData?> {
        guard let sql = request.db as? any SQLDatabase else { return base.readSession(sessionID, for: request) }
        return sql.raw("SELECT data FROM _fluent_sessions WHERE key = \(bind: sessionID.string) LIMIT 1").first().flatMapThrowing { row in try row?.decode(column: "data", as: SessionData.self) }
    }

    func updateSession(_ sessionID: SessionID, to data: SessionData, for request: Request) -> EventLoopFuture<SessionID> {
        base.updateSession(sessionID, to: data, for: request)
    }

    func deleteSession(_ sessionID: SessionID, for request: Request) -> EventLoopFuture<Void> {
        base.deleteSession(sessionID, for: request)
    }
}
