import Foundation

/// `kansrijk restore` on the SQLite default (ADR 0045): the archive's two files are checked (sound,
/// the manifest's rows, the manifest's audit head), then put in place of the database's files
/// together. The files they replace are kept beside them (`<file>.before-restore-<time>`), never
/// deleted; a failure half-way puts them back.
enum SQLiteRestore {
    /// Checks the files `BackupArchive.open` extracted into `folder` against `manifest`.
    static func check(_ manifest: BackupManifest, in folder: URL) throws {
        guard let main = manifest.file(role: "main") else { throw BackupProblem.missingPart(SQLiteBackup.mainName) }
        guard let audit = manifest.file(role: "audit") else { throw BackupProblem.missingPart(SQLiteBackup.auditName) }
        var found: [String: Int] = [:]
        for part in [main, audit] {
            let file = try BackupSQLiteFile(path: folder.appendingPathComponent(part.name).path)
            defer { file.close() }
            if let problem = try file.problem() { throw BackupProblem.damaged(part.name, problem: problem) }
            found.merge(try file.rowCounts()) { first, _ in first }
            if part.role == "audit" {
                let head = try SQLiteBackup.auditHead(of: file, schema: "main")
                guard head == manifest.auditHead else { throw BackupProblem.auditHeadDiffers(expected: manifest.auditHead, found: head) }
            }
        }
        for (table, rows) in manifest.tables.sorted(by: { $0.key < $1.key }) where found[table] != rows {
            throw BackupProblem.rowsDiffer(table: table, expected: rows, found: found[table])
        }
    }

    /// Puts the checked files in place of `mainPath` and `auditPath`; the paths of the files kept
    /// aside. Refuses while another process (a serving instance) has either file open.
    static func replace(mainPath: String, auditPath: String, from folder: URL, manifest: BackupManifest, stamp: String) throws -> [String] {
        for path in [mainPath, auditPath] where SQLiteInUse.byAnotherProcess(path) { throw BackupProblem.inUse(path) }
        let manager = FileManager.default
        // the restored files get the owner and mode of the ones they replace: a restore run as root
        // must not leave files the service's own user cannot open
        let kept = [mainPath, auditPath].map { try? manager.attributesOfItem(atPath: $0) }
        var moved: [(from: String, to: String)] = []
        var placed: [String] = []
        do {
            for path in [mainPath, auditPath] {
                // a write-ahead log left beside the new file would be replayed into it: it goes with the old file
                for suffix in ["", "-wal"] where manager.fileExists(atPath: path + suffix) {
                    let aside = "\(path).before-restore-\(stamp)\(suffix)"
                    try manager.moveItem(atPath: path + suffix, toPath: aside)
                    moved.append((path + suffix, aside))
                }
                if manager.fileExists(atPath: path + "-shm") { try manager.removeItem(atPath: path + "-shm") }
            }
            for (index, (role, path)) in [("main", mainPath), ("audit", auditPath)].enumerated() {
                guard let part = manifest.file(role: role) else { throw BackupProblem.missingPart(role) }
                try manager.moveItem(atPath: folder.appendingPathComponent(part.name).path, toPath: path)
                placed.append(path)
                try FileOwnership.apply(kept[index], to: path)
            }
        } catch {
            for path in placed { try? manager.removeItem(atPath: path) }
            for move in moved.reversed() { try? manager.moveItem(atPath: move.to, toPath: move.from) }
            throw error
        }
        return moved.map(\.to).filter { !$0.hasSuffix("-wal") }
    }
}

/// The owner, group and mode of a replaced file, given to the file that replaces it (mode 0600 when
/// nothing was replaced). Changing the owner needs root; without it the file stays the caller's.
enum FileOwnership {
    static func apply(_ attributes: [FileAttributeKey: Any]?, to path: String) throws {
        let manager = FileManager.default
        try manager.setAttributes([.posixPermissions: attributes?[.posixPermissions] ?? NSNumber(value: 0o600)], ofItemAtPath: path)
        guard let attributes else { return }
        for key in [FileAttributeKey.ownerAccountID, .groupOwnerAccountID] {
            if let value = attributes[key] { try? manager.setAttributes([key: value], ofItemAtPath: path) }
        }
    }
}
