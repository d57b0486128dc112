import NIOCore
import Fluent
import Vapor

/// The notification checks that run in the background while serving (issue #14): escalation steps
/// reached, tomorrow's MDO agendas, and the daily digests. Each is idempotent and claims its work
/// with a unique key, so several instances may run them at the same time.
enum NotificationJobs {
    static let every: TimeAmount = .minutes(10)

    static func runAll(on db: any Database, notifier: Notifier, now: Date, logger: Logger, contactReminderDays: Int = 5) async {
        do { try await EscalationNotices.run(on: db, notifier: notifier, now: now) } catch {
            logger.warning("Escalation notices failed: \(String(reflecting: error))")
        }
        do { try await ContactReminderNotices.run(on: db, notifier: notifier, now: now, days: contactReminderDays) } catch {
            logger.warning("Contact reminders failed: \(String(reflecting: error))")
        }
        do { try await MDOAgendaNotices.run(on: db, notifier: notifier, now: now) } catch {
            logger.warning("MDO agenda notices failed: \(String(reflecting: error))")
        }
        // last: the digest then holds what the checks above held back for it
        do { try await NotificationDigestJob.run(on: db, notifier: notifier, now: now) } catch {
            logger.warning("Daily digest failed: \(String(reflecting: error))")
        }
    }
}

/// Runs `NotificationJobs` every 10 minutes while serving, like `SessionPurgeLifecycle`.
struct NotificationLifecycle: LifecycleHandler {
    func didBootAsync(_ app: Application) async throws {
        let task = app.eventLoopGroup.next().scheduleRepeatedAsyncTask(initialDelay: .minutes(1), delay: NotificationJobs.every) { _ in
            app.eventLoopGroup.next().makeFutureWithTask {
                await NotificationJobs.runAll(on: app.db, notifier: Notifier(app: app), now: Date(), logger: app.logger,
                                              contactReminderDays: app.careSettings.contactReminderDays)
            }
        }
        app.storage[TaskKey.self] = task
    }

    func shutdown(_ app: Application) {
        app.storage[TaskKey.self]?.cancel()
    }

    private struct TaskKey: StorageKey { typealias Value = RepeatedTask }
}
