import Fluent
import Foundation
import NIOConcurrencyHelpers
import SQLKit
import Vapor

/// Checks and imports mapped files, all or nothing, away from the request so a large file does not
/// hold the page. Any instance's worker may run a job (issue 17, ADR 0042): it claims the job in the
/// table, says every `heartbeat` how far it is, and a job whose worker went quiet for `lease` (a
/// crash, a restart) is claimed again and run from the start: nothing of it was stored, the import
/// being one transaction. After `maxAttempts` claims it is marked interrupted.
struct ImportJobRunner: Sendable {
    static let lease: TimeInterval = 30
    static let maxAttempts = 3

    let db: any Database
    let instance: String
    /// Told when new counts are in, so this instance's dashboards show them at once.
    let snapshot: MonitoringSnapshot
    let logger: Logger
    var heartbeat: Duration = .seconds(2)

    /// Queues a mapped job: `bezig` without a worker, until one claims it.
    static func enqueue(_ job: ImportJob, columns: AggregateColumns, on db: any Database) async throws {
        job.status = .running
        job.columns = String(decoding: try JSONEncoder().encode(columns), as: UTF8.self)
        job.report = nil
        job.claimedBy = nil
        job.heartbeatAt = nil
        job.attempts = 0
        job.rowsRead = 0
        job.rowsTotal = nil
        job.storing = false
        try await job.save(on: db)
    }

    /// Claims the oldest waiting job, or one whose worker went quiet; nil when there is none.
    /// PostgreSQL: `FOR UPDATE SKIP LOCKED`, so workers never wait for each other's candidate;
    /// SQLite (one writer): an UPDATE guarded by the same condition.
    func claim(now: Date) async throws -> UUID? {
        guard let sql = db as? any SQLDatabase else { return nil }
        let stale = now.addingTimeInterval(-Self.lease)
        // a job that was taken up too often without finishing stops here
        try await sql.raw("""
            UPDATE monitoring_import_jobs SET status = \(bind: ImportJob.Status.interrupted.rawValue), finished_at = \(bind: now) \
            WHERE status = \(bind: ImportJob.Status.running.rawValue) AND claimed_by IS NOT NULL AND heartbeat_at < \(bind: stale) \
            AND attempts >= \(bind: Self.maxAttempts)
            """).run()
        let waiting: SQLQueryString = """
            status = \(bind: ImportJob.Status.running.rawValue) AND (claimed_by IS NULL OR heartbeat_at IS NULL OR heartbeat_at < \(bind: stale))
            """
        if sql.dialect.name == "postgresql" {
            let row = try await sql.raw("""
                UPDATE monitoring_import_jobs SET claimed_by = \(bind: instance), heartbeat_at = \(bind: now), attempts = attempts + 1, \
                rows_read = 0, storing = false WHERE id = (SELECT id FROM monitoring_import_jobs WHERE \(waiting) \
                ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED) RETURNING id
                """).first()
            return try row?.decode(column: "id", as: UUID.self)
        }
        let candidates = try await sql.raw("SELECT id FROM monitoring_import_jobs WHERE \(waiting) ORDER BY created_at LIMIT 5").all()
        for candidate in candidates {
            let id = try candidate.decode(column: "id", as: UUID.self)
            let row = try await sql.raw("""
                UPDATE monitoring_import_jobs SET claimed_by = \(bind: instance), heartbeat_at = \(bind: now), attempts = attempts + 1, \
                rows_read = 0, storing = false WHERE id = \(bind: id) AND \(waiting) RETURNING id
                """).first()
            if row != nil { return id }
        }
        return nil
    }

    /// Runs a job this instance claimed to its end; true when it was imported.
    @discardableResult
    func run(_ id: UUID) async -> Bool {
        let started = Date()
        let progress = NIOLockedValueBox((rows: 0, storing: false))
        let beat = Task { [self] in
            while !Task.isCancelled {
                try? await Task.sleep(for: heartbeat)
                guard !Task.isCancelled else { return }
                let now = progress.withLockedValue { $0 }
                try? await ImportJob.query(on: db).filter(\.$id == id).filter(\.$claimedBy == instance)
                    .set(\.$heartbeatAt, to: Date()).set(\.$rowsRead, to: now.rows).set(\.$storing, to: now.storing).update()
            }
        }
        defer { beat.cancel() }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kansrijk-imports")
            .appendingPathComponent("\(id.uuidString)-\(instance).csv").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        var failure: String?, note: String?
        do {
            guard let job = try await ImportJob.find(id, on: db), let columns = job.mappedColumns,
                  let indicator = try await Indicator.find(job.indicatorCode, on: db)?.definition,
                  let user = try await User.find(job.$user.id, on: db),
                  let content = try await ImportFile.content(id, on: db) else {
                try await ImportJob.query(on: db).filter(\.$id == id).set(\.$status, to: .interrupted).set(\.$finishedAt, to: Date()).update()
                failure = "job \(id.uuidString.lowercased()): file, mapping or indicator missing"
                throw Abort(.notFound)
            }
            job.rowsTotal = CSVPreview.dataLineCount(content)
            job.heartbeatAt = Date()
            try await job.save(on: db)
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
            guard FileManager.default.createFile(atPath: path, contents: content, attributes: [.posixPermissions: 0o600]) else {
                throw CocoaError(.fileWriteNoPermission)
            }
            let areas = try await AreaDimension.load(on: db)
            var importer = AggregateImporter(areas: areas, indicator: indicator)
            importer.columns = columns
            importer.scope = try await ImportScope.load(for: user, areas: areas, on: db)
            importer.onProgress = { rows in progress.withLockedValue { $0.rows = rows } }
            do {
                let rows = try importer.read(path: path)
                let targets = try importer.targets()
                progress.withLockedValue { $0 = (job.rowsTotal ?? $0.rows, true) }
                job.storing = true
                job.rowsRead = job.rowsTotal
                try await job.save(on: db)
                job.storedCount = try await AggregateCountWriter.store(rows, numerator: targets.numerator, denominator: targets.denominator, on: db)
                job.rowCount = rows.count
                job.status = .imported
                snapshot.invalidate()
                note = "job \(id.uuidString.lowercased()): \(rows.count) rows, \(job.storedCount ?? 0) counts stored"
            } catch let report as ImportReport {
                job.status = .rejected
                job.report = String(decoding: try JSONEncoder().encode(report), as: UTF8.self)
                note = "job \(id.uuidString.lowercased()): refused, \(report.total) problems"
            }
            job.finishedAt = Date()
            try await job.save(on: db)
            if job.status == .imported { try await ImportFile.query(on: db).filter(\.$id == id).delete() }
        } catch {
            if failure == nil {
                logger.report(error: error)
                failure = "job \(id.uuidString.lowercased()): \(error)"
                // another worker takes it up again once the lease ran out
                try? await ImportJob.query(on: db).filter(\.$id == id).filter(\.$claimedBy == instance)
                    .set(\.$heartbeatAt, to: Date(timeIntervalSince1970: 0)).update()
            }
        }
        try? await BackgroundJobs.record("monitor-import", instance: instance, startedAt: started, finishedAt: Date(),
                                         failure: failure, note: note, on: db)
        return failure == nil
    }
}
