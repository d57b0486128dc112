import Fluent
import NIOCore
import Vapor

/// Removes what no longer counts from the shared tables of ADR 0041 every 10 minutes while serving:
/// `shared_state` rows past their end and social map uploads past their 30 minutes. Reads already
/// ignore such rows; the purge only keeps the tables small. Once per tick across instances.
struct SharedStatePurgeLifecycle: LifecycleHandler {
    static let name = "shared-state-purge"

    func didBootAsync(_ app: Application) async throws {
        let task = app.eventLoopGroup.next().scheduleRepeatedAsyncTask(initialDelay: .minutes(2), delay: .minutes(10)) { _ in
            app.eventLoopGroup.next().makeFutureWithTask {
                do { try await Self.run(on: app.db, now: Date()) } catch { app.logger.warning("Shared state purge failed: \(error)") }
            }
        }
        app.storage[TaskKey.self] = task
    }

    func shutdown(_ app: Application) {
        app.storage[TaskKey.self]?.cancel()
    }

    static func run(on db: any Database, now: Date) async throws {
        _ = try await ClusterLock.withTryLock(name, on: db) {
            try await SharedState.purge(on: db, now: now)
            try await SocialMapUploads.purge(on: db, now: now)
        }
    }

    private struct TaskKey: StorageKey { typealias Value = RepeatedTask }
}
