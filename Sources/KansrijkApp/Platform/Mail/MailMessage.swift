import Fluent
import Foundation

/// What a mail is about. Invitations, password resets and break-glass notices always go at once;
/// the other kinds follow the recipient's choice (at once, in the daily digest, or not by mail).
enum MailKind: String, Codable, CaseIterable, Sendable {
    case invitation
    case passwordReset = "password_reset"
    case referralIncoming = "referral_incoming"
    case referralStatus = "referral_status"
    case escalation
    case screeningCompleted = "screening_completed"
    case mdoAgenda = "mdo_agenda"
    case breakGlass = "break_glass"
    /// A request for extra care to the coalition's decision-makers (issue 15): always at once.
    case extraCare = "extra_care"
    /// A reminder to record whether a referral outside Kansrijk reached the service (issue 15).
    case contactReminder = "contact_reminder"
    /// The daily digest that gathers the kinds a person chose to receive once a day.
    case digest
    /// A test message an admin sends herself from the outbox page, to check the SMTP settings.
    case test

    /// The kinds a person chooses how to receive (the others are never held back).
    static let choosable: [MailKind] = [.referralIncoming, .referralStatus, .escalation, .screeningCompleted, .mdoAgenda, .contactReminder]
}

/// Where a mail is in the outbox. `sending` is held under a lease by one sender at a time.
enum MailState: String, Codable, CaseIterable, Sendable {
    case queued, sending, sent, failed
}

/// One e-mail in the outbox (issue #14). Every mail goes through here, with or without SMTP: without
/// SMTP it stays `queued` and the admin reads it in the browser, so demo links still work.
/// A mail never carries client data: it says what happened and links to a page behind the log-in.
final class MailMessage: Model, @unchecked Sendable {
    static let schema = "mail_outbox"

    @ID(key: .id) var id: UUID?
    @Field(key: "kind") var kind: MailKind
    @Field(key: "to_address") var to: String
    /// The account it is for, when there is one (an invitation has none yet).
    @OptionalField(key: "user_id") var userID: UUID?
    @Field(key: "language") var language: String
    @Field(key: "subject") var subject: String
    @Field(key: "text_body") var textBody: String
    @OptionalField(key: "html_body") var htmlBody: String?
    @Field(key: "state") var state: MailState
    @Field(key: "attempts") var attempts: Int
    /// Not before this moment (back-off after a failed try).
    @Field(key: "next_attempt_at") var nextAttemptAt: Date
    /// A sender holds the mail until then; after it, another may take it.
    @OptionalField(key: "lease_until") var leaseUntil: Date?
    /// Set just before the final "." of SMTP DATA: after a crash past this point the mail may have
    /// been delivered, so it is not sent again on its own (no mail twice).
    @OptionalField(key: "committing_at") var committingAt: Date?
    @OptionalField(key: "last_error") var lastError: String?
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "sent_at") var sentAt: Date?

    init() {}

    init(_ draft: MailDraft, now: Date) {
        self.kind = draft.kind
        self.to = draft.to
        self.userID = draft.userID
        self.language = draft.language.rawValue
        self.subject = draft.subject
        self.textBody = draft.text
        self.htmlBody = draft.html
        self.state = .queued
        self.attempts = 0
        self.nextAttemptAt = now
        self.createdAt = now
    }
}

/// A mail as the code that has something to say writes it.
struct MailDraft: Sendable {
    var to: String
    var userID: UUID?
    var kind: MailKind
    var language: UILanguage
    var subject: String
    var text: String
    var html: String?
}

enum MailOutbox {
    /// Puts a mail in the outbox, inside the caller's transaction when `db` is one: the mail exists
    /// exactly when the change it tells of does. The background sender picks it up.
    @discardableResult
    static func enqueue(_ draft: MailDraft, on db: any Database, now: Date = Date()) async throws -> MailMessage {
        let message = MailMessage(draft, now: now)
        try await message.create(on: db)
        return message
    }
}

/// The outbox table; the old care-only outbox (filled only when `KANSRIJK_SMTP_HOST` was set and
/// never emptied) moves into it as queued mail and is dropped.
struct CreateMailOutbox: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(MailMessage.schema)
            .id()
            .field("kind", .string, .required)
            .field("to_address", .string, .required)
            .field("user_id", .uuid, .references(User.schema, .id, onDelete: .setNull))
            .field("language", .string, .required)
            .field("subject", .string, .required)
            .field("text_body", .string, .required)
            .field("html_body", .string)
            .field("state", .string, .required)
            .field("attempts", .int, .required)
            .field("next_attempt_at", .datetime, .required)
            .field("lease_until", .datetime)
            .field("committing_at", .datetime)
            .field("last_error", .string)
            .field("created_at", .datetime, .required)
            .field("sent_at", .datetime)
            .create()
        for old in try await CareOutboxMessage.query(on: database).all() {
            let kind: MailKind = old.subject.contains("noodtoegang") ? .breakGlass : .referralStatus
            let moved = MailMessage(MailDraft(to: old.to, kind: kind, language: .nl, subject: old.subject, text: old.body),
                                    now: old.createdAt)
            if let sent = old.sentAt { moved.state = .sent; moved.sentAt = sent }
            try await moved.create(on: database)
        }
        try await database.schema(CareOutboxMessage.schema).delete()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(CareOutboxMessage.schema)
            .id()
            .field("to_address", .string, .required)
            .field("subject", .string, .required)
            .field("body", .string, .required)
            .field("created_at", .datetime, .required)
            .field("sent_at", .datetime)
            .create()
        try await database.schema(MailMessage.schema).delete()
    }
}
