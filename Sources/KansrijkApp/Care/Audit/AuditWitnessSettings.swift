import Foundation
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

extension AuditWitnessSettings {
    /// The witness file of one instance: the configured name with the instance's id before its
    /// extension, in the same folder (`kansrijk-audit-witness.web-1.log`).
    static func instancePath(base: String, instance: String) -> String {
        let (folder, stem, ext) = parts(base)
        return folder.appendingPathComponent("\(stem).\(instance)\(ext)").path
    }

    /// Every witness file there is for `base`: the file itself and every instance's, sorted by name.
    static func familyPaths(base: String) -> [String] {
        let (folder, stem, ext) = parts(base)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        let baseName = URL(fileURLWithPath: base).lastPathComponent
        return names.filter { $0 == baseName || ($0.hasPrefix(stem + ".") && $0.hasSuffix(ext) && $0.count > stem.count + 1 + ext.count) }
            .sorted().map { folder.appendingPathComponent($0).path }
    }

    private static func parts(_ base: String) -> (folder: URL, stem: String, ext: String) {
        let url = URL(fileURLWithPath: base)
        let ext = url.pathExtension.isEmpty ? "" : "." + url.pathExtension
        return (url.deletingLastPathComponent(), url.deletingPathExtension().lastPathComponent, ext)
    }
}

extension Application {
    private var auditWitnessBase: String? {
        AuditWitnessSettings.path(database: settings.database, workingDirectory: DirectoryConfiguration.detect().workingDirectory)
    }

    /// The file this instance appends its heads to: the configured file on SQLite (one instance);
    /// with PostgreSQL, where several instances may run, a file of this instance's own beside it
    /// (issue 17, ADR 0042), so no two processes append to one file.
    var auditWitnessFile: AuditWitnessFile? {
        guard let base = auditWitnessBase else { return nil }
        if case .postgres = settings.database { return AuditWitnessFile(path: AuditWitnessSettings.instancePath(base: base, instance: instanceID)) }
        return AuditWitnessFile(path: base)
    }

    /// What `audit verify` compares the chain with: every instance's witness file in the folder (this
    /// instance's when there is none yet); nil when witnessing is off.
    var auditWitnessFiles: [AuditWitnessFile]? {
        guard let base = auditWitnessBase else { return nil }
        let found = AuditWitnessSettings.familyPaths(base: base).map(AuditWitnessFile.init)
        return found.isEmpty ? auditWitnessFile.map { [$0] } : found
    }
}
