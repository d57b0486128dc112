import Fluent
import NIOConcurrencyHelpers
import NIOCore
import Vapor

/// This instance's worker for monitor import jobs (issue 17, ADR 0042): a pass claims and runs jobs
/// until none is waiting. `wake()` asks for a pass now (after a mapping on this instance); while
/// serving, a pass runs every few seconds too, for jobs queued on another instance or left by one
/// that stopped.
final class ImportWorker: Sendable {
    let runner: ImportJobRunner

    private let passes = CoalescedPasses()

    init(runner: ImportJobRunner) { self.runner = runner }

    func wake() { passes.wake { [self] in await onePass() } }

    private func onePass() async {
        do {
            while !passes.isStopped, let id = try await runner.claim(now: Date()) { await runner.run(id) }
        } catch {
            runner.logger.warning("monitor import: claiming a job failed: \(String(reflecting: error))")
        }
    }

    /// No new passes; waits for the running one, so it never outlives the database.
    func stop() async { await passes.stop() }
}

extension Application {
    private struct ImportWorkerKey: StorageKey { typealias Value = ImportWorker }

    /// This instance's import worker, made on first use.
    var importWorker: ImportWorker {
        if let worker = storage[ImportWorkerKey.self] { return worker }
        let worker = ImportWorker(runner: ImportJobRunner(db: db, instance: instanceID, snapshot: monitoringSnapshot, logger: logger))
        storage[ImportWorkerKey.self] = worker
        return worker
    }

    /// The worker when one was made; nil otherwise (shutting down makes none).
    var importWorkerIfMade: ImportWorker? { storage[ImportWorkerKey.self] }
}

/// While serving: a job this instance held when it stopped is free again at once (the same
/// `KANSRIJK_INSTANCE_ID` after a restart), and the worker looks for waiting jobs every 2 seconds.
/// At shutdown the running job finishes first.
struct ImportWorkerLifecycle: LifecycleHandler {
    static let every: TimeAmount = .seconds(2)

    func didBootAsync(_ app: Application) async throws {
        let command = app.environment.arguments.dropFirst().first
        guard command == nil || command == "serve" || command?.hasPrefix("-") == true else { return }
        try await ImportJob.query(on: app.db).filter(\.$status == .running).filter(\.$claimedBy == app.instanceID)
            .set(\.$claimedBy, to: nil).update()
        let worker = app.importWorker
        worker.wake()
        app.storage[TaskKey.self] = app.eventLoopGroup.next().scheduleRepeatedTask(initialDelay: Self.every, delay: Self.every) { _ in
            worker.wake()
        }
    }

    func shutdownAsync(_ app: Application) async {
        app.storage[TaskKey.self]?.cancel()
        await app.importWorkerIfMade?.stop()
    }

    private struct TaskKey: StorageKey { typealias Value = RepeatedTask }
}
