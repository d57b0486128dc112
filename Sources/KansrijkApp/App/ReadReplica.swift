import Fluent
import FluentPostgresDriver
import Metrics
import Vapor

/// The optional PostgreSQL streaming replica (ADR 0043, issue 17). Fluent cannot route reads by
/// itself, so the read-only heavy paths (dashboards, maps, national overview, exports, the monitor's
/// API) ask for `readDB` by name; every other read, and every read that must see one's own write,
/// stays on `db` (the primary).
extension DatabaseID {
    /// The replica named by `KANSRIJK_DATABASE_READ_URL`; registered only when that is set.
    public static let psqlRead = DatabaseID(string: "psql-read")
}

extension Application {
    private struct ReadReplicaKey: StorageKey { typealias Value = Bool }

    /// True when `configure` registered `.psqlRead` (PostgreSQL with `KANSRIJK_DATABASE_READ_URL`).
    public var hasReadReplica: Bool {
        get { storage[ReadReplicaKey.self] ?? false }
        set { storage[ReadReplicaKey.self] = newValue }
    }

    /// The replica when one is configured, else the primary. Only for reads that may lag a moment
    /// behind the primary: never right after one's own write, never for audited client data.
    public var readDB: any Database {
        DatabaseReads.count(replica: hasReadReplica)
        return hasReadReplica ? db(.psqlRead) : db
    }
}

extension Request {
    /// The replica when one is configured, else the primary (`req.db`); see `Application.readDB`.
    /// A browser that wrote a moment ago reads from the primary (`PrimaryAfterWriteMiddleware`), so
    /// the page after a form's redirect shows what it just saved.
    public var readDB: any Database {
        let replica = application.hasReadReplica && !PrimaryAfterWriteMiddleware.wroteRecently(self)
        DatabaseReads.count(replica: replica)
        return replica ? db(.psqlRead) : db
    }
}

/// Read your own writes with a replica: every answer to a POST (or other write method) carries a
/// short-lived cookie, and while the browser sends it back `req.readDB` is the primary. Streaming
/// replication lags well under a second; the cookie lasts a few seconds and costs no database work.
/// Installed only when a replica is configured. Logging in and out write only the session and the
/// log-in throttle, which no replica path reads: they set no cookie, so a policy advisor's first
/// dashboard after logging in is read from the replica too.
struct PrimaryAfterWriteMiddleware: Middleware {
    static let cookieName = "kansrijk_primair"
    static let seconds = 3
    static let sessionOnly: Set<String> = ["/inloggen", "/inloggen/code", "/uitloggen"]
    let secure: Bool

    static func wroteRecently(_ req: Request) -> Bool {
        req.headers.cookie?[cookieName] != nil
    }

    func respond(to request: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        guard request.method != .GET, request.method != .HEAD, !Self.sessionOnly.contains(request.url.path) else {
            return next.respond(to: request)
        }
        let secure = secure
        return next.respond(to: request).map { response in
            response.cookies[Self.cookieName] = HTTPCookies.Value(string: "1", expires: nil, maxAge: Self.seconds, path: "/",
                                                                  isSecure: secure, isHTTPOnly: true, sameSite: .lax)
            return response
        }
    }
}

/// `kansrijk_db_reads_total{target="primary|replica"}`: one count per `readDB` use, so an operator (and
/// the cluster test) sees the heavy reads go to the replica. The counter is looked up in the metrics
/// backend at each use: a backend bootstrapped after start-up (h5's `/metrics`) still receives it, and
/// the lookup costs about a microsecond on paths that run whole aggregate queries.
enum DatabaseReads {
    static let label = "kansrijk_db_reads_total"

    static func count(replica: Bool) {
        Counter(label: label, dimensions: [("target", replica ? "replica" : "primary")]).increment()
    }
}

/// Registers the replica beside the primary; called by `configure` for PostgreSQL only (the settings
/// refuse a read URL on SQLite).
func useReadReplica(_ app: Application, url: String) throws {
    var config = try SQLPostgresConfiguration(url: url)
    if !url.contains("sslmode") { config.coreConfiguration.tls = .disable }
    app.databases.use(.postgres(configuration: config, maxConnectionsPerEventLoop: 4, sqlLogLevel: .trace), as: .psqlRead, isDefault: false)
    app.hasReadReplica = true
}
