import Fluent
import Foundation
import NIOConcurrencyHelpers
import Testing
import Vapor
@testable import KansrijkApp

/// The outbox's state machine on the real test database (SQLite here, PostgreSQL in CI).
@Suite("Mail outbox: claim, lease, recovery, back-off", .serialized)
struct MailOutboxDeliveryTests {
    static let start = Date(timeIntervalSince1970: 1_800_000_000)

    static func queue(_ app: Application, subject: String = "Test", now: Date = start) async throws -> UUID {
        let draft = MailDraft(to: "ontvanger@kansrijk.test", kind: .test, language: .nl, subject: subject, text: "Tekst\n", html: "<p>Tekst</p>")
        return try await MailOutbox.enqueue(draft, on: app.db, now: now).requireID()
    }

    static func mail(_ app: Application, _ id: UUID) async throws -> MailMessage {
        try #require(try await MailMessage.find(id, on: app.db))
    }

    @Test("a due mail is claimed once; not-yet-due mail waits")
    func claimOnce() async throws {
        try await withApp(demo: false) { app in
            let due = try await Self.queue(app)
            let later = try await Self.queue(app, now: Self.start.addingTimeInterval(600))
            let first = try await MailOutbox.claimDue(on: app.db, now: Self.start)
            #expect(first.contains(due) && !first.contains(later))
            let claimed = try await Self.mail(app, due)
            #expect(claimed.state == .sending && claimed.attempts == 1)
            #expect(claimed.leaseUntil == Self.start.addingTimeInterval(MailOutbox.lease))
            // a second sender racing for the same mail gets nothing
            #expect(try await MailOutbox.claimDue(on: app.db, now: Self.start).isEmpty)
        }
    }

    @Test("two senders at once never take the same mail")
    func concurrentClaims() async throws {
        try await withApp(demo: false) { app in
            var ids: Set<UUID> = []
            for n in 0..<12 { ids.insert(try await Self.queue(app, subject: "m\(n)")) }
            async let a = MailOutbox.claimDue(on: app.db, now: Self.start)
            async let b = MailOutbox.claimDue(on: app.db, now: Self.start)
            let (left, right) = try await (a, b)
            #expect(Set(left).isDisjoint(with: Set(right)))
            #expect(Set(left).union(right) == ids)
        }
    }

    @Test("temporary failure: queued again with back-off, failed after the last try; 5xx fails at once")
    func failures() async throws {
        try await withApp(demo: false) { app in
            var settings = MailSettings()
            settings.retryBase = 60
            settings.maxAttempts = 2
            let id = try await Self.queue(app)
            _ = try await MailOutbox.claimDue(on: app.db, now: Self.start)
            try await MailOutbox.markFailed(id, error: .temporary("verbinding geweigerd"), on: app.db, now: Self.start, settings: settings)
            var mail = try await Self.mail(app, id)
            #expect(mail.state == .queued && mail.lastError == "verbinding geweigerd")
            #expect(mail.nextAttemptAt == Self.start.addingTimeInterval(60) && mail.leaseUntil == nil)
            #expect(try await MailOutbox.claimDue(on: app.db, now: Self.start.addingTimeInterval(59)).isEmpty)
            #expect(try await MailOutbox.claimDue(on: app.db, now: Self.start.addingTimeInterval(60)) == [id])
            try await MailOutbox.markFailed(id, error: .temporary("421 busy"), on: app.db, now: Self.start, settings: settings)
            mail = try await Self.mail(app, id)
            #expect(mail.state == .failed && mail.attempts == 2 && mail.lastError == "421 busy")

            let bounced = try await Self.queue(app)
            _ = try await MailOutbox.claimDue(on: app.db, now: Self.start)
            try await MailOutbox.markFailed(bounced, error: .permanent("550 mailbox unavailable (RCPT TO)"), on: app.db, now: Self.start, settings: settings)
            mail = try await Self.mail(app, bounced)
            #expect(mail.state == .failed && mail.attempts == 1)

            // the admin sends it again: queued now, tries from zero; a sent or queued mail is not touched
            #expect(try await MailOutbox.resend(bounced, on: app.db, now: Self.start.addingTimeInterval(5)))
            mail = try await Self.mail(app, bounced)
            #expect(mail.state == .queued && mail.attempts == 0 && mail.lastError == nil)
            #expect(try await MailOutbox.resend(bounced, on: app.db, now: Self.start) == false)
        }
    }

