import NIOCore
import Fluent
import Vapor

/// The notification checks that run in the background while serving (issue #14): escalation steps
/// reached, tomorrow's MDO agendas, and the daily digests. Each is idempotent and claims its work
/// with a unique key; with several instances, one runs them per period (`PeriodicJob`, ADR 0042).
enum NotificationJobs {
    static let every: TimeAmount = .minutes(10)

    /// Runs every check; a failing one is logged and the others still run. Returns the names of the ones that failed.
    @discardableResult
    static func runAll(on db: any Database, notifier: Notifier, now: Date, logger: Logger, contactReminderDays: Int = 5) async -> [String] {
        var failed: [String] = []
        do { try await EscalationNotices.run(on: db, notifier: notifier, now: now) } catch {
            logger.warning("Escalation notices failed: \(String(reflecting: error))")
            failed.append("escalation")
        }
        do { try await ContactReminderNotices.run(on: db, notifier: notifier, now: now, days: contactReminderDays) } catch {
            logger.warning("Contact reminders failed: \(String(reflecting: error))")
            failed.append("contact-reminders")
        }
        do { try await MDOAgendaNotices.run(on: db, notifier: notifier, now: now) } catch {
            logger.warning("MDO agenda notices failed: \(String(reflecting: error))")
            failed.append("mdo-agendas")
        }
        // last: the digest then holds what the checks above held back for it
        do { try await NotificationDigestJob.run(on: db, notifier: notifier, now: now) } catch {
            logger.warning("Daily digest failed: \(String(reflecting: error))")
            failed.append("digest")
        }
        return failed
    }

    struct Failed: Error, CustomStringConvertible {
        var steps: [String]
        var description: String { "failed: " + steps.joined(separator: ", ") }
    }
}

/// Runs `NotificationJobs` every 10 minutes while serving, once across the instances (ADR 0042).
struct NotificationLifecycle: LifecycleHandler {
    static let job = PeriodicJob(name: "notifications", initialDelay: .minutes(1), every: NotificationJobs.every) { app in
        let failed = await NotificationJobs.runAll(on: app.db, notifier: Notifier(app: app), now: Date(), logger: app.logger,
                                                   contactReminderDays: app.careSettings.contactReminderDays)
        if !failed.isEmpty { throw NotificationJobs.Failed(steps: failed) }
        return nil
    }

    func didBootAsync(_ app: Application) async throws { try await Self.job.didBootAsync(app) }

    func shutdown(_ app: Application) { Self.job.shutdown(app) }
}
