import Fluent
import Foundation
import NIOConcurrencyHelpers
import SQLKit
import Testing
import Vapor
import VaporTesting
@testable import KansrijkApp

/// Monitor imports and the audit chain with two instances on one database (issue 17, ADR 0042).
@Suite("Cluster: monitor imports and the audit chain across instances", .serialized)
struct ClusterImportAndAuditTests {
    let columns = AggregateColumns(area: 0, period: 1, numerator: 2, denominator: 3, value: 4)

    /// A mapped job of the admin, waiting for a worker, as the mapping page leaves it.
    func queuedJob(on app: Application) async throws -> ImportJob {
        let admin = try #require(try await User.find(email: "admin@kansrijk.demo", on: app.db))
        let text = ImportPageFixtures.good
        let job = ImportJob(userID: try admin.requireID(), indicatorCode: "geen_kraamzorg", fileName: "kraamzorg.csv", byteCount: text.utf8.count)
        try await job.create(on: app.db)
        try await ImportFile(jobID: try job.requireID(), content: Data(text.utf8)).create(on: app.db)
        try await ImportJobRunner.enqueue(job, columns: columns, on: app.db)
        return job
    }

    @Test("uploaded and mapped through A, imported by B's worker, its result and progress seen through A")
    func importAcrossInstances() async throws {
        try await withInstancePair { a, b in
            a.instanceID = "web-a"
            b.instanceID = "web-b"
            // setup: upload through A
            var onA = try await Browser.signedIn(a, as: "admin@kansrijk.demo")
            try await onA.refreshToken(path: "/monitor/import")
            let upload = try await onA.postUpload("/monitor/import", indicator: "geen_kraamzorg", fileName: "kraamzorg.csv", text: ImportPageFixtures.good)
            let job = try #require(ImportPageFixtures.jobPath(upload))
            // the preview through B reads the file from the database
            var onB = Browser(b)
            onB.cookie = onA.cookie
            onB.csrf = onA.csrf
            let preview = try await onB.get(job)
            #expect(preview.body.string.contains("<td>GM0363</td>"))
            // act: the mapping is posted through B, whose worker runs it
            let mapped = try await onB.post("\(job)/kolommen", form: ["gebied": "0", "periode": "1", "teller": "2", "noemer": "3", "waarde": "4"])
            #expect(mapped.status == .seeOther)
            let done = try await onA.settledJobPage(job)
            // check: A shows B's result; the row says who ran it and how far it got
            #expect(done.body.string.contains("Regels ingelezen: 3"), "\(done.body.string.prefix(2000))")
            let id = try #require(UUID(uuidString: String(job.split(separator: "/").last ?? "")))
            let row = try #require(try await ImportJob.find(id, on: a.db))
            #expect(row.status == .imported && row.claimedBy == "web-b" && row.attempts == 1)
            #expect(row.rowsTotal == 3 && row.rowsRead == 3)
            #expect(try await ImportFile.find(id, on: a.db) == nil, "the file leaves the database once imported")
            let run = try await BackgroundRun.query(on: a.db).filter(\.$job == "monitor-import").first()
            #expect(run?.instance == "web-b" && run?.outcome == .succeeded)
        }
    }

    @Test("two workers claiming at once: one gets the job, the other none (SKIP LOCKED / guarded update)")
    func claimedOnce() async throws {
        try await withInstancePair { a, b in
            // setup
            let job = try await queuedJob(on: a)
            let runners = [a, b].enumerated().map { i, app in
                ImportJobRunner(db: app.db, instance: "web-\(i)", snapshot: app.monitoringSnapshot, logger: app.logger)
            }
            // act: each claims three times at once
            let claims = try await withThrowingTaskGroup(of: UUID?.self) { group in
                for runner in runners { for _ in 0..<3 { group.addTask { try await runner.claim(now: Date()) } } }
                return try await group.reduce(into: [UUID?]()) { $0.append($1) }
            }
            // check
            #expect(claims.compactMap { $0 } == [try job.requireID()])
            let row = try #require(try await ImportJob.find(try job.requireID(), on: b.db))
            #expect(row.attempts == 1 && ["web-0", "web-1"].contains(row.claimedBy ?? ""))
        }
    }

