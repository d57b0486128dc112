import Fluent
import Foundation
import NIOConcurrencyHelpers
import SQLKit
import VaporCSQLite
import Vapor

/// Copies the write-ahead logs of the main file and the audit file back into the files on a thread
/// of its own while the server runs (ADR 0021). SQLite's automatic checkpoint runs inside the
/// commit that fills the log past 1,000 pages, so one group of page views (the audit writer's) paid
/// for copying the pages and syncing the file, about once a second under load. A passive checkpoint
/// does not wait for readers or writers and is not waited for by them. While serving, Fluent's
/// connections therefore leave checkpoints to this thread; other commands (migrate, demo, generate)
/// keep SQLite's automatic ones.
final class SQLiteCheckpointer: @unchecked Sendable {
    let path: String
    let auditPath: String
    let interval: TimeInterval
    private let stopped = NIOLockedValueBox(false)
    private let wake = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)
    private var handle: OpaquePointer?

    init(path: String, auditPath: String, interval: TimeInterval = 0.5) throws {
        self.path = path
        self.auditPath = auditPath
        self.interval = interval
        var handle: OpaquePointer?
        let opened = sqlite_nio_sqlite3_open_v2(path, &handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nil)
        guard opened == SQLITE_OK, let handle else {
            sqlite_nio_sqlite3_close(handle)
            throw SQLiteReadError(code: opened, message: "cannot open \(path) for checkpoints")
        }
        self.handle = handle
        let attach = "ATTACH DATABASE '\(auditPath.replacingOccurrences(of: "'", with: "''"))' AS \(AuditFile.schema)"
        for statement in ["PRAGMA busy_timeout = 5000", attach] {
            let rc = sqlite_nio_sqlite3_exec(handle, statement, nil, nil, nil)
            guard rc == SQLITE_OK else {
                sqlite_nio_sqlite3_close_v2(handle)
                self.handle = nil
                throw SQLiteReadError(code: rc, message: String(cString: sqlite_nio_sqlite3_errmsg(handle)))
            }
        }
    }

    deinit { if let handle { sqlite_nio_sqlite3_close_v2(handle) } }

    /// One passive checkpoint of `schema`, or of both files when nil: the frames no reader needs are
    /// copied into the file. Returns SQLite's result code (`SQLITE_OK`, or `SQLITE_BUSY` when another
    /// checkpoint ran) and, for one schema, the frames in its log and those now in the file.
    @discardableResult
    func checkpoint(_ schema: String? = nil) -> (code: Int32, logFrames: Int32, checkpointed: Int32) {
        guard let handle else { return (SQLITE_MISUSE, 0, 0) }
        var log: Int32 = 0, copied: Int32 = 0
        let rc = sqlite_nio_sqlite3_wal_checkpoint_v2(handle, schema, SQLITE_CHECKPOINT_PASSIVE, &log, &copied)
        return (rc, log, copied)
    }

    /// Checkpoints every `interval` on a thread of its own until `stop`.
    func start(logger: Logger) {
        let thread = Thread { [self] in
            while !stopped.withLockedValue({ $0 }) {
                _ = wake.wait(timeout: .now() + interval)
                guard !stopped.withLockedValue({ $0 }) else { break }
                let rc = checkpoint().code
                if rc != SQLITE_OK && rc != SQLITE_BUSY { logger.warning("SQLite checkpoint failed with code \(rc)") }
            }
            finished.signal()
        }
        thread.name = "kansrijk-sqlite-checkpoint"
        thread.start()
    }

    /// Stops the thread at once (after a checkpoint under way), with one last checkpoint.
    func stop() {
        stopped.withLockedValue { $0 = true }
        wake.signal()
        finished.wait()
        checkpoint()
    }
}

/// Runs the checkpointer while `serve` runs, with automatic checkpoints turned off on Fluent's
/// connections for that time.
struct SQLiteCheckpointLifecycle: LifecycleHandler {
    let path: String
    let auditPath: String
    private let running = NIOLockedValueBox<SQLiteCheckpointer?>(nil)

    init(path: String, auditPath: String) {
        self.path = path
        self.auditPath = auditPath
    }

    func didBootAsync(_ app: Application) async throws {
        let command = app.environment.arguments.dropFirst().first
        guard app.environment != .testing, command == nil || command == "serve" else { return }
        let checkpointer = try SQLiteCheckpointer(path: path, auditPath: auditPath)
        try await SQLitePragmas.run(["PRAGMA wal_autocheckpoint = 0"], on: app, id: .sqlite)
        checkpointer.start(logger: app.logger)
        running.withLockedValue { $0 = checkpointer }
    }

    func shutdown(_ application: Application) {
        running.withLockedValue { $0 }?.stop()
    }
}