    @Test("after a crash: back to the queue before the final dot, failed (never twice) after it")
    func recovery() async throws {
        try await withApp(demo: false) { app in
            let early = try await Self.queue(app, subject: "early")
            let late = try await Self.queue(app, subject: "late")
            let live = try await Self.queue(app, subject: "live", now: Self.start.addingTimeInterval(1))
            _ = try await MailOutbox.claimDue(on: app.db, now: Self.start)
            try await MailOutbox.markCommitting(late, on: app.db, now: Self.start)
            // a lease that still runs is left alone
            #expect(try await MailOutbox.recover(on: app.db, leasesEndedBefore: Self.start) == (0, 0))
            _ = try await MailOutbox.claimDue(on: app.db, now: Self.start.addingTimeInterval(MailOutbox.lease))
            let result = try await MailOutbox.recover(on: app.db, leasesEndedBefore: Self.start.addingTimeInterval(MailOutbox.lease + 0.5))
            #expect(result == (1, 1))
            #expect(try await Self.mail(app, early).state == .queued)
            let failed = try await Self.mail(app, late)
            #expect(failed.state == .failed && failed.lastError == SMTPError.unknownOutcome)
            #expect(try await Self.mail(app, live).state == .sending)
        }
    }

    @Test("the sender delivers, records the commit point, and retries a failed try")
    func sender() async throws {
        try await withApp(demo: false) { app in
            let transport = RecordingTransport()
            var settings = MailSettings()
            settings.retryBase = 30
            let clock = NIOLockedValueBox(Self.start)
            let sender = MailSender(transport: transport, settings: settings, from: MailAddress(name: "Kansrijk", address: "noreply@kansrijk.test"),
                                    logger: app.logger, now: { clock.withLockedValue { $0 } }) { app.db }
            let id = try await Self.queue(app, subject: "Eerste")
            transport.failNext(.temporary("verbinding geweigerd (127.0.0.1:1)"))
            #expect(try await sender.sendDue() == 0)
            var mail = try await Self.mail(app, id)
            #expect(mail.state == .queued && mail.attempts == 1 && mail.lastError == "verbinding geweigerd (127.0.0.1:1)")
            #expect(mail.nextAttemptAt == Self.start.addingTimeInterval(30))
            clock.withLockedValue { $0 = Self.start.addingTimeInterval(30) }
            #expect(try await sender.sendDue() == 1)
            mail = try await Self.mail(app, id)
            #expect(mail.state == .sent && mail.attempts == 2 && mail.lastError == nil && mail.committingAt != nil)
            #expect(transport.sent.map(\.subject) == ["Eerste"])
            #expect(transport.sent.first?.messageID.hasPrefix("<\(id.uuidString.lowercased())@") == true)
            // the connection breaks after the final dot: failed, not sent again
            let second = try await Self.queue(app, subject: "Tweede", now: Self.start.addingTimeInterval(30))
            transport.failNext(SMTPError(permanent: false, reason: SMTPError.unknownOutcome, uncertain: true))
            #expect(try await sender.sendDue() == 0)
            #expect(try await Self.mail(app, second).state == .failed)
        }
    }
}

/// A transport that keeps what it was given, and can fail the next delivery after the commit point.
final class RecordingTransport: MailTransport, @unchecked Sendable {
    private let lock = NIOLock()
    private var _sent: [MIMEMessage] = []
    private var failure: SMTPError?

    var sent: [MIMEMessage] { lock.withLock { _sent } }
    func failNext(_ error: SMTPError) { lock.withLock { failure = error } }

    func deliver(_ message: MIMEMessage, committing: @escaping @Sendable () async throws -> Void) async throws {
        if let failure = lock.withLock({ () -> SMTPError? in defer { self.failure = nil }; return self.failure }) {
            if failure.uncertain { try await committing() }
            throw failure
        }
        try await committing()
        lock.withLock { _sent.append(message) }
    }
}
