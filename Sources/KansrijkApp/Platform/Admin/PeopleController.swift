import Fluent
import Vapor

/// "Mensen" (issue #14): the admin and, within their coalitions, coordinators see accounts,
/// deactivate and reactivate them and change their role; the admin also moves an account to another
/// organisation and sets its coalitions. The rules are in `PeopleScope`, the changes in `PeopleDesk`.
struct PeopleController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let people = routes.grouped(.constant(AdminPaths.root), "mensen")
        people.get(use: list)
        people.get(":user", use: show)
        people.post(":user", "deactiveren", use: deactivate)
        people.post(":user", "activeren", use: reactivate)
        people.post(":user", "rol", use: changeRole)
        people.post(":user", "organisatie", use: changePlacement)
    }

    @Sendable func show(req: Request) async throws -> View {
        let target = try await Target.load(req)
        return try await render(req, target)
    }

    @Sendable func deactivate(req: Request) async throws -> Response {
        try await change(req, .deactivate, done: "admin.person.deactivated")
    }

    @Sendable func reactivate(req: Request) async throws -> Response {
        try await change(req, .reactivate, done: "admin.person.reactivated")
    }

    @Sendable func changeRole(req: Request) async throws -> Response {
        let target = try await Target.load(req)
        let raw = FormInput.text(try req.content.decode(PersonRoleForm.self).rol)
        guard let role = raw.flatMap(Role.init(rawValue:)) else {
            let errors: FieldErrors = ["rol": FieldMessages(english: req.isEnglish).choice]
            return try await render(req, target, errors: errors).encodeResponse(status: .unprocessableEntity, for: req)
        }
        // a coordinator never makes an admin, whatever the form says
        guard target.scope.assignableRoles.contains(role) else { throw PageError.forbidden }
        return try await change(req, .role(role), done: "admin.person.roleChanged", target: target)
    }

    @Sendable func changePlacement(req: Request) async throws -> Response {
        let target = try await Target.load(req)
        guard target.scope.isAdmin else { throw PageError.forbidden }
        let form = try req.content.decode(PersonPlacementForm.self)
        let m = FieldMessages(english: req.isEnglish)
        var errors = FieldErrors()
        let organisation = FormInput.text(form.organisation).flatMap(UUID.init(uuidString:))
        var found: Organisation?
        if let organisation { found = try await Organisation.find(organisation, on: req.db) }
        if found == nil { errors["organisation"] = m.choice }
        let chosen = (form.coalitie ?? []).map { UUID(uuidString: $0) }
        let known = Set(try await Coalition.query(on: req.db).all().compactMap(\.id))
        let coalitions = Set(chosen.compactMap { $0 }).intersection(known)
        if coalitions.count != chosen.count { errors["coalitie"] = m.say("Kies coalities uit de lijst.", "Choose coalitions from the list.") }
        guard errors.isEmpty, let organisation else {
            return try await render(req, target, errors: errors).encodeResponse(status: .unprocessableEntity, for: req)
        }
        return try await change(req, .placement(organisation: organisation, coalitions: coalitions), done: "admin.person.placed", target: target)
    }

    private func change(_ req: Request, _ change: PeopleChange, done: String, target: Target? = nil) async throws -> Response {
        let loaded: Target
        if let target { loaded = target } else { loaded = try await Target.load(req) }
        let isPlacement = if case .placement = change { true } else { false }
        if !isPlacement {
            guard loaded.scope.mayChange(loaded.user, memberships: loaded.memberships) else {
                guard loaded.isOwnAccount else { throw PageError.forbidden }
                return try await render(req, loaded, refusal: req.t("admin.person.own")).encodeResponse(status: .conflict, for: req)
            }
        }
        do {
            _ = try await PeopleDesk.apply(change, to: loaded.user.requireID(), by: loaded.scope.actor, on: req.db, logger: req.logger)
        } catch PeopleRefusal.lastAdmin {
            return try await render(req, loaded, refusal: req.t("admin.person.lastAdmin")).encodeResponse(status: .conflict, for: req)
        }
        req.flash(req.t(done))
        return req.redirect(to: AdminPaths.person(try loaded.user.requireID()))
    }

    /// The account of the path, in the visitor's scope; anything else is a 404.
    struct Target {
        var scope: PeopleScope
        var user: User
        var memberships: Set<UUID>
        var isOwnAccount: Bool { user.id == scope.actor.id }

        static func load(_ req: Request) async throws -> Target {
            let scope = try await PeopleScope.load(for: try req.requireUser(), on: req.db)
            guard let id = req.parameters.get("user", as: UUID.self),
                  let user = try await User.query(on: req.db).filter(\.$id == id).with(\.$organisation).first() else { throw PageError.notFound }
            let memberships = try await PeopleScope.memberships(of: [id], on: req.db)[id] ?? []
            guard scope.sees(memberships: memberships) else { throw PageError.notFound }
            return Target(scope: scope, user: user, memberships: memberships)
        }
    }

    private func render(_ req: Request, _ t: Target, refusal: String? = nil, errors: FieldErrors = [:]) async throws -> View {
        let user = t.user, id = try user.requireID()
        let coalitions = try await Coalition.allSorted(on: req.db)
        let organisations = t.scope.isAdmin ? try await Organisation.query(on: req.db).all()
            .map { (DutchText.fold($0.name), $0) }.sorted { $0.0 < $1.0 }.map(\.1) : []
        let title = errors.isEmpty ? user.name : req.t("form.errors.prefix") + user.name
        return try await req.view.render("platform/admin/person", PersonPage(
            page: try await req.pageMeta(title: title, forms: true),
            id: id.slug, name: user.name, email: user.email, organisation: user.organisation.name,
            role: req.t("role.\(user.role.rawValue)"), active: user.isActive,
            coalitions: coalitions.filter { t.memberships.contains($0.id!) }.map(\.name),
            canChange: t.scope.mayChange(user, memberships: t.memberships), isOwnAccount: t.isOwnAccount, isAdmin: t.scope.isAdmin,
            roles: t.scope.assignableRoles.map { SelectOption(value: $0.rawValue, label: req.t("role.\($0.rawValue)"), selected: $0 == user.role) },
            organisations: organisations.map { SelectOption(value: $0.id!.slug, label: $0.name, selected: $0.id == user.$organisation.id) },
            coalitionChecks: t.scope.isAdmin ? coalitions.map { .init(value: $0.id!.slug, label: $0.name, checked: t.memberships.contains($0.id!)) } : [],
            base: AdminPaths.person(id), refusal: refusal, errors: errors,
            errorList: ErrorLink.list(errors, order: ["rol", "organisation", "coalitie"])))
    }
}
