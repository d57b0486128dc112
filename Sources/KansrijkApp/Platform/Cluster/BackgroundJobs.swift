import Fluent
import Foundation
import Logging
import SQLKit

/// Background work that runs once across the instances (issue 17, ADR 0042): each run holds the
/// job's cluster lock and leaves a row in `background_runs`.
enum BackgroundJobs {
    /// How long runs stay in `background_runs`.
    static let keep: TimeInterval = 30 * 24 * 60 * 60

    /// What a run did.
    enum Result: Equatable, Sendable {
        /// Another instance holds the job now, or ran it less than `gap` ago: nothing ran, nothing recorded.
        case skipped
        case succeeded
        case failed
    }

    /// Runs `body` when no other instance is running `job` and none started it less than `gap`
    /// seconds ago (so timers that tick at different moments on several instances still run it
    /// once per period), and records the run. `body` returns a short note for the record (no client
    /// data); a thrown error is recorded and logged, never rethrown.
    @discardableResult
    static func run(_ job: String, instance: String, on db: any Database, gap: TimeInterval = 0, logger: Logger,
                    now: @escaping @Sendable () -> Date = { Date() },
                    _ body: @escaping @Sendable () async throws -> String?) async -> Result {
        do {
            let result = try await ClusterLock.withTryLock("job:" + job, on: db) { () -> Result in
                let started = now()
                if gap > 0, try await BackgroundRun.query(on: db).filter(\.$job == job)
                    .filter(\.$startedAt > started.addingTimeInterval(-gap)).filter(\.$outcome != .failed).first() != nil {
                    return .skipped
                }
                // no other run holds the lock: a row still `running` was cut off by a crash
                try await BackgroundRun.query(on: db).filter(\.$job == job).filter(\.$outcome == .running)
                    .set(\.$outcome, to: .failed).set(\.$message, to: "onderbroken (interrupted)").update()
                let run = BackgroundRun(job: job, instance: instance, startedAt: started)
                try await run.create(on: db)
                do {
                    let note = try await body()
                    run.outcome = .succeeded
                    run.message = note.map { String($0.prefix(500)) }
                } catch {
                    logger.warning("Background job \(job) failed: \(String(reflecting: error))")
                    run.outcome = .failed
                    run.message = String(String(describing: error).prefix(500))
                }
                run.finishedAt = now()
                try await run.save(on: db)
                try await BackgroundRun.query(on: db).filter(\.$job == job).filter(\.$startedAt < started.addingTimeInterval(-keep)).delete()
                return run.outcome == .succeeded ? .succeeded : .failed
            }
            return result ?? .skipped
        } catch {
            logger.warning("Background job \(job) could not be started or recorded: \(String(reflecting: error))")
            return .failed
        }
    }

    /// Records a run of work that claims its own rows (the mail outbox, monitor imports) and so
    /// needs no lock: one row, written when it ended.
    static func record(_ job: String, instance: String, startedAt: Date, finishedAt: Date, failure: String?, note: String?,
                       on db: any Database) async throws {
        let run = BackgroundRun(job: job, instance: instance, startedAt: startedAt)
        run.finishedAt = finishedAt
        run.outcome = failure == nil ? .succeeded : .failed
        run.message = (failure ?? note).map { String($0.prefix(500)) }
        try await run.create(on: db)
    }
}
