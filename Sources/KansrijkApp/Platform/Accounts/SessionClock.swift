import Fluent
import NIOCore
import SQLKit
import Vapor

/// Session lifetimes enforced on the server (issue #13): a session ends 30 minutes after its last
/// use on care pages (2 hours elsewhere) and 10 hours after the log-in, whatever the cookie says.
/// The times are kept in the session's own data (`since`, `seen`, seconds since 1970); `seen` is
/// written at most once a minute, so a page view does not become a session write.
enum SessionClock {
    static let absolute: TimeInterval = 10 * 60 * 60
    static let idleOnCarePages: TimeInterval = 30 * 60
    static let idleElsewhere: TimeInterval = 2 * 60 * 60
    static let touchEvery: TimeInterval = 60
    static let signedInKey = "_UserSession"

    static func start(_ session: Session, now: Date) {
        let stamp = String(Int(now.timeIntervalSince1970))
        session.data["since"] = stamp
        session.data["seen"] = stamp
    }

    static func idleLimit(path: String) -> TimeInterval {
        path == "/zorg" || path.hasPrefix("/zorg/") || path.hasPrefix("/api/zorg") ? idleOnCarePages : idleElsewhere
    }

    /// True when the session must end before this request: too old, idle too long, or a signed-in
    /// session without times (from before this rule).
    static func expired(_ data: SessionData, path: String, now: Date) -> Bool {
        let since = data["since"].flatMap(Double.init)
        let seen = data["seen"].flatMap(Double.init)
        guard let since, let seen else { return data[signedInKey] != nil }
        let t = now.timeIntervalSince1970
        return t - since > absolute || t - seen > idleLimit(path: path)
    }

    /// Removes every stored session that can no longer be used: idle longer than the longest idle
    /// limit, older than the absolute limit, or without times. Returns nothing; runs in the background.
    static func purge(on db: any Database, now: Date) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        let idleBefore = now.timeIntervalSince1970 - max(idleElsewhere, idleOnCarePages)
        let startedBefore = now.timeIntervalSince1970 - absolute
        switch sql.dialect.name {
        case "postgresql":
            try await sql.raw("""
                DELETE FROM _fluent_sessions WHERE (data->>'seen') IS NULL OR (data->>'since') IS NULL \
                OR (data->>'seen')::double precision < \(bind: idleBefore) OR (data->>'since')::double precision < \(bind: startedBefore)
                """).run()
        default:
            try await sql.raw("""
                DELETE FROM _fluent_sessions WHERE json_extract(data, '$.seen') IS NULL OR json_extract(data, '$.since') IS NULL \
                OR CAST(json_extract(data, '$.seen') AS REAL) < \(bind: idleBefore) OR CAST(json_extract(data, '$.since') AS REAL) < \(bind: startedBefore)
                """).run()
        }
    }
}

/// Applies `SessionClock` to every request with a session cookie, between reading the session and
/// signing its user in: an expired session is destroyed (its row deleted, the cookie expired) and
/// its user is not signed in. Afterwards a new session without data is dropped (a cookie with an
/// unknown id no longer creates an empty row), a new one gets its times, a used one its `seen`.
/// A plain `Middleware`, like the others on the hot path.
struct SessionClockMiddleware: Middleware {
    func respond(to req: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        let now = Date()
        if req.hasSession, let id = req.session.id, SessionClock.expired(req.session.data, path: req.url.path, now: now) {
            req.session.data = SessionData()
            req.session.destroy()
            req.storage[DestroyedKey.self] = true
            // deleted here, not after the response: Vapor skips the session's write when the request
            // ends in an error, and an expired session usually does (sign-in required)
            return req.application.sessions.driver.deleteSession(id, for: req).flatMap { Self.proceed(req, next, now) }
        }
        return Self.proceed(req, next, now)
    }

    private static func proceed(_ req: Request, _ next: any Responder, _ now: Date) -> EventLoopFuture<Response> {
        next.respond(to: req).map { response in
            guard req.hasSession, req.storage[DestroyedKey.self] != true else { return response }
            let session = req.session
            if session.id == nil {
                if session.data.snapshot.isEmpty { session.destroy() } else if session.data["since"] == nil { SessionClock.start(session, now: now) }
            } else if let seen = session.data["seen"].flatMap(Double.init), now.timeIntervalSince1970 - seen >= SessionClock.touchEvery {
                session.data["seen"] = String(Int(now.timeIntervalSince1970))
            }
            return response
        }
    }

    private struct DestroyedKey: StorageKey { typealias Value = Bool }
}

/// Purges expired sessions every 15 minutes while serving, once across the instances (ADR 0042).
struct SessionPurgeLifecycle: LifecycleHandler {
    static let job = PeriodicJob(name: "session-purge", initialDelay: .minutes(1), every: .minutes(15)) { app in
        try await SessionClock.purge(on: app.db, now: Date())
        return nil
    }

    func didBootAsync(_ app: Application) async throws { try await Self.job.didBootAsync(app) }

    func shutdown(_ app: Application) { Self.job.shutdown(app) }
}
