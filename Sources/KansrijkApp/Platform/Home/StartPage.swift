import Fluent
import Vapor

/// A signed-in user's start page (`platform/start`, issue 15): what her role works on, as links to
/// the pages that already show it, with counts. One template for every role; the sections differ.
struct StartPage: Encodable {
    var page: PageMeta
    /// The role whose start this is (`data-start` on the page; the crawl test reads it).
    var role: String
    var heading: String
    var lead: String
    var search: StartSearch?
    var sections: [StartSection]
}

/// The search box of a professional's start: it searches her own municipality unless she changes it.
struct StartSearch: Encodable {
    var municipality: String
    var municipalityName: String
}

struct StartSection: Encodable {
    var id: String
    var title: String
    var links: [StartLink]
    /// Shown when there are no links.
    var empty: String?
    var more: StartLink?
}

struct StartLink: Encodable {
    var href: String
    var label: String
    var count: Int?
    /// Leaf reads a count of 0 as false: the template asks this instead.
    var hasCount: Bool
    var hint: String?

    init(href: String, label: String, count: Int? = nil, hint: String? = nil) {
        self.href = href; self.label = label; self.count = count; self.hasCount = count != nil; self.hint = hint
    }
}

extension StartPage {
    /// The start page of `user`'s role.
    static func build(for user: User, _ req: Request) async throws -> StartPage {
        let sections: [StartSection]
        var search: StartSearch?
        switch user.role {
        case .professional:
            sections = try await professionalSections(user, req)
            search = try await ownMunicipality(user, req).map { StartSearch(municipality: $0.code, municipalityName: $0.name) }
        case .coordinator: sections = try await coordinatorSections(user, req)
        case .policy: sections = try await policySections(user, req)
        case .admin: sections = try await adminSections(user, req)
        }
        let role = user.role.rawValue
        return StartPage(
            page: try await req.pageMeta(title: req.t("start.\(role).title"), forms: true), role: role,
            heading: req.t("start.\(role).heading").replacingOccurrences(of: "{name}", with: user.name),
            lead: req.t("start.\(role).lead"), search: search, sections: sections)
    }

    /// The municipality of the user's organisation, when the directory knows it.
    static func ownMunicipality(_ user: User, _ req: Request) async throws -> (code: String, name: String)? {
        guard let organisation = try await Organisation.find(user.$organisation.id, on: req.db),
              let municipality = req.directory.municipalities[organisation.municipalityCode] else { return nil }
        return (organisation.municipalityCode, municipality.name)
    }

    /// The coalitions the user is a member of, by name.
    static func ownCoalitions(_ user: User, _ req: Request) async throws -> [Coalition] {
        let access = try await DirectoryAccess.load(for: user, on: req.db)
        guard !access.coalitionIDs.isEmpty else { return [] }
        return try await Coalition.query(on: req.db).filter(\.$id ~~ Array(access.coalitionIDs)).sort(\.$name).all()
    }
}