    @Test("a job whose instance crashed half-way is taken up by another after the lease and imported once; too many crashes stop it")
    func resumedAfterCrash() async throws {
        try await withInstancePair { a, b in
            // setup: instance A claimed the job, read half of it, then died (no heartbeat for a minute)
            let job = try await queuedJob(on: a)
            let id = try job.requireID()
            try await ImportJob.query(on: a.db).filter(\.$id == id).set(\.$claimedBy, to: "web-a").set(\.$attempts, to: 1)
                .set(\.$rowsRead, to: 2).set(\.$heartbeatAt, to: Date().addingTimeInterval(-60)).update()
            let runnerB = ImportJobRunner(db: b.db, instance: "web-b", snapshot: b.monitoringSnapshot, logger: b.logger)
            // a worker that is alive keeps its job: not claimable within the lease
            try await ImportJob.query(on: a.db).filter(\.$id == id).set(\.$heartbeatAt, to: Date()).update()
            #expect(try await runnerB.claim(now: Date()) == nil)
            try await ImportJob.query(on: a.db).filter(\.$id == id).set(\.$heartbeatAt, to: Date().addingTimeInterval(-60)).update()
            // act: B's worker looks for work
            let claimed = try await runnerB.claim(now: Date())
            #expect(claimed == id)
            let imported = await runnerB.run(id)
            // check
            #expect(imported)
            let row = try #require(try await ImportJob.find(id, on: a.db))
            #expect(row.status == .imported && row.claimedBy == "web-b" && row.attempts == 2 && row.storedCount ?? 0 > 0)
            let stored = try await MonitoringCount.query(on: a.db).filter(\.$element == "moeders_zonder_kraamzorg").filter(\.$period == "2022").all()
            #expect(Dictionary(uniqueKeysWithValues: stored.map { ($0.areaCode, $0.count) }) == ["GM0355": 31, "GM0363": 200])
            #expect(try await runnerB.claim(now: Date()) == nil, "an imported job is not claimed again")

            // a job that crashed its worker three times is marked interrupted instead of a fourth try
            let poison = try await queuedJob(on: a)
            try await ImportJob.query(on: a.db).filter(\.$id == poison.requireID()).set(\.$claimedBy, to: "web-a")
                .set(\.$attempts, to: ImportJobRunner.maxAttempts).set(\.$heartbeatAt, to: Date().addingTimeInterval(-60)).update()
            #expect(try await runnerB.claim(now: Date()) == nil)
            #expect(try await ImportJob.find(poison.requireID(), on: a.db)?.status == .interrupted)
        }
    }

    @Test("events appended by two instances at the same moment form one valid chain")
    func concurrentAuditAppends() async throws {
        try await withInstancePair { a, b in
            // setup
            let user = try #require(try await User.find(email: "coordinator@zeist.demo", on: a.db))
            let client = try #require(try await CareClient.query(on: a.db).first())
            let before = try await AuditEvent.query(on: a.db).count()
            let draft = AuditDraft(action: .read, clientID: try client.requireID(), user: user, basis: .ownInvolvement, what: "client page")
            // act: 40 page views on each instance at once, half through the group writer, and changes that log inside their transaction
            try await withThrowingTaskGroup(of: Void.self) { group in
                for app in [a, b] {
                    for i in 0..<40 {
                        group.addTask {
                            if i % 4 == 3 {
                                try await app.db.auditedTransaction { db in try await AuditLog.record(draft, on: db, now: Date()) }
                            } else {
                                try await AuditLog.record(draft, on: app.db, now: Date(), writer: i % 2 == 0 ? app.auditWriter : nil)
                            }
                        }
                    }
                }
                try await group.waitForAll()
            }
            try await AuditOutbox.drain(on: a.db)
            try await AuditOutbox.drain(on: b.db)
            // check
            #expect(try await AuditVerification.verify(on: b.db) == .intact(count: before + 80))
        }
    }

    @Test("each instance keeps its own witness file; audit verify checks them all and finds a truncation through any")
    func witnessPerInstance() async throws {
        try await withInstancePair { a, b in
            // setup: a witness folder with the configured name
            a.instanceID = "web-a"
            b.instanceID = "web-b"
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("witness-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let base = folder.appendingPathComponent(AuditWitnessSettings.fileName).path
            try Data("unrelated".utf8).write(to: folder.appendingPathComponent("kansrijk-audit-witness.log.bak"))
            let fileA = AuditWitnessFile(path: AuditWitnessSettings.instancePath(base: base, instance: a.instanceID))
            let fileB = AuditWitnessFile(path: AuditWitnessSettings.instancePath(base: base, instance: b.instanceID))
            #expect(fileA.path.hasSuffix("/kansrijk-audit-witness.web-a.log"))
            if usesPostgres { #expect(a.auditWitnessFile?.path.hasSuffix("kansrijk-audit-witness.web-a.log") == true) }
            // act: A witnesses, B logs more and witnesses the longer chain
            await AuditWitnessKeeper().witness(a, fileA)
            let user = try #require(try await User.find(email: "coordinator@zeist.demo", on: b.db))
            let client = try #require(try await CareClient.query(on: b.db).first())
            for _ in 0..<3 {
                try await AuditLog.record(AuditDraft(action: .read, clientID: try client.requireID(), user: user, basis: .ownInvolvement,
                                                     what: "client page"), on: b.db, now: Date())
            }
            await AuditWitnessKeeper().witness(b, fileB)
            // check: both files found (not the backup), both heads compared, intact
            let family = AuditWitnessSettings.familyPaths(base: base)
            #expect(family == [fileA.path, fileB.path])
            let files = family.map(AuditWitnessFile.init)
            let intact = try await AuditVerification.verify(on: a.db, witnesses: files, expecting: nil)
            let count = try await AuditEvent.query(on: a.db).count()
            #expect(intact.outcome == .intact(count: count))
            #expect(intact.notes.count == 2)
            // act: the last two entries are removed: still a valid chain, and beyond A's head, but not B's
            try await AuditEvent.query(on: a.db).filter(\.$sequence > count - 2).delete()
            let report = try await AuditVerification.verify(on: a.db, witnesses: files, expecting: nil)
            guard case .broken(_, let problem) = report.outcome else { Issue.record("truncation not found"); return }
            #expect(problem.contains(fileB.path))
            // without B's file, A's head alone still vouches for the shortened chain
            #expect(try await AuditVerification.verify(on: a.db, witnesses: [fileA], expecting: nil).outcome == .intact(count: count - 2))
        }
    }
}
