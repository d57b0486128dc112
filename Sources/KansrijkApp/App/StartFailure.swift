import Foundation

/// The one line an operator reads when the server or a command cannot go on: what went wrong and
/// what to do, for the failures a person causes (a read-only or missing database file, PostgreSQL
/// not answering); otherwise the error's own text on one line.
enum StartFailure {
    static func line(for error: any Error, settings: Settings) -> String {
        let text = String(describing: error).replacingOccurrences(of: "\n", with: " ")
        let lowered = text.lowercased()
        switch settings.database {
        case .sqliteFile(let path):
            if lowered.contains("readonly") || lowered.contains("read-only") || lowered.contains("read only") {
                return "the database \(path) (or its audit file beside it) is read-only: give the server write access to both files and their folder"
            }
            if lowered.contains("unable to open") || lowered.contains("cannot open") || lowered.contains("cantopen") {
                return "cannot open the database \(path): check that its folder exists and can be written, or set KANSRIJK_DATABASE_PATH"
            }
            if lowered.contains("disk is full") || lowered.contains("full") && lowered.contains("sqlite") {
                return "the disk of \(path) is full: make room, then start again (nothing was changed)"
            }
        case .postgres:
            if lowered.contains("connection refused") || lowered.contains("connect") && lowered.contains("fail") || lowered.contains("could not") {
                return "PostgreSQL does not answer at the address in DATABASE_URL: start it or correct the address (\(text.prefix(200)))"
            }
        case .sqliteMemory:
            break
        }
        return String(text.prefix(500))
    }

    /// Checked before anything opens the SQLite file, so a missing folder or a read-only file is one
    /// line and not a driver's log first.
    static func sqliteFileProblem(_ settings: Settings) -> String? {
        guard case .sqliteFile(let path) = settings.database else { return nil }
        let manager = FileManager.default
        let folder = (path as NSString).deletingLastPathComponent
        var isFolder: ObjCBool = false
        if !folder.isEmpty, !(manager.fileExists(atPath: folder, isDirectory: &isFolder) && isFolder.boolValue) {
            return "cannot open the database \(path): its folder \(folder) does not exist; create it or set KANSRIJK_DATABASE_PATH"
        }
        let files = [path, AuditFile.path(besides: path)].flatMap { [$0, $0 + "-wal", $0 + "-shm"] }
        for file in files where manager.fileExists(atPath: file) && !manager.isWritableFile(atPath: file) {
            return "the database file \(file) is read-only: give the server write access to it (back up both files together)"
        }
        if !manager.isWritableFile(atPath: folder.isEmpty ? "." : folder) {
            return "the folder of the database \(path) is read-only: the server needs to write its journal there"
        }
        return nil
    }
}
