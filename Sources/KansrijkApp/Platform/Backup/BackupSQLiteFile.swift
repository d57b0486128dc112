import Foundation
import VaporCSQLite

/// One raw connection to an SQLite file, for what `kansrijk backup` and `restore` do outside Fluent:
/// SQLite's online backup API (`sqlite3_backup_*`), integrity checks and row counts. Opened with the
/// same SQLite library as Fluent's (SQLite's file locks are per process and per library copy, see
/// `SQLiteReadConnection`). Used by one thread at a time.
final class BackupSQLiteFile {
    let path: String
    private var handle: OpaquePointer?

    /// Opens the file at `path`; `create` makes it when missing (a backup's copy), otherwise a missing
    /// file is an error rather than a new empty database.
    init(path: String, create: Bool = false) throws {
        self.path = path
        var handle: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (create ? SQLITE_OPEN_CREATE : 0)
        let opened = sqlite_nio_sqlite3_open_v2(path, &handle, flags, nil)
        guard opened == SQLITE_OK, let handle else {
            let message = handle.map { String(cString: sqlite_nio_sqlite3_errmsg($0)) } ?? "cannot open"
            sqlite_nio_sqlite3_close(handle)
            throw BackupSQLiteError(path: path, message: message)
        }
        self.handle = handle
        // a serving instance may hold the write lock for a moment: wait for it as Fluent's connections do
        try execute("PRAGMA busy_timeout = 5000")
    }

    deinit { close() }

    func close() {
        if let handle { sqlite_nio_sqlite3_close_v2(handle) }
        handle = nil
    }

    func execute(_ sql: String) throws {
        let rc = sqlite_nio_sqlite3_exec(handle, sql, nil, nil, nil)
        guard rc == SQLITE_OK else { throw failure() }
    }

    /// Every row of `sql` as text (NULL as nil).
    func rows(_ sql: String) throws -> [[String?]] {
        var stmt: OpaquePointer?
        guard sqlite_nio_sqlite3_prepare_v2(handle, sql, -1, &stmt, nil) == SQLITE_OK, let stmt else { throw failure() }
        defer { sqlite_nio_sqlite3_finalize(stmt) }
        var rows: [[String?]] = []
        let columns = sqlite_nio_sqlite3_column_count(stmt)
        while true {
            let rc = sqlite_nio_sqlite3_step(stmt)
            if rc == SQLITE_DONE { return rows }
            guard rc == SQLITE_ROW else { throw failure() }
            rows.append((0..<columns).map { i in sqlite_nio_sqlite3_column_text(stmt, i).map { String(cString: $0) } })
        }
    }

    /// The tables of `schema` (`main`, or an attached file's name), without SQLite's own.
    func tableNames(schema: String = "main") throws -> [String] {
        try rows("SELECT name FROM \(schema).sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
            .compactMap { $0.first ?? nil }
    }

    /// The row count of every table of `schema`.
    func rowCounts(schema: String = "main") throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for table in try tableNames(schema: schema) {
            let quoted = "\"" + table.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            counts[table] = Int(try rows("SELECT count(*) FROM \(schema).\(quoted)").first?.first.flatMap { $0 } ?? "")
        }
        return counts
    }

    /// `PRAGMA quick_check`: nil when the file is sound, else SQLite's first complaint.
    func problem() throws -> String? {
        let answer = try rows("PRAGMA quick_check").first?.first.flatMap { $0 } ?? "no answer"
        return answer == "ok" ? nil : answer
    }

    /// Copies every page of `schema` of this connection into the main database of `destination`, in
    /// one step: inside this connection's read transaction the copy is that transaction's snapshot;
    /// SQLite's stepwise copy would start over on every write a serving instance makes.
    func copy(schema: String, into destination: BackupSQLiteFile) throws {
        guard let backup = sqlite_nio_sqlite3_backup_init(destination.handle, "main", handle, schema) else {
            throw destination.failure()
        }
        let stepped = sqlite_nio_sqlite3_backup_step(backup, -1)
        let finished = sqlite_nio_sqlite3_backup_finish(backup)
        guard stepped == SQLITE_DONE, finished == SQLITE_OK else { throw destination.failure() }
    }

    private func failure() -> BackupSQLiteError {
        BackupSQLiteError(path: path, message: handle.map { String(cString: sqlite_nio_sqlite3_errmsg($0)) } ?? "closed")
    }
}

/// A failed SQLite call of a backup or restore, with SQLite's message and the file.
struct BackupSQLiteError: Error, CustomStringConvertible {
    let path: String
    let message: String
    var description: String { "SQLite (\(path)): \(message)" }
}
