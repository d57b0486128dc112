import Fluent
import FluentSQL
import Vapor

/// Settings for SQLite that every connection needs for concurrent requests: write-ahead logging
/// (readers do not wait for a writer; kept in the file), `synchronous=NORMAL` (a commit does not
/// wait for the disk; the database stays consistent, a power cut may lose the last commits) and a
/// busy timeout (a writer waits, sleeping, for another writer instead of SQLiteNIO's busy handler
/// that retries at once), and a larger page cache (a care page reads a few hundred pages of a large
/// file). No memory-mapped reads: with the audit log growing the file on every page view, SQLite
/// mapped it anew per transaction (`munmap` was 8 % of a worklist's CPU in `perf`). Fluent's SQLite driver keeps exactly one connection per event loop and
/// has no hook for new connections, so this runs once on each of them at start-up.
enum SQLitePragmas {
    /// What every connection sets for itself, the read pool's too (`SQLiteReadConnection`).
    static let perConnection = ["PRAGMA busy_timeout = 5000", "PRAGMA cache_size = \(cacheSize)"]
    /// 16 MiB of page cache per connection and file (a negative size counts KiB). It was 64 MiB:
    /// with two Fluent connections and the read pool's, each on both files, a national instance
    /// grew to 590 MB under load (issue 17 asks 250 MB); a page beyond it comes from the system's
    /// file cache, and a care page reads a few hundred pages.
    static let cacheSize = -16384
    static let statements = ["PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL"] + perConnection

    /// Runs `statements` on each of Fluent's connections.
    static func run(_ statements: [String], on app: Application, id: DatabaseID) async throws {
        try await forEachConnection(of: app, id: id) { sql in
            for statement in statements { try await sql.raw(SQLQueryString(statement)).run() }
        }
    }

    /// Sets the pragmas on each of Fluent's connections and attaches the audit file at `auditPath` (`AuditFile`).
    static func apply(to app: Application, id: DatabaseID, auditPath: String) async throws {
        try await forEachConnection(of: app, id: id) { sql in
            for statement in statements { try await sql.raw(SQLQueryString(statement)).run() }
            try await AuditFile.attach(auditPath, on: sql)
        }
    }

    /// `body` on the one connection of each event loop.
    private static func forEachConnection(of app: Application, id: DatabaseID,
                                          _ body: @escaping @Sendable (any SQLDatabase) async throws -> Void) async throws {
        for eventLoop in app.eventLoopGroup.makeIterator() {
            guard let db = app.databases.database(id, logger: app.logger, on: eventLoop) else { continue }
            try await db.withConnection { conn in
                guard let sql = conn as? any SQLDatabase else { return }
                try await body(sql)
            }
        }
    }
}
