import Foundation
import NIOCore
import PostgresNIO

/// The one line an operator reads when the server or a command cannot go on: what went wrong and
/// what to do, for the failures a person causes (a read-only or missing database or file, a database
/// that was never migrated, PostgreSQL not answering); otherwise the error's own text on one line,
/// never a Foundation error dump (issue #14).
enum StartFailure {
    static func line(for error: any Error, settings: Settings, language: CommandLineLanguage = .english) -> String {
        let l = language
        if let problem = fileProblem(error) { return problem.line(l) }
        let text = describe(error).replacingOccurrences(of: "\n", with: " ")
        let lowered = text.lowercased()
        if isMissingTable(error) { return CommandLineProblem.databaseNotMigrated.line(l) }
        if (error as? IOError)?.errnoCode == EADDRINUSE || lowered.contains("address already in use") {
            return l.pick("het adres is al in gebruik: kies een andere --port of stop het programma dat het gebruikt",
                          "the address is already in use: choose another --port or stop the program that holds it")
        }
        switch settings.database {
        case .sqliteFile(let path):
            if lowered.contains("readonly") || lowered.contains("read-only") || lowered.contains("read only") {
                return l.pick("de database \(path) (of het auditbestand ernaast) is alleen-lezen: geef schrijfrechten op beide bestanden en hun map",
                              "the database \(path) (or its audit file beside it) is read-only: give the server write access to both files and their folder")
            }
            if lowered.contains("unable to open") || lowered.contains("cannot open") || lowered.contains("cantopen") {
                return l.pick("kan de database \(path) niet openen: controleer of de map bestaat en beschrijfbaar is, of zet KANSRIJK_DATABASE_PATH",
                              "cannot open the database \(path): check that its folder exists and can be written, or set KANSRIJK_DATABASE_PATH")
            }
            if lowered.contains("disk is full") || lowered.contains("full") && lowered.contains("sqlite") {
                return l.pick("de schijf van \(path) is vol: maak ruimte en start opnieuw (er is niets veranderd)",
                              "the disk of \(path) is full: make room, then start again (nothing was changed)")
            }
        case .postgres:
            if lowered.contains("connection refused") || lowered.contains("connect") && lowered.contains("fail") || lowered.contains("could not") {
                return l.pick("PostgreSQL antwoordt niet op het adres in DATABASE_URL: start de server of verbeter het adres (\(text.prefix(200)))",
                              "PostgreSQL does not answer at the address in DATABASE_URL: start it or correct the address (\(text.prefix(200)))")
            }
        case .sqliteMemory:
            break
        }
        if text.contains("Error Domain=") {
            // a Foundation error without a file: its short description, not the dump of its user info
            let ns = error as NSError
            return l.pick("bestands- of systeemfout (\(ns.domain) \(ns.code))", "file or system error (\(ns.domain) \(ns.code))")
        }
        return String(text.prefix(500))
    }

    /// The error's own text; for PostgreSQL's errors the server's message and SQLSTATE (PostgresNIO
    /// describes every error as "Generic description to prevent accidental leakage of sensitive
    /// data", which tells an operator nothing).
    static func describe(_ error: any Error) -> String {
        guard let postgres = error as? PSQLError else { return String(describing: error) }
        if let message = postgres.serverInfo?[.message] {
            return "PostgreSQL: \(message) (SQLSTATE \(postgres.serverInfo?[.sqlState] ?? "?"))"
        }
        return "PostgreSQL: \(postgres.code)"
    }

    /// "no such table" (SQLite) or "relation ... does not exist" (PostgreSQL): migrations never ran.
    static func isMissingTable(_ error: any Error) -> Bool {
        if let postgres = error as? PSQLError, postgres.serverInfo?[.sqlState] == "42P01" { return true }
        let text = describe(error).lowercased()
        return text.contains("no such table") || text.contains("relation") && text.contains("does not exist") || text.contains("42p01")
    }

    /// Foundation's and NIO's file errors (which print as `Error Domain=NSCocoaErrorDomain ...` with a
    /// dump of their user info) as a line naming the file.
    static func fileProblem(_ error: any Error) -> CommandLineProblem? {
        if let io = error as? IOError {
            return problem(errno: io.errnoCode, path: nil)
        }
        let ns = error as NSError
        let path = (ns.userInfo[NSFilePathErrorKey] as? String) ?? (ns.userInfo[NSURLErrorKey] as? URL)?.path
        if ns.domain == NSCocoaErrorDomain {
            let where_ = path ?? "?"
            switch CocoaError.Code(rawValue: ns.code) {
            case .fileNoSuchFile, .fileReadNoSuchFile: return .fileNotFound(where_)
            case .fileReadNoPermission: return .fileNotReadable(where_)
            case .fileWriteNoPermission, .fileWriteVolumeReadOnly: return .fileNotWritable(where_)
            case .fileWriteOutOfSpace: return .diskFull(where_)
            default:
                if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
                    return problem(errno: Int32(underlying.code), path: where_)
                }
                return path.map { .fileNotReadable($0) }
            }
        }
        if ns.domain == NSPOSIXErrorDomain { return problem(errno: Int32(ns.code), path: path) }
        return nil
    }

    private static func problem(errno code: Int32, path: String?) -> CommandLineProblem? {
        let file = path ?? "?"
        switch code {
        case ENOENT: return .fileNotFound(file)
        case EACCES, EPERM, EROFS: return .fileNotWritable(file)
        case ENOSPC: return .diskFull(file)
        default: return nil
        }
    }

    /// Checked before anything opens the SQLite file, so a missing folder or a read-only file is one
    /// line and not a driver's log first.
    static func sqliteFileProblem(_ settings: Settings, language: CommandLineLanguage = .english) -> String? {
        guard case .sqliteFile(let path) = settings.database else { return nil }
        let l = language
        let manager = FileManager.default
        let folder = (path as NSString).deletingLastPathComponent
        var isFolder: ObjCBool = false
        if !folder.isEmpty, !(manager.fileExists(atPath: folder, isDirectory: &isFolder) && isFolder.boolValue) {
            return l.pick("kan de database \(path) niet openen: de map \(folder) bestaat niet; maak haar aan of zet KANSRIJK_DATABASE_PATH",
                          "cannot open the database \(path): its folder \(folder) does not exist; create it or set KANSRIJK_DATABASE_PATH")
        }
        let files = [path, AuditFile.path(besides: path)].flatMap { [$0, $0 + "-wal", $0 + "-shm"] }
        for file in files where manager.fileExists(atPath: file) && !manager.isWritableFile(atPath: file) {
            return l.pick("het databasebestand \(file) is alleen-lezen: geef de server schrijfrechten (maak van beide bestanden samen een back-up)",
                          "the database file \(file) is read-only: give the server write access to it (back up both files together)")
        }
        if !manager.isWritableFile(atPath: folder.isEmpty ? "." : folder) {
            return l.pick("de map van de database \(path) is alleen-lezen: de server moet daar zijn journaal schrijven",
                          "the folder of the database \(path) is read-only: the server needs to write its journal there")
        }
        return nil
    }
}
