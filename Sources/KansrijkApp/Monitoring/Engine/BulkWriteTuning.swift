import Fluent
import SQLKit

/// SQLite settings for one connection while it writes a few hundred thousand counts, put back after.
/// Measured on the 1.65 M-row extract (bench/README.md): with the default 2 MB page cache SQLite
/// spilled pages to disk in the middle of the transaction, and each multi-row INSERT opened a
/// statement journal file. A larger cache and journals in memory removed most of the write time.
/// PostgreSQL needs nothing of the kind, so other databases get no tuning.
struct BulkWriteTuning: Sendable {
    /// SQLite's defaults: 2,000 KiB of cache, temporary files as compiled in.
    private static let defaults = ["PRAGMA cache_size = -2000", "PRAGMA temp_store = DEFAULT"]
    private static let bulk = ["PRAGMA cache_size = -131072", "PRAGMA temp_store = MEMORY"]

    /// Applies the settings when `db` is SQLite; nil otherwise.
    static func apply(on db: any Database) async throws -> BulkWriteTuning? {
        guard let sql = db as? any SQLDatabase, sql.dialect.name == "sqlite" else { return nil }
        for pragma in bulk { try await sql.raw(SQLQueryString(pragma)).run() }
        return BulkWriteTuning()
    }

    func restore(on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        for pragma in Self.defaults { try await sql.raw(SQLQueryString(pragma)).run() }
    }
}
