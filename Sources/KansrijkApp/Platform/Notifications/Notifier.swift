import Fluent
import Vapor

/// Something that happened that people hear of by e-mail: its kind, the page behind the log-in it
/// is about, and its words in each language. Never client data (no name, code, birth date or free
/// text about a client): a mail is not a safe channel.
struct NotificationEvent: Sendable {
    struct Words: Sendable {
        var subject: String
        var paragraphs: [String]
        var action: String
    }

    var kind: MailKind
    /// A path behind the log-in (`/zorg/verwijzingen/...`).
    var path: String
    var words: @Sendable (UILanguage) -> Words
}

/// Tells people of an event after each one's choice for its kind (issue #14): a mail at once, an
/// item for the daily digest, or nothing. Writes on the `db` it is given: inside the caller's
/// transaction, so the mail exists exactly when the change does. Inactive accounts get nothing.
struct Notifier: Sendable {
    /// `scheme://host[:port]` that links in mail start with.
    var baseURL: String

    /// Where links point when neither `KANSRIJK_BASE_URL` nor a server address is known (the demo loader).
    static let fallbackBaseURL = "http://localhost:8080"

    init(baseURL: String? = nil) {
        self.baseURL = baseURL ?? Self.fallbackBaseURL
    }

    init(app: Application) {
        self.init(baseURL: app.mailBaseURL)
    }

    func notify(_ users: [User], of event: NotificationEvent, on db: any Database, now: Date) async throws {
        var seen = Set<UUID>()
        let recipients = users.filter { user in
            guard user.isActive, let id = user.id else { return false }
            return seen.insert(id).inserted
        }
        guard !recipients.isEmpty else { return }
        let choosable = MailKind.choosable.contains(event.kind)
        let deliveries = choosable ? try await NotificationPreference.deliveries(of: Array(seen), kind: event.kind, on: db) : [:]
        for user in recipients {
            let id = try user.requireID()
            switch deliveries[id] ?? .immediately {
            case .immediately:
                try await MailOutbox.enqueue(mail(for: user, event), on: db, now: now)
            case .digest:
                try await NotificationDigestItem(userID: id, kind: event.kind, path: event.path, now: now).create(on: db)
            case .none:
                continue
            }
        }
    }

    /// The mail of one event for one person, in her language.
    func mail(for user: User, _ event: NotificationEvent) -> MailDraft {
        let language = user.uiLanguage
        let words = event.words(language)
        let layout = MailLayout(language: language, greeting: Self.greeting(user, language), paragraphs: words.paragraphs,
                                action: (words.action, baseURL + event.path), footer: footer(language))
        return layout.draft(to: user.email, userID: user.id, kind: event.kind, subject: words.subject)
    }

    static func greeting(_ user: User, _ language: UILanguage) -> String {
        language == .en ? "Dear \(user.name)," : "Beste \(user.name),"
    }

    /// Why the mail came, and where to choose otherwise.
    func footer(_ language: UILanguage) -> String {
        let page = baseURL + NotificationPaths.preferences
        return language == .en
            ? "This message was sent by Kansrijk. Do not reply to it. Choose which messages you get by e-mail at \(page)"
            : "Dit bericht komt van Kansrijk. U kunt er niet op antwoorden. Kies welke berichten u per e-mail krijgt op \(page)"
    }
}

/// The paths of the notification pages, used both to register the routes and to build links.
enum NotificationPaths {
    static let preferences = "/account/meldingen"
    static let markRead = "/zorg/meldingen/gelezen"
    static let markAllRead = "/zorg/meldingen/alles-gelezen"
}

extension Application {
    /// The absolute address links in mail start with: `KANSRIJK_BASE_URL`, else the address the
    /// server listens on (never a request's `Host`: mail goes out without a request).
    var mailBaseURL: String {
        if let base = settings.baseURL { return base }
        var (host, port) = listeningAddress
        if host == "0.0.0.0" || host == "::" { host = "localhost" }
        return "\(settings.secureCookies ? "https" : "http")://\(host):\(port)"
    }
}
