import Foundation

/// `kansrijk backup` on the SQLite default (ADR 0045): the main file and the audit file beside it
/// (ADR 0021), copied through SQLite's online backup API while instances serve.
///
/// One connection attaches the audit file and opens one read transaction on both files; the row
/// counts, the audit head and both copies are taken inside it, so the manifest describes exactly
/// what was copied. In WAL mode the read transaction blocks no writer: the server keeps serving.
enum SQLiteBackup {
    static let mainName = "kansrijk.sqlite"
    static let auditName = "kansrijk-audit.sqlite"

    static func write(mainPath: String, auditPath: String, to out: String, version: String, now: Date) throws -> BackupManifest {
        for path in [mainPath, auditPath] where !FileManager.default.fileExists(atPath: path) { throw BackupProblem.databaseMissing(path) }
        let work = URL(fileURLWithPath: out).deletingLastPathComponent().appendingPathComponent(".kansrijk-backup-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(at: work) }
        let mainCopy = work.appendingPathComponent(mainName).path, auditCopy = work.appendingPathComponent(auditName).path

        let source = try BackupSQLiteFile(path: mainPath)
        defer { source.close() }
        try source.execute("ATTACH DATABASE '\(auditPath.replacingOccurrences(of: "'", with: "''"))' AS \(AuditFile.schema)")
        try source.execute("BEGIN")
        // the first read of each file fixes its snapshot: one statement reads both
        _ = try source.rows("SELECT (SELECT count(*) FROM main.sqlite_master), (SELECT count(*) FROM \(AuditFile.schema).sqlite_master)")
        var tables = try source.rowCounts()
        tables.merge(try source.rowCounts(schema: AuditFile.schema)) { main, _ in main }
        let head = try auditHead(of: source, schema: AuditFile.schema)
        for (schema, copy) in [("main", mainCopy), (AuditFile.schema, auditCopy)] {
            let destination = try BackupSQLiteFile(path: copy, create: true)
            try source.copy(schema: schema, into: destination)
            destination.close()
        }
        try source.execute("COMMIT")
        source.close()

        // the copies are checked before they are archived: sound, and the same rows as counted
        for (copy, schema) in [(mainCopy, "main"), (auditCopy, "main")] {
            let file = try BackupSQLiteFile(path: copy)
            if let problem = try file.problem() { throw BackupProblem.damaged(URL(fileURLWithPath: copy).lastPathComponent, problem: problem) }
            for (table, rows) in try file.rowCounts(schema: schema) where tables[table] != rows {
                throw BackupProblem.rowsDiffer(table: table, expected: tables[table] ?? 0, found: rows)
            }
            file.close()
        }
        let manifest = BackupManifest(
            kansrijkVersion: version, createdAt: now, database: .sqlite,
            files: [try BackupChecksum.file(at: mainCopy, name: mainName, role: "main"),
                    try BackupChecksum.file(at: auditCopy, name: auditName, role: "audit")],
            tables: tables, auditHead: head)
        try BackupArchive.write(manifest, files: [(mainName, mainCopy), (auditName, auditCopy)], compress: true, to: out)
        return manifest
    }

    /// `SEQ:HASH` of the last audit event in `schema`, nil for an empty log.
    static func auditHead(of file: BackupSQLiteFile, schema: String) throws -> String? {
        guard let row = try file.rows("SELECT sequence, hash FROM \(schema).audit_events ORDER BY sequence DESC LIMIT 1").first,
              let sequence = row[0], let hash = row[1] else { return nil }
        return "\(sequence):\(hash)"
    }
}
