import Foundation

/// Why a backup or restore stopped, said in one line in the operator's language (issue #14's
/// command line: `kansrijk: ...`, exit status 1). Nothing was replaced when one of these is thrown.
enum BackupProblem: Error, Sendable, Equatable {
    case notAnArchive(String)
    case notABackup(String)
    case newerRelease(archive: String, binary: String)
    case wrongDatabase(archive: BackupManifest.Kind, configured: BackupManifest.Kind)
    case missingPart(String)
    case checksumDiffers(String)
    case damaged(String, problem: String)
    case rowsDiffer(table: String, expected: Int, found: Int?)
    case auditHeadDiffers(expected: String?, found: String?)
    case inUse(String)
    case otherSessions(Int)
    case databaseMissing(String)
    case toolMissing(String)
    case toolFailed(String, detail: String)
    case chainBroken(String)
    case tablesNotInBackup([String])

    func line(_ l: CommandLineLanguage) -> String {
        switch self {
        case .notAnArchive(let path):
            return l.pick("\(path) is geen back-up van Kansrijk (geen leesbaar zip-bestand)", "\(path) is no Kansrijk backup (not a readable zip file)")
        case .notABackup(let path):
            return l.pick("\(path) is geen back-up van Kansrijk (manifest.json ontbreekt of is onleesbaar)",
                          "\(path) is no Kansrijk backup (manifest.json is missing or unreadable)")
        case .newerRelease(let archive, let binary):
            return l.pick("de back-up is gemaakt door Kansrijk \(archive), nieuwer dan deze versie (\(binary)): herstel met Kansrijk \(archive) of nieuwer",
                          "the backup was made by Kansrijk \(archive), newer than this version (\(binary)): restore it with Kansrijk \(archive) or later")
        case .wrongDatabase(let archive, let configured):
            return l.pick("de back-up bevat een \(archive.rawValue)-database, maar ingesteld is \(configured.rawValue) (DATABASE_URL, KANSRIJK_DATABASE_PATH)",
                          "the backup holds a \(archive.rawValue) database but \(configured.rawValue) is configured (DATABASE_URL, KANSRIJK_DATABASE_PATH)")
        case .missingPart(let name):
            return l.pick("de back-up is onvolledig: \(name) ontbreekt", "the backup is incomplete: \(name) is missing")
        case .checksumDiffers(let name):
            return l.pick("de back-up is beschadigd: \(name) klopt niet met de controlesom in het manifest",
                          "the backup is damaged: \(name) does not match the checksum in its manifest")
        case .damaged(let name, let problem):
            return l.pick("de back-up is beschadigd: \(name): \(problem)", "the backup is damaged: \(name): \(problem)")
        case .rowsDiffer(let table, let expected, let found):
            let got = found.map(String.init) ?? l.pick("geen tabel", "no table")
            return l.pick("de back-up klopt niet: tabel \(table) heeft \(got) rijen, het manifest noemt er \(expected)",
                          "the backup does not add up: table \(table) has \(got) rows, its manifest says \(expected)")
        case .auditHeadDiffers(let expected, let found):
            return l.pick("de back-up klopt niet: het auditlog eindigt bij \(found ?? "-"), het manifest noemt \(expected ?? "-")",
                          "the backup does not add up: the audit log ends at \(found ?? "-"), its manifest says \(expected ?? "-")")
        case .inUse(let path):
            return l.pick("de database \(path) is in gebruik door een draaiende Kansrijk: stop de server eerst en herstel dan",
                          "the database \(path) is in use by a running Kansrijk: stop the server first, then restore")
        case .otherSessions(let count):
            return l.pick("de database is in gebruik (\(count) andere verbindingen): stop alle Kansrijk-servers eerst en herstel dan",
                          "the database is in use (\(count) other connections): stop every Kansrijk server first, then restore")
        case .databaseMissing(let path):
            return l.pick("database niet gevonden: \(path)", "database not found: \(path)")
        case .toolMissing(let tool):
            return l.pick("\(tool) niet gevonden: installeer de PostgreSQL-clientprogramma's (postgresql-client)",
                          "\(tool) not found: install the PostgreSQL client programs (postgresql-client)")
        case .toolFailed(let tool, let detail):
            return l.pick("\(tool) is mislukt: \(detail)", "\(tool) failed: \(detail)")
        case .tablesNotInBackup(let tables):
            let list = tables.joined(separator: ", ")
            return l.pick("de database heeft tabellen die niet in de back-up staan (\(list)): herstel in een lege database",
                          "the database has tables the backup does not (\(list)): restore into an empty database")
        case .chainBroken(let problem):
            return l.pick("na het herstel klopt het auditlog niet: \(problem)", "after the restore the audit log does not verify: \(problem)")
        }
    }
}
