import Fluent
import Foundation
import SQLKit

/// `kansrijk backup` and `restore` on PostgreSQL (ADR 0045): `pg_dump --format=custom` into the same
/// archive with a manifest as on SQLite, and `pg_restore` back. The manifest's row counts and
/// `pg_dump` see one snapshot: a repeatable-read transaction exports it (`pg_export_snapshot`) and
/// `pg_dump --snapshot` dumps exactly that, while the instances keep writing.
enum PostgresBackup {
    static let dumpName = "kansrijk.pgdump"

    static func write(on db: any Database, url: String, to out: String, version: String, now: Date) async throws -> BackupManifest {
        let work = URL(fileURLWithPath: out).deletingLastPathComponent().appendingPathComponent(".kansrijk-backup-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(at: work) }
        let dump = work.appendingPathComponent(dumpName).path
        let (tables, head) = try await db.withConnection { conn -> ([String: Int], String?) in
            guard let sql = conn as? any SQLDatabase else { throw BackupProblem.toolFailed("backup", detail: "no SQL database") }
            try await sql.raw("BEGIN TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY").run()
            do {
                let snapshot = try await sql.raw("SELECT pg_export_snapshot() AS id").first()?.decode(column: "id", as: String.self) ?? ""
                let counted = try await rowCounts(sql)
                let head = try await auditHead(sql)
                try await PostgresTools.run("pg_dump", url: url, ["--format=custom", "--no-owner", "--no-privileges",
                                                                  "--snapshot=\(snapshot)", "--file=\(dump)"])
                try await sql.raw("COMMIT").run()
                return (counted, head)
            } catch {
                try? await sql.raw("ROLLBACK").run()
                throw error
            }
        }
        let manifest = BackupManifest(kansrijkVersion: version, createdAt: now, database: .postgresql,
                                      files: [try BackupChecksum.file(at: dump, name: dumpName, role: "dump")], tables: tables, auditHead: head)
        // the custom format is compressed already
        try BackupArchive.write(manifest, files: [(dumpName, dump)], compress: false, to: out)
        return manifest
    }

    /// Checks the dump `BackupArchive.open` extracted into `folder`, refuses while other connections
    /// use the database or when it holds tables the backup does not (a newer schema: restore into an
    /// empty database), then restores in one transaction and compares every table's rows.
    static func restore(_ manifest: BackupManifest, from folder: URL, on db: any Database, url: String) async throws {
        guard let part = manifest.file(role: "dump") else { throw BackupProblem.missingPart(dumpName) }
        let dump = folder.appendingPathComponent(part.name).path
        // reads the whole table of contents: a damaged dump stops here, before anything is dropped
        try await PostgresTools.run("pg_restore", url: url, ["--list", dump])
        try await db.withConnection { conn in
            guard let sql = conn as? any SQLDatabase else { return }
            let others = try await sql.raw("""
                SELECT count(*) AS n FROM pg_stat_activity
                WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'
                """).first()?.decode(column: "n", as: Int.self) ?? 0
            if others > 0 { throw BackupProblem.otherSessions(others) }
            let extra = try await tableNames(sql).filter { manifest.tables[$0] == nil }
            if !extra.isEmpty { throw BackupProblem.tablesNotInBackup(extra) }
        }
        try await PostgresTools.run("pg_restore", url: url, ["--clean", "--if-exists", "--no-owner", "--no-privileges",
                                                             "--single-transaction", "--exit-on-error", dump])
        guard let sql = db as? any SQLDatabase else { return }
        let found = try await rowCounts(sql)
        for (table, rows) in manifest.tables.sorted(by: { $0.key < $1.key }) where found[table] != rows {
            throw BackupProblem.rowsDiffer(table: table, expected: rows, found: found[table])
        }
    }

    static func tableNames(_ sql: any SQLDatabase) async throws -> [String] {
        try await sql.raw("SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename").all()
            .map { try $0.decode(column: "tablename", as: String.self) }
    }

    static func rowCounts(_ sql: any SQLDatabase) async throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for table in try await tableNames(sql) {
            counts[table] = try await sql.raw("SELECT count(*) AS n FROM \(ident: table)").first()?.decode(column: "n", as: Int.self)
        }
        return counts
    }

    static func auditHead(_ sql: any SQLDatabase) async throws -> String? {
        guard let row = try await sql.raw("SELECT sequence, hash FROM audit_events ORDER BY sequence DESC LIMIT 1").first() else { return nil }
        return "\(try row.decode(column: "sequence", as: Int.self)):\(try row.decode(column: "hash", as: String.self))"
    }
}
