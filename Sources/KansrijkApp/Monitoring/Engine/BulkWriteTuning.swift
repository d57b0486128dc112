import Fluent
import SQLKit

/// SQLite settings for one connection while it writes a few hundred thousand counts, put back after.
/// Measured on the 1.65 M-row extract (bench/README.md): with the default 2 MB page cache SQLite
/// spilled pages to disk in the middle of the transaction, and each multi-row INSERT opened a
/// statement journal file. A larger cache and journals in memory removed most of the write time.
/// The connection's own values are read first and put back, so settings made at start-up
/// (`SQLitePragmas`) survive an import. PostgreSQL needs nothing of the kind, so other databases
/// get no tuning.
struct BulkWriteTuning: Sendable {
    static let bulkCacheSize = -131_072
    private let cacheSize: Int
    private let tempStore: Int

    /// Applies the settings when `db` is SQLite; nil otherwise.
    static func apply(on db: any Database) async throws -> BulkWriteTuning? {
        guard let sql = db as? any SQLDatabase, sql.dialect.name == "sqlite" else { return nil }
        let tuning = BulkWriteTuning(cacheSize: try await pragma("cache_size", on: sql), tempStore: try await pragma("temp_store", on: sql))
        try await sql.raw("PRAGMA cache_size = \(unsafeRaw: String(bulkCacheSize))").run()
        try await sql.raw("PRAGMA temp_store = MEMORY").run()
        return tuning
    }

    func restore(on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        try await sql.raw("PRAGMA cache_size = \(unsafeRaw: String(cacheSize))").run()
        try await sql.raw("PRAGMA temp_store = \(unsafeRaw: String(tempStore))").run()
    }

    static func pragma(_ name: String, on sql: any SQLDatabase) async throws -> Int {
        guard let row = try await sql.raw("PRAGMA \(unsafeRaw: name)").first() else { throw PragmaWithoutValue(name: name) }
        return try row.decode(column: name, as: Int.self)
    }

    struct PragmaWithoutValue: Error { var name: String }
}
