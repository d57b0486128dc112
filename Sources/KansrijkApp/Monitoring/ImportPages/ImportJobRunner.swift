import Fluent
import Foundation
import Vapor

/// Checks and imports one mapped file, all or nothing, away from the request so a large file
/// does not hold the page: the status page follows it through `ImportProgress`.
struct ImportJobRunner: Sendable {
    let db: any Database
    let progress: ImportProgress
    /// Told when new counts are in, so dashboards and reports show them at once.
    let snapshot: MonitoringSnapshot
    let logger: Logger

    /// Marks the job running; the work continues in the background.
    func start(_ job: ImportJob, indicator: IndicatorDefinition, columns: AggregateColumns, areas: AreaDimension, scope: ImportScope) async throws {
        let id = try job.requireID()
        let path = ImportJob.filePath(id)
        // registered before the row says `bezig`, so the status page never takes it for an interrupted one
        progress.start(id, rowsTotal: CSVPreview.dataLineCount(path: path))
        job.status = .running
        job.columns = String(decoding: try JSONEncoder().encode(columns), as: UTF8.self)
        job.report = nil
        do { try await job.save(on: db) } catch { progress.finish(id); throw error }
        Task.detached { [self] in await run(id: id, path: path, indicator: indicator, columns: columns, areas: areas, scope: scope) }
    }

    func run(id: UUID, path: String, indicator: IndicatorDefinition, columns: AggregateColumns, areas: AreaDimension, scope: ImportScope) async {
        defer { progress.finish(id) }
        let progress = self.progress
        var importer = AggregateImporter(areas: areas, indicator: indicator)
        importer.columns = columns
        importer.scope = scope
        importer.onProgress = { rows in progress.read(id, rows: rows) }
        do {
            guard let job = try await ImportJob.find(id, on: db) else { return }
            do {
                let rows = try importer.read(path: path)
                let targets = try importer.targets()
                progress.storing(id)
                job.storedCount = try await AggregateCountWriter.store(rows, numerator: targets.numerator, denominator: targets.denominator, on: db)
                job.rowCount = rows.count
                job.status = .imported
                snapshot.invalidate()
                try? FileManager.default.removeItem(atPath: path)
            } catch let report as ImportReport {
                job.status = .rejected
                job.report = String(decoding: try JSONEncoder().encode(report), as: UTF8.self)
            }
            job.finishedAt = Date()
            try await job.save(on: db)
        } catch {
            logger.report(error: error)
            try? await ImportJob.query(on: db).filter(\.$id == id).set(\.$status, to: .interrupted).update()
        }
    }
}
