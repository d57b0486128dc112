import Fluent
import Foundation
import NIOConcurrencyHelpers
import NIOCore
import Vapor

/// Empties the outbox through a `MailTransport` (the SMTP client when serving): claims due mail,
/// sends it, records the outcome. One pass at a time per process; `wake()` asks for a pass now.
final class MailSender: Sendable {
    let transport: any MailTransport
    let settings: MailSettings
    let from: MailAddress
    let database: @Sendable () -> any Database
    let logger: Logger
    /// The clock, so tests can move time.
    let now: @Sendable () -> Date
    /// Names this instance in `background_runs`.
    let instance: String

    private let passes = CoalescedPasses()

    init(transport: any MailTransport, settings: MailSettings, from: MailAddress, logger: Logger, instance: String = "kansrijk",
         now: @escaping @Sendable () -> Date = { Date() }, database: @escaping @Sendable () -> any Database) {
        self.instance = instance
        self.transport = transport
        self.settings = settings
        self.from = from
        self.logger = logger
        self.now = now
        self.database = database
    }

    /// Starts a pass in the background, or asks the running one to look again when it ends.
    func wake() { passes.wake { [self] in await onePass() } }

    private func onePass() async {
        let started = now()
        var delivered = 0, failure: String?
        do { delivered = try await sendDue() } catch {
            failure = SMTPError.from(error).reason
            logger.warning("mail: outbox pass failed: \(failure ?? "")")
        }
        // a pass that sent nothing and met no error leaves no row: it runs every few seconds (ADR 0042)
        if delivered > 0 || failure != nil {
            try? await BackgroundJobs.record("mail-outbox", instance: instance, startedAt: started, finishedAt: now(),
                                             failure: failure, note: "\(delivered) mail(s) sent", on: database())
        }
    }

    /// No new passes; waits for the running one, so it never outlives the database.
    func stop() async { await passes.stop() }

    /// One pass: gives mails whose lease ran out back to the queue (or fails them, `recover`),
    /// then sends every due mail. Returns how many were delivered.
    @discardableResult
    func sendDue() async throws -> Int {
        let db = database()
        let recovered = try await MailOutbox.recover(on: db, leasesEndedBefore: now())
        if recovered.requeued + recovered.failed > 0 {
            logger.notice("mail: \(recovered.requeued) mail(s) back in the queue, \(recovered.failed) marked failed after an interrupted send")
        }
        var delivered = 0
        // only what was due when the pass began: a mail that fails now waits for a later pass
        let passStart = now()
        // a stopping server claims nothing more; what it holds it finishes
        while !passes.isStopped {
            let claimed = try await MailOutbox.claimDue(on: db, now: passStart)
            if claimed.isEmpty { return delivered }
            for id in claimed {
                if try await send(id, on: db) { delivered += 1 }
            }
        }
        return delivered
    }

    /// Sends one claimed mail and records what happened; true when it was delivered.
    private func send(_ id: UUID, on db: any Database) async throws -> Bool {
        guard let mail = try await MailMessage.find(id, on: db) else { return false }
        do {
            let message = try MIMEMessage(mail, from: from, date: now())
            let clock = now
            try await transport.deliver(message) {
                try await MailOutbox.markCommitting(id, on: db, now: clock())
            }
        } catch {
            let failure = SMTPError.from(error)
            try await MailOutbox.markFailed(id, error: failure, on: db, now: now(), settings: settings)
            logger.warning("mail: \(mail.kind.rawValue) \(id.uuidString.lowercased()) not sent (try \(mail.attempts)): \(failure.reason)")
            return false
        }
        // delivered: should this update fail, the mail stays `sending` with `committing_at` set, and
        // recovery marks it "maybe sent" instead of sending it again
        try await MailOutbox.markSent(id, on: db, now: now())
        logger.info("mail: \(mail.kind.rawValue) \(id.uuidString.lowercased()) sent")
        return true
    }
}

extension Application {
    private struct MailSenderKey: StorageKey { typealias Value = MailSender }

    /// The running sender; nil without SMTP or when not serving.
    var mailSender: MailSender? {
        get { storage[MailSenderKey.self] }
        set { storage[MailSenderKey.self] = newValue }
    }
}

/// Runs the sender while serving, only when SMTP is configured: a pass at start (which first puts
/// back or fails what a crash left in `sending`) and every few seconds after.
struct MailSenderLifecycle: LifecycleHandler {
    func didBootAsync(_ app: Application) async throws {
        let command = app.environment.arguments.dropFirst().first
        guard command == nil || command == "serve" || command?.hasPrefix("-") == true else { return }
        let settings = app.mailSettings
        guard let server = settings.smtp, let from = settings.from else {
            app.logger.notice("mail: no KANSRIJK_SMTP_URL; mail stays in the outbox (/beheer/email)")
            return
        }
        let client = try SMTPClient(server: server, caFile: settings.caFile, group: app.eventLoopGroup)
        let sender = MailSender(transport: client, settings: settings, from: from, logger: app.logger, instance: app.instanceID) { [unowned app] in app.db }
        app.mailSender = sender
        app.logger.notice("mail: sending through \(server) as \(from.address)")
        // leases cannot outlive a restart of a single SQLite server: whatever is `sending` now was cut off
        if case .postgres = app.settings.database {} else {
            try await MailOutbox.recover(on: app.db, leasesEndedBefore: .distantFuture)
        }
        sender.wake()
        let task = app.eventLoopGroup.next().scheduleRepeatedTask(initialDelay: settings.pollInterval, delay: settings.pollInterval) { _ in
            sender.wake()
        }
        app.storage[TaskKey.self] = task
    }

    func shutdownAsync(_ app: Application) async {
        app.storage[TaskKey.self]?.cancel()
        // a pass still sending finishes first: the databases shut down after the lifecycle handlers
        await app.mailSender?.stop()
    }

    private struct TaskKey: StorageKey { typealias Value = RepeatedTask }
}
