import Fluent
import SQLKit
import Vapor

/// On SQLite the audit chain (`audit_events`) lives in a database file of its own beside the main
/// file, attached to every connection of Fluent's pool as the schema `audit` (ADR 0021). SQL that
/// names `audit_events` without a schema finds it there, so the queries are the same text on both
/// dialects. Why: SQLite empties every connection's page cache when the file it reads changed,
/// and every page view writes an audit event; with the events in their own file, a page view no
/// longer changes the file that the worklists and client pages read.
enum AuditFile {
    static let schema = "audit"

    /// `kansrijk.sqlite` -> `kansrijk-audit.sqlite`; a path without that extension gets `-audit` added.
    static func path(besides main: String) -> String {
        main.hasSuffix(".sqlite") ? String(main.dropLast(".sqlite".count)) + "-audit.sqlite" : main + "-audit"
    }

    /// Attaches the file at `path` on one connection (outside any transaction), with the settings
    /// the main file has.
    static func attach(_ path: String, on sql: any SQLDatabase) async throws {
        let attached = try await sql.raw("SELECT name FROM pragma_database_list WHERE name = \(bind: schema)").first()
        if attached == nil { try await sql.raw("ATTACH DATABASE \(bind: path) AS \(unsafeRaw: schema)").run() }
        try await sql.raw("PRAGMA \(unsafeRaw: schema).journal_mode = WAL").run()
        try await sql.raw("PRAGMA \(unsafeRaw: schema).synchronous = NORMAL").run()
        // the main file's page cache size: each insert reaches random pages of the id and client indexes
        try await sql.raw("PRAGMA \(unsafeRaw: schema).cache_size = \(unsafeRaw: String(SQLitePragmas.cacheSize))").run()
    }
}

/// Moves `audit_events` from the main SQLite file into the audit file (`AuditFile`), with its
/// indexes and every entry as it was: the chain, and `audit verify`, are unchanged. Earlier
/// migrations create the table in the main file; on a new database this moves an empty table.
/// Two steps that may be repeated: copy (entries already copied are skipped), then drop the main
/// file's table; a crash in between leaves both, and the next start finishes the move.
/// PostgreSQL keeps the table where it is.
struct MoveAuditLogToOwnFile: AsyncMigration {
    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase, sql.dialect.name == "sqlite" else { return }
        try await database.withConnection { conn in
            guard let sql = conn as? any SQLDatabase else { return }
            try await AuditFile.moveChain(on: sql)
        }
    }

    /// The table stays in the audit file: reverting the earlier migrations drops it there.
    func revert(on database: any Database) async throws {}
}

extension AuditFile {
    /// The move, on one connection that has the audit file attached.
    static func moveChain(on sql: any SQLDatabase) async throws {
        let table = AuditEvent.schema
        func definitions(in schemaName: String) async throws -> [(type: String, name: String, sql: String)] {
            try await sql.raw("""
                SELECT type, name, sql FROM \(unsafeRaw: schemaName).sqlite_master \
                WHERE tbl_name = \(bind: table) AND sql IS NOT NULL ORDER BY type DESC
                """).all().map {
                (try $0.decode(column: "type", as: String.self), try $0.decode(column: "name", as: String.self),
                 try $0.decode(column: "sql", as: String.self))
            }
        }
        let main = try await definitions(in: "main")
        guard main.contains(where: { $0.type == "table" }) else { return }
        let existing = try await definitions(in: schema)
        try await AuditLog.plainTransaction(on: sql) {
            if !existing.contains(where: { $0.type == "table" }) {
                // the main file's own statements, with the schema put before the table's or index's name
                for definition in main {
                    guard let qualified = qualify(definition.sql, name: definition.name) else {
                        throw Abort(.internalServerError, reason: "cannot move \(definition.name): \(definition.sql)")
                    }
                    try await sql.raw(SQLQueryString(qualified)).run()
                }
            }
            try await sql.raw("""
                INSERT INTO \(unsafeRaw: schema).\(ident: table) SELECT * FROM main.\(ident: table) AS m \
                WHERE NOT EXISTS (SELECT 1 FROM \(unsafeRaw: schema).\(ident: table) AS a WHERE a.id = m.id)
                """).run()
        }
        try await sql.raw("DROP TABLE main.\(ident: table)").run()
    }

    /// `CREATE TABLE "audit_events"(...` -> `CREATE TABLE "audit"."audit_events"(...`, the same for
    /// `CREATE [UNIQUE] INDEX name ON ...`; nil when the statement does not have that shape.
    static func qualify(_ statement: String, name: String) -> String? {
        for quoted in ["\"\(name)\"", name] {
            for keyword in ["CREATE TABLE ", "CREATE INDEX ", "CREATE UNIQUE INDEX "] {
                let prefix = keyword + quoted
                if statement.hasPrefix(prefix), statement.dropFirst(prefix.count).first.map({ $0 == " " || $0 == "(" }) ?? false {
                    return keyword + "\"\(schema)\".\"\(name)\"" + statement.dropFirst(prefix.count)
                }
            }
        }
        return nil
    }
}
