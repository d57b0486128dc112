import Fluent
import Foundation
import SQLKit
import Vapor

/// What `/health/ready` checks besides "migrated and loaded" (issue #13): the server is not ready
/// when it could not log an access, so a load balancer sends no one to it. The database must answer
/// (PostgreSQL stopped: 503 until it is back, no restart needed), and on SQLite the main and the audit
/// file must be writable with room left on their disk.
struct Readiness: Sendable {
    /// Below this much free space the audit log could fail any moment.
    static let minimumFreeBytes: Int64 = 64 * 1024 * 1024

    /// The SQLite files, nil on PostgreSQL.
    let sqliteFiles: [String]?

    /// Nil when ready; otherwise why not, in one line for the operator.
    func problem(_ app: Application) async -> String? {
        guard app.isReady else { return "not ready: migrations pending or the directory is loading" }
        do {
            guard let sql = app.db as? any SQLDatabase else { return nil }
            _ = try await sql.raw("SELECT 1 AS up").first()
        } catch {
            return "not ready: the database does not answer"
        }
        guard let files = sqliteFiles else { return nil }
        return Self.fileProblem(files)
    }

    static func fileProblem(_ files: [String]) -> String? {
        let manager = FileManager.default
        // the write-ahead log and its index are written on every change too (a read-only `-wal` went unnoticed)
        for file in files.flatMap({ [$0, $0 + "-wal", $0 + "-shm"] }) {
            let folder = (file as NSString).deletingLastPathComponent
            if manager.fileExists(atPath: file), !manager.isWritableFile(atPath: file) { return "not ready: \(file) is read-only" }
            if !file.hasSuffix("-wal"), !file.hasSuffix("-shm"), !manager.isWritableFile(atPath: folder.isEmpty ? "." : folder) {
                return "not ready: the folder of \(file) is read-only"
            }
            if let free = (try? manager.attributesOfFileSystem(forPath: folder.isEmpty ? "." : folder))?[.systemFreeSize] as? NSNumber,
               free.int64Value < minimumFreeBytes {
                return "not ready: less than 64 MB free on the disk of \(file)"
            }
        }
        return nil
    }
}

extension Application {
    private struct ReadinessKey: StorageKey { typealias Value = Readiness }
    var readiness: Readiness {
        get { storage[ReadinessKey.self] ?? Readiness(sqliteFiles: nil) }
        set { storage[ReadinessKey.self] = newValue }
    }
}
