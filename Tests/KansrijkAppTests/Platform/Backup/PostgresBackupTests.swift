import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
@testable import KansrijkApp

/// `kansrijk backup` / `restore` on PostgreSQL (ADR 0045): pg_dump of one exported snapshot, the
/// manifest counted in it, pg_restore back with every table's rows and an intact audit chain.
/// Runs when the suite runs on PostgreSQL (`DATABASE_URL`), with pg_dump/pg_restore on PATH.
@Suite(.serialized, .enabled(if: usesPostgres)) struct PostgresBackupTests {
    @Test func aDumpRestoresItsSnapshotAndTheChainVerifies() async throws {
        try await withTestDatabase(.demo) { url in
            let url = try #require(url)
            // setup: the demo data, a backup, then a change the restore must take back
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kansrijk-pg-backup-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let archive = folder.appendingPathComponent("backup.zip").path
            var manifest: BackupManifest?
            try await withApp(databaseURL: url, prepare: false) { app in
                manifest = try await BackupRunner.backup(app, to: archive, now: Date())
                try await SessionRecord(key: SessionID(string: "after-the-backup"), data: SessionData()).create(on: app.db)
                let user = try #require(try await User.find(email: "professional@zeist.demo", on: app.db))
                try await AuditLog.record(AuditDraft(action: .read, clientID: UUID(), user: user, basis: .ownInvolvement, what: "after"), on: app.db, now: Date())
            }
            let backup = try #require(manifest)
            #expect(backup.database == .postgresql)
            #expect(backup.files.map(\.role) == ["dump"])
            let events = try #require(backup.tables["audit_events"])
            #expect(events > 0 && backup.auditHead?.hasPrefix("\(events):") == true)

            // act: restore into the same database (its own connections closed)
            let witness = folder.appendingPathComponent("witness.log").path
            let env = ["DATABASE_URL": url, "KANSRIJK_ROOT": packageRoot]
            var outcome: Result<BackupRunner.RestoreReport, any Error> = .failure(BackupProblem.otherSessions(0))
            for _ in 0..<20 {
                let app = try await Application.make(.testing)
                app.settings = try Settings.fromEnvironment(env)
                do {
                    outcome = .success(try await BackupRunner.restore(app, from: archive, now: Date(), witnessBase: witness))
                } catch {
                    outcome = .failure(error)
                }
                try? await app.asyncShutdown()
                // a closed connection's server process may linger a moment after the tests before
                guard case .failure(BackupProblem.otherSessions) = outcome else { break }
                try await Task.sleep(for: .milliseconds(250))
            }
            var sessions: Int?
            var eventsNow: Int?
            let check = try await Application.make(.testing)
            do {
                check.settings = try Settings.fromEnvironment(env)
                try BackupRunner.openDatabase(check)
                sessions = try await SessionRecord.query(on: check.db).count()
                eventsNow = try await AuditEvent.query(on: check.db).count()
            } catch {
                Issue.record(error)
            }
            try? await check.asyncShutdown()

            // check
            let report = try outcome.get()
            #expect(report.auditEvents == events)
            #expect(sessions == backup.tables["_fluent_sessions"])
            #expect(eventsNow == events)
            #expect(try AuditWitnessFile(path: witness).heads().map(\.token) == [backup.auditHead])
        }
    }
}
