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
        /// `Permission` names and whether her role passes them (`#if(page.user.may.importFigures)`).
        var may: [String: Bool]
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
    /// The header menu: only what the visitor may open (`Menu`).
    var menu: [MenuItem]
    /// A page for parents (`/ouders`, the parent's questionnaire): the layout leaves out the
    /// professionals' menu and account links (issue 15).
    var forParents: Bool
}

extension PageMeta {
    /// The paths whose pages are written for parents.
    static func isForParents(path: String) -> Bool {
        path == "/ouders" || path.hasPrefix("/ouders/") || path.hasPrefix("/vragenlijst/")
    }
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
        var organisation = organisationName
        if organisation == nil { organisation = try await Organisation.name(of: user.$organisation.id, on: db) }
        meta.user = .init(name: user.name, email: user.email, role: user.role.rawValue,
                          roleLabel: t("role.\(user.role.rawValue)"), organisation: organisation ?? "",
                          canEdit: user.role == .coordinator || user.role == .admin,
                          may: Menu.permissions(of: user.role))
        meta.menu = Menu.items(for: user.role, language: language)
        meta.csrf = csrfToken()
        meta.notice = session.data["notice"]
        if meta.notice != nil { session.data["notice"] = nil }
        return meta
    }

    /// The layout's data for a visitor who is not signed in, on a page without a form: no
    /// session and no database, so a page can build it without leaving the event loop.
    func anonymousPageMeta(title: String) -> PageMeta {
        let other: UILanguage = language == .nl ? .en : .nl
        let path = url.path
        return PageMeta(
            title: title, lang: language.rawValue, otherLang: other.rawValue,
            otherLangLabel: other == .en ? "English" : "Nederlands",
            otherLangURL: PageMeta.plainLanguageToggleURL(path: path, query: url.query, lang: other.rawValue)
                ?? PageMeta.languageToggleURL(url.string, lang: other.rawValue),
            path: path, user: nil, csrf: nil, notice: nil,
            menu: Menu.items(for: nil, language: language), forParents: PageMeta.isForParents(path: path))
    }

    /// A one-time message shown on the next page (after a redirect).
    func flash(_ text: String) { session.data["notice"] = text }
}

extension PageMeta {
    /// The language toggle's link: the URL's path and query with `lang` replaced, re-encoded by
    /// Foundation.
    static func languageToggleURL(_ url: String, lang: String) -> String {
        var components = URLComponents(string: url) ?? URLComponents()
        var items = (components.queryItems ?? []).filter { $0.name != "lang" }
        items.append(URLQueryItem(name: "lang", value: lang))
        components.queryItems = items
        return (components.path.isEmpty ? "/" : components.path) + "?" + (components.percentEncodedQuery ?? "")
    }

    /// The same link without Foundation, for the common URL whose path and query hold only
    /// letters, digits, `-._~` (and `/`, `=`, `&` as separators): nothing to decode or encode, so
    /// Foundation's result is the text itself. Nil for any other URL (`URLComponents` takes
    /// a fifth of an anonymous search page's CPU time; a search form's URL is nearly always plain).
    static func plainLanguageToggleURL(path: String, query: String?, lang: String) -> String? {
        guard !path.isEmpty, path.utf8.allSatisfy({ $0.isURLUnreserved || $0 == UInt8(ascii: "/") }) else { return nil }
        var url = path
        url.reserveCapacity(path.utf8.count + (query?.utf8.count ?? 0) + 16)
        url += "?"
        if let query {
            for pair in query.utf8.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: false) {
                var equals = 0
                guard !pair.isEmpty, pair.allSatisfy({ byte in
                    if byte == UInt8(ascii: "=") { equals += 1 }
                    return byte.isURLUnreserved || byte == UInt8(ascii: "=")
                }), equals <= 1 else { return nil }
                if pair.prefix(while: { $0 != UInt8(ascii: "=") }).elementsEqual("lang".utf8) { continue }
                url += Substring(pair)
                url += "&"
            }
        }
        return url + "lang=" + lang
    }
}

extension UInt8 {
    /// RFC 3986's unreserved characters (letters, digits, `-._~`): the same percent-encoded or not.
    var isURLUnreserved: Bool {
        switch self {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"): true
        default: false
        }
    }
}
