import Fluent
import Vapor

/// The list of "Mensen": the accounts in her scope, filtered and searched in memory (staff accounts
/// are few; the search folds case and accents like the directory's).
extension PeopleController {
    struct Filter: Decodable {
        var q: String?; var coalitie: String?; var organisatie: String?; var rol: String?; var actief: String?
    }

    @Sendable func list(req: Request) async throws -> View {
        let scope = try await PeopleScope.load(for: try req.requireUser(), on: req.db)
        let filter = (try? req.query.decode(Filter.self)) ?? Filter()
        let visible = try await scope.visibleUserIDs(on: req.db)
        let query = User.query(on: req.db).with(\.$organisation)
        if let visible { query.filter(\.$id ~~ Array(visible)) }
        // no `IN ()` for a coordinator without coalitions: PostgreSQL refuses an empty list
        let users = visible?.isEmpty == true ? [] : try await query.all()
        let memberships = try await PeopleScope.memberships(of: visible.map(Array.init), on: req.db)
        let allCoalitions = try await Coalition.allSorted(on: req.db)
        let coalitions = scope.isAdmin ? allCoalitions : allCoalitions.filter { scope.coalitionIDs.contains($0.id!) }
        let names = Dictionary(uniqueKeysWithValues: allCoalitions.map { ($0.id!, $0.name) })

        let text = FormInput.text(filter.q).map(DutchText.fold)
        let coalition = FormInput.text(filter.coalitie).flatMap(UUID.init(uuidString:))
        let organisation = FormInput.text(filter.organisatie).flatMap(UUID.init(uuidString:))
        let role = FormInput.text(filter.rol).flatMap(Role.init(rawValue:))
        let active: Bool? = switch filter.actief { case "ja": true; case "nee": false; default: nil }
        let shown = users.filter { u in
            if let text, !DutchText.fold(u.name).contains(text), !u.email.lowercased().contains(text) { return false }
            if let coalition, !(memberships[u.id!] ?? []).contains(coalition) { return false }
            if let organisation, u.$organisation.id != organisation { return false }
            if let role, u.role != role { return false }
            if let active, u.isActive != active { return false }
            return true
        }.map { (DutchText.fold($0.name), $0) }.sorted { $0.0 < $1.0 }.map(\.1)

        let organisations = Dictionary(users.map { ($0.$organisation.id, $0.organisation.name) }, uniquingKeysWith: { a, _ in a })
            .map { (DutchText.fold($0.value), $0) }.sorted { $0.0 < $1.0 }.map(\.1)
        func option(_ id: UUID, _ label: String, _ chosen: UUID?) -> SelectOption {
            SelectOption(value: id.slug, label: label, selected: id == chosen)
        }
        let page = PeoplePage(
            page: try await req.pageMeta(title: req.t("admin.people.title")),
            rows: shown.map { u in
                .init(href: AdminPaths.person(u.id!), name: u.name, email: u.email, organisation: u.organisation.name,
                      role: req.t("role.\(u.role.rawValue)"), active: u.isActive,
                      coalitions: (memberships[u.id!] ?? []).compactMap { names[$0] }.sorted().joined(separator: ", "))
            },
            total: users.count, query: filter.q ?? "",
            coalitions: coalitions.map { option($0.id!, $0.name, coalition) },
            organisations: organisations.map { option($0.key, $0.value, organisation) },
            roles: Role.allCases.map { SelectOption(value: $0.rawValue, label: req.t("role.\($0.rawValue)"), selected: $0 == role) },
            states: [SelectOption(value: "ja", label: req.t("admin.people.active"), selected: active == true),
                     SelectOption(value: "nee", label: req.t("admin.people.inactive"), selected: active == false)],
            filtered: shown.count != users.count)
        return try await req.view.render("platform/admin/people", page)
    }
}
