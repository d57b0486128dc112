import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import Vapor

/// What `kansrijk backup` and `kansrijk restore` do, on an application that knows its settings but
/// was not configured (ADR 0045): a restore must not open, migrate or create the database it is
/// about to replace, and a backup must not create an empty database where none is.
enum BackupRunner {
    struct RestoreReport: Sendable {
        var manifest: BackupManifest
        /// The database files that were replaced, kept under these names.
        var keptAside: [String]
        /// The witness files of the replaced database, kept under these names.
        var witnessKeptAside: [String]
        /// Audit events in the restored chain, verified; nil when an older release's database waits
        /// for `kansrijk migrate` first (PostgreSQL).
        var auditEvents: Int?
    }

    static func backup(_ app: Application, to out: String, now: Date) async throws -> BackupManifest {
        switch app.settings.database {
        case .sqliteFile(let path):
            return try SQLiteBackup.write(mainPath: path, auditPath: AuditFile.path(besides: path), to: out, version: Kansrijk.version, now: now)
        case .sqliteMemory:
            throw BackupProblem.databaseMissing(":memory:")
        case .postgres(let url):
            try openDatabase(app)
            return try await PostgresBackup.write(on: app.db, url: url, to: out, version: Kansrijk.version, now: now)
        }
    }

    /// Checks the archive completely, replaces the database with it, keeps the replaced files and
    /// witness aside, starts a new witness at the restored head and verifies the audit chain.
    static func restore(_ app: Application, from archive: String, now: Date) async throws -> RestoreReport {
        let witnessBase = AuditWitnessSettings.path(database: app.settings.database,
                                                    workingDirectory: DirectoryConfiguration.detect().workingDirectory)
        return try await restore(app, from: archive, now: now, witnessBase: witnessBase)
    }

    /// `witnessBase`: the witness file the settings name (`KANSRIJK_AUDIT_WITNESS`, by default beside
    /// the SQLite file or in the working directory), nil when witnessing is off; tests give their own.
    static func restore(_ app: Application, from archive: String, now: Date, witnessBase: String?) async throws -> RestoreReport {
        let configured: BackupManifest.Kind
        let folder: URL
        switch app.settings.database {
        case .sqliteFile(let path):
            configured = .sqlite
            // beside the database: the checked files are renamed into place, never copied
            folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        case .sqliteMemory:
            throw BackupProblem.databaseMissing(":memory:")
        case .postgres:
            configured = .postgresql
            folder = FileManager.default.temporaryDirectory
        }
        let work = folder.appendingPathComponent(".kansrijk-restore-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(at: work) }
        let manifest = try BackupArchive.open(archive, into: work)
        if ReleaseVersion.isNewer(manifest.kansrijkVersion, than: Kansrijk.version) {
            throw BackupProblem.newerRelease(archive: manifest.kansrijkVersion, binary: Kansrijk.version)
        }
        guard manifest.database == configured else { throw BackupProblem.wrongDatabase(archive: manifest.database, configured: configured) }
        let stamp = Self.stamp(now)
        var keptAside: [String] = []
        switch app.settings.database {
        case .sqliteFile(let path):
            try SQLiteRestore.check(manifest, in: work)
            keptAside = try SQLiteRestore.replace(mainPath: path, auditPath: AuditFile.path(besides: path), from: work, manifest: manifest, stamp: stamp)
            try openDatabase(app)
            try await SQLitePragmas.apply(to: app, id: .sqlite, auditPath: AuditFile.path(besides: path))
        case .postgres(let url):
            try openDatabase(app)
            try await PostgresBackup.restore(manifest, from: work, on: app.db, url: url)
        case .sqliteMemory:
            break
        }
        let witnessAside = try restartWitness(base: witnessBase, at: manifest.auditHead, stamp: stamp, now: now)
        if manifest.kansrijkVersion != Kansrijk.version {
            // an older release's schema: the chain is read through today's models only once migrated,
            // which the SQLite default does at start anyway; PostgreSQL waits for `kansrijk migrate`
            guard app.settings.autoMigrate else {
                return RestoreReport(manifest: manifest, keptAside: keptAside, witnessKeptAside: witnessAside, auditEvents: nil)
            }
            KansrijkMigrations.register(on: app)
            try await app.autoMigrate()
        }
        let expected = manifest.auditHead.flatMap(AuditHead.init(token:))
        let witnesses = witnessBase.map { AuditWitnessSettings.familyPaths(base: $0).map(AuditWitnessFile.init) }
        let report = try await AuditVerification.verify(on: app.db, witnesses: witnesses, expecting: expected, chainOnly: expected == nil)
        switch report.outcome {
        case .intact(let count):
            return RestoreReport(manifest: manifest, keptAside: keptAside, witnessKeptAside: witnessAside, auditEvents: count)
        case .broken(_, let problem):
            throw BackupProblem.chainBroken(problem)
        }
    }

    /// The replaced database's witness files know heads the restored chain does not reach (the
    /// events after the backup are gone): every instance's file is kept aside, as evidence of what
    /// the restore took back, and a new witness file starts at the restored head.
    static func restartWitness(base: String?, at head: String?, stamp: String, now: Date) throws -> [String] {
        guard let base else { return [] }
        let manager = FileManager.default
        var aside: [String] = []
        let replaced = try? manager.attributesOfItem(atPath: base)
        for path in AuditWitnessSettings.familyPaths(base: base) {
            try manager.moveItem(atPath: path, toPath: "\(path).before-restore-\(stamp)")
            aside.append("\(path).before-restore-\(stamp)")
        }
        if var restored = head.flatMap(AuditHead.init(token:)) {
            restored.seenAt = now
            try AuditWitnessFile(path: base).append(restored)
            try FileOwnership.apply(replaced, to: base)
        }
        return aside
    }

    /// The database of the settings, registered as `configure` does it, without anything else
    /// (nothing when the application was configured already).
    static func openDatabase(_ app: Application) throws {
        guard app.databases.ids().isEmpty else { return }
        switch app.settings.database {
        case .sqliteFile(let path):
            app.databases.use(.sqlite(.file(path)), as: .sqlite)
        case .postgres(let url):
            var config = try SQLPostgresConfiguration(url: url)
            if !url.contains("sslmode") { config.coreConfiguration.tls = .disable }
            app.databases.use(.postgres(configuration: config, maxConnectionsPerEventLoop: 1), as: .psql)
        case .sqliteMemory:
            break
        }
    }

    /// `20261207-131500`: the moment of a restore in the names of what it kept aside (UTC).
    static func stamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        return formatter.string(from: date)
    }
}
