import Foundation
import Vapor

/// `kansrijk backup --out FILE`: a consistent backup of the database while instances serve (ADR 0045).
struct BackupCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "out", help: "The archive to write (a .zip with a manifest)") var out: String?
    }
    var help: String { "Writes a consistent backup of the database (SQLite: both files; PostgreSQL: pg_dump) into one archive." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let language = CommandLineLanguage(environment: ProcessInfo.processInfo.environment)
        guard let out = signature.out, !out.isEmpty else {
            throw CommandFailure(usage: language.pick("geef --out BESTAND: waar de back-up komt", "give --out FILE: where the backup goes"))
        }
        try CommandLineProblem.requireWritable(out)
        do {
            let manifest = try await BackupRunner.backup(context.application, to: out, now: Date())
            let rows = manifest.tables.values.reduce(0, +)
            context.console.print(language.pick(
                "Back-up geschreven: \(out) (\(manifest.tables.count) tabellen, \(rows) rijen, auditlog tot \(manifest.auditHead ?? "-")).",
                "Backup written: \(out) (\(manifest.tables.count) tables, \(rows) rows, audit log up to \(manifest.auditHead ?? "-"))."))
        } catch let problem as BackupProblem {
            throw CommandFailure(problem.line(language))
        }
    }
}

/// `kansrijk restore FILE`: checks a backup archive completely, then puts it in place of the
/// database; refuses while a server uses the database (ADR 0045).
struct RestoreCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "An archive `kansrijk backup` wrote") var file: String
    }
    var help: String { "Restores a backup made by `kansrijk backup` (stop the servers first); the replaced files are kept aside." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let language = CommandLineLanguage(environment: ProcessInfo.processInfo.environment)
        try CommandLineProblem.requireReadable(signature.file)
        do {
            let report = try await BackupRunner.restore(context.application, from: signature.file, now: Date())
            let made = report.manifest.createdAt.formatted(.iso8601)
            let audit = report.auditEvents.map { language.pick("auditlog intact: \($0) gebeurtenissen", "audit log intact: \($0) events") }
                ?? language.pick("voer nu 'kansrijk migrate' en dan 'kansrijk audit verify' uit", "now run 'kansrijk migrate', then 'kansrijk audit verify'")
            var lines = [language.pick(
                "Hersteld: de back-up van \(made) (Kansrijk \(report.manifest.kansrijkVersion)), \(report.manifest.tables.count) tabellen; \(audit).",
                "Restored: the backup of \(made) (Kansrijk \(report.manifest.kansrijkVersion)), \(report.manifest.tables.count) tables; \(audit).")]
            for path in report.keptAside + report.witnessKeptAside {
                lines.append(language.pick("Bewaard: \(path)", "Kept: \(path)"))
            }
            for line in lines { context.console.print(line) }
        } catch let problem as BackupProblem {
            throw CommandFailure(problem.line(language))
        }
    }
}
