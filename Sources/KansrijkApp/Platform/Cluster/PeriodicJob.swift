import NIOCore
import Vapor

/// A background job that runs every `every` while serving, once across the instances
/// (`BackgroundJobs.run` with a gap of 90 % of the period), on whichever instance's timer fires first.
struct PeriodicJob: LifecycleHandler {
    let name: String
    let initialDelay: TimeAmount
    let every: TimeAmount
    let work: @Sendable (Application) async throws -> String?

    func didBootAsync(_ app: Application) async throws {
        let name = name, work = work
        let gap = Double(every.nanoseconds) / 1e9 * 0.9
        let task = app.eventLoopGroup.next().scheduleRepeatedAsyncTask(initialDelay: initialDelay, delay: every) { _ in
            app.eventLoopGroup.next().makeFutureWithTask {
                await BackgroundJobs.run(name, instance: app.instanceID, on: app.db, gap: gap, logger: app.logger) { try await work(app) }
            }
        }
        var tasks = app.storage[TaskKey.self] ?? [:]
        tasks[name] = task
        app.storage[TaskKey.self] = tasks
    }

    func shutdown(_ app: Application) {
        app.storage[TaskKey.self]?[name]?.cancel()
    }

    private struct TaskKey: StorageKey { typealias Value = [String: RepeatedTask] }
}
