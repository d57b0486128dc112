import Fluent
import Vapor

/// The admin's "Verzonden e-mail" pages (issue #14): the outbox newest first with its state and
/// reason, one mail's text body (without SMTP this is where the demo's links are read), sending a
/// failed mail again, and a test message to the admin's own address. Admins only.
struct MailOutboxController: RouteCollection {
    static let perPage = 50

    func boot(routes: any RoutesBuilder) throws {
        let outbox = routes.grouped("beheer", "email")
        outbox.get(use: list)
        outbox.post("test", use: sendTest)
        outbox.get(":id", use: show)
        outbox.post(":id", "opnieuw", use: resend)
    }

    @Sendable func list(req: Request) async throws -> View {
        _ = try req.require(.mailOutbox)
        let state = req.query[String.self, at: "staat"].flatMap(MailState.init(rawValue:))
        let pageNumber = max(1, min(req.query[Int.self, at: "pagina"] ?? 1, 100_000))
        var query = MailMessage.query(on: req.db)
        if let state { query = query.filter(\.$state == state) }
        let total = try await query.count()
        let mails = try await query.sort(\.$createdAt, .descending).sort(\.$id)
            .range(((pageNumber - 1) * Self.perPage)..<(pageNumber * Self.perPage)).all()
        let pages = max(1, (total + Self.perPage - 1) / Self.perPage)
        func link(_ page: Int) -> String {
            MailPaths.outbox + "?" + (state.map { "staat=\($0.rawValue)&" } ?? "") + "pagina=\(page)"
        }
        return try await req.view.render("platform/mail-outbox", MailOutboxPage(
            page: try await req.pageMeta(title: req.t("mail.outbox.title"), forms: true),
            sending: req.application.mailSettings.smtp != nil,
            states: [MailOutboxPage.StateOption(value: "", label: req.t("mail.state.all"), selected: state == nil)]
                + MailState.allCases.map { .init(value: $0.rawValue, label: req.t("mail.state.\($0.rawValue)"), selected: $0 == state) },
            rows: mails.map { MailOutboxPage.Row($0, req, sending: req.application.mailSettings.smtp != nil) },
            total: total, pageNumber: pageNumber, pages: pages,
            previous: pageNumber > 1 ? link(pageNumber - 1) : nil, next: pageNumber < pages ? link(pageNumber + 1) : nil,
            testExplain: req.t("mail.test.explain").replacingOccurrences(of: "{email}", with: req.auth.get(User.self)?.email ?? "")))
    }

    @Sendable func show(req: Request) async throws -> View {
        _ = try req.require(.mailOutbox)
        let mail = try await find(req)
        return try await req.view.render("platform/mail-message", MailMessagePage(
            page: try await req.pageMeta(title: req.t("mail.message.title"), forms: true),
            sending: req.application.mailSettings.smtp != nil,
            mail: MailOutboxPage.Row(mail, req, sending: req.application.mailSettings.smtp != nil), text: mail.textBody, hasHTML: mail.htmlBody != nil,
            createdAt: MailTimes.text(mail.createdAt), sentAt: mail.sentAt.map(MailTimes.text)))
    }

    @Sendable func resend(req: Request) async throws -> Response {
        let admin = try req.require(.mailOutbox)
        let mail = try await find(req)
        let id = try mail.requireID()
        let again = try await req.db.writeTransaction { db in try await MailOutbox.resend(id, on: db, now: Date()) }
        guard again else {
            req.flash(req.t("mail.resend.notFailed"))
            return req.redirect(to: MailPaths.message(id))
        }
        req.logger.notice("mail: \(admin.email) (\(admin.id?.slug ?? "?")) sent mail \(id.slug) (\(mail.kind.rawValue)) again")
        req.application.mailSender?.wake()
        req.flash(req.t("mail.resend.done"))
        return req.redirect(to: MailPaths.message(id))
    }

    /// "Stuur een testbericht": a mail to the admin's own address, to check the SMTP settings.
    @Sendable func sendTest(req: Request) async throws -> Response {
        let admin = try req.require(.mailOutbox)
        let language = req.language
        let english = language == .en
        let layout = MailLayout(
            language: language, greeting: english ? "Hello \(admin.name)," : "Beste \(admin.name),",
            paragraphs: [english ? "This is a test message from Kansrijk. If you read this, mail is delivered."
                                 : "Dit is een testbericht van Kansrijk. Leest u dit, dan komt e-mail aan."],
            action: (english ? "Open the outbox" : "Open Verzonden e-mail", req.publicBaseURL + MailPaths.outbox))
        let draft = layout.draft(to: admin.email, userID: admin.id, kind: .test,
                                 subject: english ? "Kansrijk: test message" : "Kansrijk: testbericht")
        let mail = try await req.db.writeTransaction { db in try await MailOutbox.enqueue(draft, on: db, now: Date()) }
        req.logger.notice("mail: \(admin.email) (\(admin.id?.slug ?? "?")) queued test mail \(mail.id?.slug ?? "?")")
        req.application.mailSender?.wake()
        req.flash(req.t(req.application.mailSettings.smtp == nil ? "mail.test.kept" : "mail.test.queued"))
        return req.redirect(to: MailPaths.outbox)
    }

    private func find(_ req: Request) async throws -> MailMessage {
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)),
              let mail = try await MailMessage.find(id, on: req.db) else { throw PageError.notFound }
        return mail
    }
}

enum MailPaths {
    static let outbox = "/beheer/email"
    static func message(_ id: UUID) -> String { "\(outbox)/\(id.slug)" }
    static func resend(_ id: UUID) -> String { "\(message(id))/opnieuw" }
    static let test = "/beheer/email/test"
}

/// Times on the outbox pages: Dutch time, to the second (a retry can be seconds away).
enum MailTimes {
    static func text(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "nl_NL")
        formatter.timeZone = TimeZone(identifier: "Europe/Amsterdam")
        formatter.dateFormat = "d-M-yyyy HH:mm:ss"
        return formatter.string(from: date)
    }
}

struct MailOutboxPage: Encodable {
    struct StateOption: Encodable { var value: String; var label: String; var selected: Bool }
    struct Row: Encodable {
        var href: String
        var resendHref: String
        var kind: String
        var to: String
        var subject: String
        var state: String
        var stateLabel: String
        var attempts: Int
        var nextAttempt: String?
        var reason: String?
        var created: String
        var failed: Bool

        /// `sending`: SMTP is configured; without it no try is planned, so no next try is shown.
        init(_ mail: MailMessage, _ req: Request, sending: Bool) {
            let id = mail.id ?? UUID()
            href = MailPaths.message(id)
            resendHref = MailPaths.resend(id)
            kind = req.t("mail.kind.\(mail.kind.rawValue)")
            to = mail.to
            subject = mail.subject
            state = mail.state.rawValue
            stateLabel = req.t("mail.state.\(mail.state.rawValue)")
            attempts = mail.attempts
            nextAttempt = mail.state == .queued && sending ? MailTimes.text(mail.nextAttemptAt) : nil
            reason = mail.lastError
            created = MailTimes.text(mail.createdAt)
            failed = mail.state == .failed
        }
    }

    var page: PageMeta
    var sending: Bool
    var states: [StateOption]
    var rows: [Row]
    var total: Int
    var pageNumber: Int
    var pages: Int
    var previous: String?
    var next: String?
    var testExplain: String
}

struct MailMessagePage: Encodable {
    var page: PageMeta
    var sending: Bool
    var mail: MailOutboxPage.Row
    var text: String
    var hasHTML: Bool
    var createdAt: String
    var sentAt: String?
}
