import Fluent
import SQLKit

extension Database {
    /// A transaction that changes data. On SQLite it takes the main file's write lock with its first
    /// statement (a write that changes nothing), so it waits its turn through the busy timeout instead
    /// of failing: a deferred transaction that reads first and writes later fails at once with
    /// "database is locked" (SQLITE_BUSY_SNAPSHOT) when another connection committed in between. With
    /// six people saving at once that lost 32 % of new clients (issue #13, item 5). Unlike
    /// `BEGIN IMMEDIATE`, it leaves the attached audit file to its own writer (ADR 0021).
    /// On PostgreSQL it is Fluent's transaction; inside a transaction it is that transaction.
    func writeTransaction<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        guard !inTransaction else { return try await body(self) }
        return try await transaction { db in
            if let sql = db as? any SQLDatabase, sql.dialect.name == "sqlite" {
                try await sql.raw("UPDATE _fluent_migrations SET batch = batch WHERE 0 = 1").run()
            }
            return try await body(db)
        }
    }
}
