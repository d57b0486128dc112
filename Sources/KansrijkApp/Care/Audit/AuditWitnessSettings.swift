import Vapor

/// Where the witness file lives (`KANSRIJK_AUDIT_WITNESS`): a path, or `off`. By default next to the
/// SQLite file, or in the working directory with PostgreSQL; an in-memory database (tests) has none.
enum AuditWitnessSettings {
    static let fileName = "kansrijk-audit-witness.log"

    static func path(env: [String: String] = ProcessInfo.processInfo.environment, database: Settings.Database,
                     workingDirectory: String) -> String? {
        if let raw = env["KANSRIJK_AUDIT_WITNESS"], !raw.isEmpty { return raw.lowercased() == "off" ? nil : raw }
        switch database {
        case .sqliteFile(let path): return URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent(fileName).path
        case .postgres: return URL(fileURLWithPath: workingDirectory).appendingPathComponent(fileName).path
        case .sqliteMemory: return nil
        }
    }
}

extension Application {
    var auditWitnessFile: AuditWitnessFile? {
        AuditWitnessSettings.path(database: settings.database, workingDirectory: DirectoryConfiguration.detect().workingDirectory).map(AuditWitnessFile.init)
    }
}
