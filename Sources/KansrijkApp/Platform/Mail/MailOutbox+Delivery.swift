import Fluent
import Foundation
import SQLKit

/// The outbox's state machine (ADR 0025). Every change is one guarded UPDATE, so two senders (two
/// server processes on one PostgreSQL) never hold the same mail, and a crash loses none:
///
///     queued --claim--> sending --sent--> sent
///                          |--temporary failure--> queued (later) or failed (last try)
///                          |--permanent failure--> failed
///     sending + lease over, no committing_at --> queued   (nothing reached the server's "." yet)
///     sending + lease over, committing_at set --> failed  ("mogelijk al verzonden": never twice)
extension MailOutbox {
    /// How long a sender holds a claimed mail: longer than one SMTP conversation may take.
    static let lease: TimeInterval = 5 * 60

    /// Takes up to `limit` due mails for this sender. Each is taken by one guarded UPDATE ...
    /// RETURNING, so of two senders racing for it exactly one gets it.
    static func claimDue(on db: any Database, now: Date, limit: Int = 20) async throws -> [UUID] {
        let sql = try sqlDatabase(db)
        let due = try await sql.select().column("id").from(MailMessage.schema)
            .where("state", .equal, SQLBind(MailState.queued.rawValue))
            .where("next_attempt_at", .lessThanOrEqual, SQLBind(now))
            .orderBy("next_attempt_at").limit(limit)
            .all().map { try $0.decode(column: "id", as: UUID.self) }
        var claimed: [UUID] = []
        for id in due {
            let row = try await sql.update(MailMessage.schema)
                .set("state", to: SQLBind(MailState.sending.rawValue))
                .set("lease_until", to: SQLBind(now.addingTimeInterval(lease)))
                .set("committing_at", to: SQLLiteral.null)
                .set(SQLIdentifier("attempts"), to: SQLBinaryExpression(SQLIdentifier("attempts"), .add, SQLLiteral.numeric("1")))
                .where("id", .equal, SQLBind(id))
                .where("state", .equal, SQLBind(MailState.queued.rawValue))
                .returning("id").first()
            if row != nil { claimed.append(id) }
        }
        return claimed
    }

    /// Just before the final "." of DATA: from now on a crash means "maybe delivered".
    static func markCommitting(_ id: UUID, on db: any Database, now: Date) async throws {
        try await sqlDatabase(db).update(MailMessage.schema)
            .set("committing_at", to: SQLBind(now))
            .where("id", .equal, SQLBind(id)).where("state", .equal, SQLBind(MailState.sending.rawValue))
            .run()
    }

    static func markSent(_ id: UUID, on db: any Database, now: Date) async throws {
        try await sqlDatabase(db).update(MailMessage.schema)
            .set("state", to: SQLBind(MailState.sent.rawValue))
            .set("sent_at", to: SQLBind(now))
            .set("lease_until", to: SQLLiteral.null)
            .set("last_error", to: SQLLiteral.null)
            .where("id", .equal, SQLBind(id)).where("state", .equal, SQLBind(MailState.sending.rawValue))
            .run()
    }

    /// After a failed try: again later with back-off, or `failed` when the error is permanent, the
    /// outcome unknown, or this was the last try.
    static func markFailed(_ id: UUID, error: SMTPError, on db: any Database, now: Date, settings: MailSettings) async throws {
        guard let mail = try await MailMessage.find(id, on: db), mail.state == .sending else { return }
        let final = error.permanent || error.uncertain || mail.attempts >= settings.maxAttempts
        let update = try sqlDatabase(db).update(MailMessage.schema)
            .set("state", to: SQLBind((final ? MailState.failed : .queued).rawValue))
            .set("last_error", to: SQLBind(String(error.reason.prefix(500))))
            .set("lease_until", to: SQLLiteral.null)
        if !final {
            _ = update.set("committing_at", to: SQLLiteral.null)
                .set("next_attempt_at", to: SQLBind(now.addingTimeInterval(settings.retryDelay(afterAttempt: mail.attempts))))
        }
        try await update.where("id", .equal, SQLBind(id)).where("state", .equal, SQLBind(MailState.sending.rawValue)).run()
    }

    /// Mails whose sender stopped holding them (lease over before `cutoff`): back to the queue when
    /// nothing reached the server's "." yet, otherwise `failed` so they are not sent twice.
    /// Returns how many were put back and how many failed.
    @discardableResult
    static func recover(on db: any Database, leasesEndedBefore cutoff: Date) async throws -> (requeued: Int, failed: Int) {
        let sql = try sqlDatabase(db)
        let stale = try await sql.select().column("id").column("committing_at").from(MailMessage.schema)
            .where("state", .equal, SQLBind(MailState.sending.rawValue))
            .where { $0.where("lease_until", .lessThan, SQLBind(cutoff)).orWhere("lease_until", .is, SQLLiteral.null) }
            .all()
        var result = (requeued: 0, failed: 0)
        for row in stale {
            let id = try row.decode(column: "id", as: UUID.self)
            let committing = try row.decodeNil(column: "committing_at") == false
            let update = sql.update(MailMessage.schema).set("lease_until", to: SQLLiteral.null)
            if committing {
                _ = update.set("state", to: SQLBind(MailState.failed.rawValue)).set("last_error", to: SQLBind(SMTPError.unknownOutcome))
            } else {
                _ = update.set("state", to: SQLBind(MailState.queued.rawValue))
            }
            let changed = try await update.where("id", .equal, SQLBind(id))
                .where("state", .equal, SQLBind(MailState.sending.rawValue)).returning("id").first()
            if changed != nil { if committing { result.failed += 1 } else { result.requeued += 1 } }
        }
        return result
    }

    /// The admin sends a failed mail again: queued now, tries counted from zero. False when the
    /// mail is not `failed` (sent, still queued, or being sent).
    static func resend(_ id: UUID, on db: any Database, now: Date) async throws -> Bool {
        let row = try await sqlDatabase(db).update(MailMessage.schema)
            .set("state", to: SQLBind(MailState.queued.rawValue))
            .set("attempts", to: SQLBind(0))
            .set("next_attempt_at", to: SQLBind(now))
            .set("committing_at", to: SQLLiteral.null)
            .set("lease_until", to: SQLLiteral.null)
            .set("last_error", to: SQLLiteral.null)
            .where("id", .equal, SQLBind(id)).where("state", .equal, SQLBind(MailState.failed.rawValue))
            .returning("id").first()
        return row != nil
    }

    private static func sqlDatabase(_ db: any Database) throws -> any SQLDatabase {
        // both drivers Kansrijk runs on (SQLite, PostgreSQL) are SQL databases
        guard let sql = db as? any SQLDatabase else { throw SMTPError.temporary("the outbox needs an SQL database") }
        return sql
    }
}
