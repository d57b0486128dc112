import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import ZIPFoundation
@testable import KansrijkApp

/// `kansrijk backup` / `restore` on the SQLite default (ADR 0045): a backup taken while the database
/// is written to holds one snapshot of both files, and a restore brings exactly that back with an
/// audit chain `audit verify` accepts. Runs on SQLite files whatever database the suite is on.
@Suite(.serialized) struct SQLiteBackupTests {
    @Test func aBackupTakenWhileWritingRestoresExactlyItsSnapshotWithAnIntactChain() async throws {
        // setup: the demo data on a file, and a writer busy in both files during the backup
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("kansrijk.sqlite").path
        let archive = folder.appendingPathComponent("backup.zip").path
        var manifest: BackupManifest?
        var sessionsAfter = 0, eventsAfter = 0
        try await withSQLiteFileApp(path: path) { app in
            try await app.autoMigrate()
            try await DemoData(password: testPassword).load(on: app)
            let user = try #require(try await User.find(email: "professional@zeist.demo", on: app.db))
            let demoEvents = try await AuditEvent.query(on: app.db).count()
            let writer = Task {
                var i = 0
                while !Task.isCancelled {
                    i += 1
                    try await SessionRecord(key: SessionID(string: "backup-\(i)"), data: SessionData()).create(on: app.db)
                    let draft = AuditDraft(action: .read, clientID: UUID(), user: user, basis: .ownInvolvement, what: "view \(i)")
                    try await AuditLog.record(draft, on: app.db, now: Date())
                }
            }
            // the writer has begun in both files (a loaded machine may start it late; the demo has audit events of its own) ...
            try await Self.waitUntil {
                let sessions = try await SessionRecord.query(on: app.db).count()
                let events = try await AuditEvent.query(on: app.db).count()
                return sessions > 0 && events > demoEvents
            }
            // act
            let made = try await BackupRunner.backup(app, to: archive, now: Date())
            manifest = made
            // ... and goes on after the backup, in both files
            try await Self.waitUntil {
                let sessions = try await SessionRecord.query(on: app.db).count()
                let events = try await AuditEvent.query(on: app.db).count()
                return sessions > made.tables["_fluent_sessions"] ?? 0 && events > made.tables["audit_events"] ?? 0
            }
            writer.cancel()
            _ = await writer.result
            sessionsAfter = try await SessionRecord.query(on: app.db).count()
            eventsAfter = try await AuditEvent.query(on: app.db).count()
        }
        let backup = try #require(manifest)
        #expect(backup.database == .sqlite)
        #expect(backup.files.map(\.role) == ["main", "audit"])
        let sessionsInBackup = try #require(backup.tables["_fluent_sessions"])
        let eventsInBackup = try #require(backup.tables["audit_events"])
        #expect(sessionsInBackup > 0 && sessionsInBackup < sessionsAfter, "the backup is a moment while the writer ran")
        #expect(eventsInBackup > 0 && eventsInBackup < eventsAfter)
        #expect(backup.auditHead?.hasPrefix("\(eventsInBackup):") == true)

        // act: restore over the database, which went on after the backup
        let witness = folder.appendingPathComponent(AuditWitnessSettings.fileName).path
        try "\(eventsAfter):\(String(repeating: "a", count: 64)) 2026-01-01T00:00:00Z\n".write(toFile: witness, atomically: true, encoding: .utf8)
        let report = try await withUnconfiguredApp(path: path) { app in
            try await BackupRunner.restore(app, from: archive, now: Date(), witnessBase: witness)
        }

        // check: the snapshot's rows, every table; the replaced files and witness kept; the chain verifies
        #expect(report.auditEvents == eventsInBackup)
        #expect(report.keptAside.count == 2)
        for kept in report.keptAside { #expect(FileManager.default.fileExists(atPath: kept)) }
        #expect(report.witnessKeptAside.count == 1)
        for kept in report.witnessKeptAside { #expect(FileManager.default.fileExists(atPath: kept)) }
        try await withSQLiteFileApp(path: path) { app in
            let sql = try #require(app.db as? any SQLDatabase)
            for (table, rows) in backup.tables {
                let found = try await sql.raw("SELECT count(*) AS n FROM \(ident: table)").first()?.decode(column: "n", as: Int.self)
                #expect(found == rows, "\(table)")
            }
            let verified = try await AuditVerification.verify(on: app.db, witness: AuditWitnessFile(path: witness), expecting: nil)
            #expect(verified.outcome == .intact(count: eventsInBackup))
        }
    }

    /// Waits (up to 60 s) until `condition` holds: the writer's pace depends on the machine's load.
    static func waitUntil(_ condition: () async throws -> Bool) async throws {
        let deadline = Date().addingTimeInterval(60)
        while try await !condition() {
            guard Date() < deadline else { Issue.record("the writer made no progress in 60 s"); return }
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    @Test func aDamagedArchiveIsRefusedAndNothingIsReplaced() async throws {
        // setup
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("kansrijk.sqlite").path
        let archive = folder.appendingPathComponent("backup.zip").path
        try await withSQLiteFileApp(path: path) { app in
            try await app.autoMigrate()
            try await DemoData(password: testPassword).load(on: app)
            _ = try await BackupRunner.backup(app, to: archive, now: Date())
        }
        let before = try BackupChecksum.sha256(of: path)
        // the same manifest, a main file with one table's rows fewer: the checksum no longer fits
        let damaged = folder.appendingPathComponent("damaged.zip").path
        try rewrite(archive, to: damaged) { name, data in
            guard name == SQLiteBackup.mainName else { return data }
            var copy = data
            copy[copy.count / 2] ^= 0xFF
            return copy
        }
        let notABackup = folder.appendingPathComponent("other.zip").path
        try rewrite(archive, to: notABackup) { name, data in name == BackupManifest.entryName ? nil : data }
        let newer = folder.appendingPathComponent("newer.zip").path
        try rewrite(archive, to: newer) { name, data in
            guard name == BackupManifest.entryName, var manifest = try? BackupManifest.decode(data) else { return data }
            manifest.kansrijkVersion = "99.0.0"
            return try? BackupManifest.encode(manifest)
        }
        let text = folder.appendingPathComponent("notes.txt").path
        try "geen zip".write(toFile: text, atomically: true, encoding: .utf8)

        // act + check
        for (file, expected) in [(damaged, BackupProblem.checksumDiffers(SQLiteBackup.mainName)), (notABackup, .notABackup(notABackup)),
                                 (newer, .newerRelease(archive: "99.0.0", binary: Kansrijk.version)), (text, .notAnArchive(text))] {
            await #expect(throws: expected) {
                _ = try await withUnconfiguredApp(path: path) { app in try await BackupRunner.restore(app, from: file, now: Date()) }
            }
        }
        #expect(try BackupChecksum.sha256(of: path) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains("restore") }
        #expect(leftovers.isEmpty, "no kept-aside files or work folders: \(leftovers)")
    }

    @Test func anArchiveOfThePreviousReleaseIsRestoredMigratedAndVerified() async throws {
        // setup: the v0.16.0 fixture's two files in an archive, as that release's data would come back
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = try ReleaseFixture.unzip(ReleaseMigrationTests.releases + "v0.16.0/database.zip")
        defer { try? FileManager.default.removeItem(at: files) }
        let fixture = try ReleaseFixtureManifest.read(ReleaseMigrationTests.releases + "v0.16.0/manifest.json")
        let main = files.appendingPathComponent("kansrijk.sqlite").path, audit = files.appendingPathComponent("kansrijk-audit.sqlite").path
        let manifest = BackupManifest(kansrijkVersion: "0.16.0", createdAt: Date(), database: .sqlite,
                                      files: [try BackupChecksum.file(at: main, name: SQLiteBackup.mainName, role: "main"),
                                              try BackupChecksum.file(at: audit, name: SQLiteBackup.auditName, role: "audit")],
                                      tables: fixture.tables.mapValues(\.rows), auditHead: fixture.auditHead)
        let archive = folder.appendingPathComponent("v0.16.0.zip").path
        try BackupArchive.write(manifest, files: [(SQLiteBackup.mainName, main), (SQLiteBackup.auditName, audit)], compress: true, to: archive)
        let path = folder.appendingPathComponent("new.sqlite").path
        let witness = folder.appendingPathComponent("witness.log").path
        // act: onto a machine without a database yet
        let report = try await withUnconfiguredApp(path: path) { app in
            try await BackupRunner.restore(app, from: archive, now: Date(), witnessBase: witness)
        }
        // check: migrated to today's schema before the chain was read through today's models
        let events = try #require(fixture.tables["audit_events"]?.rows)
        #expect(report.auditEvents == events)
        #expect(report.keptAside.isEmpty && report.witnessKeptAside.isEmpty)
        try await withSQLiteFileApp(path: path) { app in
            let pending = try await app.migrator.previewPrepareBatch().get()
            let organisations = try await Organisation.query(on: app.db).count()
            #expect(pending.isEmpty)
            #expect(organisations == fixture.tables["organisations"]?.rows)
        }
    }

    @Test func aProblemIsOneLineInTheOperatorsLanguage() {
        let problem = BackupProblem.inUse("/srv/kansrijk.sqlite")
        #expect(problem.line(.dutch) == "de database /srv/kansrijk.sqlite is in gebruik door een draaiende Kansrijk: stop de server eerst en herstel dan")
        #expect(problem.line(.english).hasPrefix("the database /srv/kansrijk.sqlite is in use"))
        #expect(ReleaseVersion.isNewer("0.17.0", than: "0.16.9"))
        #expect(!ReleaseVersion.isNewer("v0.16.0", than: "0.16.0"))
    }

    // MARK: helpers

    func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kansrijk-backup-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// An application that knows the settings of the file at `path` but opened nothing, as
    /// `kansrijk restore` runs.
    func withUnconfiguredApp<T>(path: String, _ body: (Application) async throws -> T) async throws -> T {
        let app = try await Application.make(.testing)
        app.logger.logLevel = .warning
        app.settings = try Settings.fromEnvironment(["KANSRIJK_DATABASE_PATH": path, "KANSRIJK_ROOT": packageRoot, "KANSRIJK_LOAD_DEMO": "0"])
        do {
            let result = try await body(app)
            try await app.asyncShutdown()
            return result
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }

    /// A copy of the zip at `path` with each entry's bytes passed through `change` (nil leaves it out).
    func rewrite(_ path: String, to out: String, _ change: (String, Data) -> Data?) throws {
        let source = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        let target = try Archive(url: URL(fileURLWithPath: out), accessMode: .create)
        for entry in source {
            var data = Data()
            _ = try source.extract(entry) { data.append($0) }
            guard let changed = change(entry.path, data) else { continue }
            try target.addEntry(with: entry.path, type: .file, uncompressedSize: Int64(changed.count)) { position, size in
                changed.subdata(in: Int(position)..<Int(position) + size)
            }
        }
    }
}
