import Foundation

/// One link of the header menu, as the layout shows it.
struct MenuItem: Encodable, Sendable, Equatable {
    var href: String
    var label: String
}

/// The header menu (issue 15, ADR 0030): every entry names the `Permission` its page checks, so a
/// role sees exactly the links it may open; nothing here lists roles.
enum Menu {
    struct Entry: Sendable {
        var path: String
        var key: String
        /// Nil: a public page, shown to everyone.
        var permission: Permission?
    }

    /// In the order of a working day: one's own work first, then finding help, then the wider view.
    static let entries: [Entry] = [
        Entry(path: "/zorg", key: "nav.care", permission: .signedIn),
        Entry(path: "/aanbod", key: "nav.search", permission: nil),
        Entry(path: "/zorgpaden", key: "nav.pathways", permission: .signedIn),
        Entry(path: "/dekking", key: "nav.coverage", permission: .signedIn),
        Entry(path: "/coalities", key: "nav.coalitions", permission: .signedIn),
        Entry(path: "/monitor", key: "nav.monitor", permission: nil),
        Entry(path: "/landelijk", key: "nav.national", permission: nil),
        Entry(path: "/ouders", key: "nav.parents", permission: nil),
        Entry(path: "/beheer", key: "nav.admin", permission: .administration),
    ]

    /// The entries a visitor with `role` (nil: not signed in) may open.
    static func entries(for role: Role?) -> [Entry] {
        entries.filter { entry in
            guard let permission = entry.permission else { return true }
            return role?.may(permission) ?? false
        }
    }

    static func items(for role: Role?, language: UILanguage) -> [MenuItem] {
        if role == nil { return language == .en ? anonymousEnglish : anonymousDutch }
        return build(for: role, language: language)
    }

    private static func build(for role: Role?, language: UILanguage) -> [MenuItem] {
        entries(for: role).map { MenuItem(href: $0.path, label: Strings.text($0.key, language)) }
    }

    /// Built once: every anonymous page (the search page on the event loop too) carries the menu.
    private static let anonymousDutch = build(for: nil, language: .nl)
    private static let anonymousEnglish = build(for: nil, language: .en)

    /// What a page may show of the permissions, by name (`#if(page.user.may.importFigures)`).
    static func permissions(of role: Role) -> [String: Bool] {
        Dictionary(uniqueKeysWithValues: Permission.allCases.map { ($0.rawValue, role.may($0)) })
    }
}
