import Fluent
import Vapor

/// Database sessions that are written only when their data changed. Vapor's `SessionsMiddleware`
/// calls `updateSession` after every request that has a session, so with Fluent's driver alone
/// every page view of a signed-in user is a database write (on SQLite it also competes with the
/// audit log's writer). The data read at the start of the request is kept on the request and
/// compared at the end; a changed CSRF token or flash message is still written.
struct ChangedOnlySessions: SessionDriver {
    let base: any SessionDriver

    private struct ReadKey: StorageKey { typealias Value = SessionData }

    func createSession(_ data: SessionData, for request: Request) -> EventLoopFuture<SessionID> {
        base.createSession(data, for: request)
    }

    func readSession(_ sessionID: SessionID, for request: Request) -> EventLoopFuture<SessionData?> {
        base.readSession(sessionID, for: request).map { data in
            request.storage[ReadKey.self] = data
            return data
        }
    }

    func updateSession(_ sessionID: SessionID, to data: SessionData, for request: Request) -> EventLoopFuture<SessionID> {
        if request.storage[ReadKey.self] == data { return request.eventLoop.makeSucceededFuture(sessionID) }
        return base.updateSession(sessionID, to: data, for: request)
    }

    func deleteSession(_ sessionID: SessionID, for request: Request) -> EventLoopFuture<Void> {
        base.deleteSession(sessionID, for: request)
    }
}
