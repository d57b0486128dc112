import Vapor

/// What every page's layout needs: title, language, who is signed in, the CSRF token.
struct PageMeta: Encodable, Sendable {
    struct SignedIn: Encodable, Sendable {
        var name: String
        var email: String
        var role: String
        var roleLabel: String
        var organisation: String
        var canEdit: Bool
    }

    var title: String
    var lang: String
    var otherLang: String
    var otherLangLabel: String
    /// Current path and query with the other language, for the toggle link.
    var otherLangURL: String
    var path: String
    var user: SignedIn?
    var csrf: String?
    var notice: String?
}

extension Request {
    /// Builds the layout's data; makes a CSRF token only when the page posts a form,
    /// so anonymous reading pages never create a session.
    func pageMeta(title: String, forms: Bool = false) async throws -> PageMeta {
        var meta = anonymousPageMeta(title: title)
        guard let user = auth.get(User.self) else {
            if forms { meta.csrf = csrfToken() }
            return meta
        }
        let org = try await user.$organisation.get(on: db)
        meta.user = .init(name: user.name, email: user.email, role: user.role.rawValue,
                          roleLabel: t("role.\(user.role.rawValue)"), organisation: org.name,
                          canEdit: user.role == .coordinator || user.role == .admin)
        meta.csrf = csrfToken()
        meta.notice = session.data["notice"]
        if meta.notice != nil { session.data["notice"] = nil }
        return meta
    }

    /// The layout's data for a visitor who is not signed in, on a page without a form: no
    /// session and no database, so a page can build it without leaving the event loop.
    func anonymousPageMeta(title: String) -> PageMeta {
        let other: UILanguage = language == .nl ? .en : .nl
        var components = URLComponents(string: url.string) ?? URLComponents()
        var items = (components.queryItems ?? []).filter { $0.name != "lang" }
        items.append(URLQueryItem(name: "lang", value: other.rawValue))
        components.queryItems = items
        return PageMeta(
            title: title, lang: language.rawValue, otherLang: other.rawValue,
            otherLangLabel: other == .en ? "English" : "Nederlands",
            otherLangURL: (components.path.isEmpty ? "/" : components.path) + "?" + (components.percentEncodedQuery ?? ""),
            path: url.path, user: nil, csrf: nil, notice: nil)
    }

    /// A one-time message shown on the next page (after a redirect).
    func flash(_ text: String) { session.data["notice"] = text }
}
