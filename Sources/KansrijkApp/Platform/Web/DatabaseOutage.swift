import FluentPostgresDriver
import FluentSQLiteDriver
import Vapor

/// Errors that mean "the database cannot be used right now", not "this request is wrong": PostgreSQL
/// not answering, a SQLite file that became read-only, a full disk, a lock held too long. Pages and the
/// API answer them with 503 and `Retry-After` instead of 500 (issue #13, found by the fault tests);
/// `/health/ready` tells the load balancer at the same time (`Readiness`).
enum DatabaseOutage {
    static let retryAfterSeconds = 30

    static func matches(_ error: any Error) -> Bool {
        if let postgres = error as? PSQLError {
            if postgres.code == .server, let state = postgres.serverInfo?[.sqlState] { return outageStates(state) }
            return [.connectionError, .serverClosedConnection, .clientClosedConnection, .uncleanShutdown, .poolClosed].contains(postgres.code)
        }
        if let sqlite = error as? SQLiteError {
            switch sqlite.reason {
            case .readOnly, .full, .ioError, .cantOpen, .busy, .locked, .busyTimeout: return true
            default: return false
            }
        }
        if let postgres = error as? PostgresError, case .server(let message) = postgres, let state = message.fields[.sqlState] {
            return outageStates(state)
        }
        // the connection pools and the older PostgreSQL API report a lost server in their own types
        let text = String(reflecting: error)
        return ["ConnectionPoolTimeout", "connectionClosed", "Connection refused", "ioOnClosedChannel", "connectionError", "poolClosed"]
            .contains { text.contains($0) }
    }

    /// SQLSTATEs the server sends when it, not the request, is the trouble: class 08 (connection
    /// exception), 57P01-57P03 (shut down by an administrator, crashed, starting up or shutting down:
    /// a query in flight when PostgreSQL stops ends with 57P01), 53300 (too many connections).
    static func outageStates(_ state: String) -> Bool {
        state.hasPrefix("08") || ["57P01", "57P02", "57P03", "53300"].contains(state)
    }
}
