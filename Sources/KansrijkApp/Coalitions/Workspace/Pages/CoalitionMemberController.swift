import Fluent
import Vapor

struct CoalitionMembersPage: Encodable {
    struct Row: Encodable {
        var name: String; var email: String; var organisation: String; var role: String; var removeAction: String?
    }
    var page: PageMeta
    var ws: WorkspaceHeader
    var rows: [Row]
    var form: CoalitionMemberForm
    var errors: FieldErrors
    var errorList: [ErrorLink]
    /// The coalition's accounts on "Mensen" (roles, deactivation), for its editors.
    var peopleURL: String?
}

/// Who works in the coalition's workspace: the accounts that are members. Membership is what makes a
/// coordinator an editor of this coalition (ADR 0006), so editors add colleagues here by e-mail
/// address instead of asking an operator for `kansrijk user create`.
struct CoalitionMemberController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let m = routes.grouped("coalities", ":slug", "leden")
        m.get(use: list)
        m.post(use: add)
        m.post(":id", "verwijderen", use: remove)
    }

    @Sendable func list(req: Request) async throws -> View {
        let ws = try await req.workspace(.read)
        return try await render(req, ws, form: CoalitionMemberForm(), errors: [:])
    }

    @Sendable func add(req: Request) async throws -> Response {
        let ws = try await req.workspace(.edit)
        let form = try req.content.decode(CoalitionMemberForm.self)
        var user: User?
        if let email = FormInput.text(form.email) { user = try await User.find(email: email, on: req.db) }
        let members = try await CoalitionMember.query(on: req.db).filter(\.$coalition.$id == ws.id).all()
        switch form.validate(user: user, memberIDs: Set(members.map { $0.$user.id }), english: req.isEnglish) {
        case .failure(let errors):
            return try await render(req, ws, form: form, errors: errors).encodeResponse(status: .unprocessableEntity, for: req)
        case .success(let user):
            try await CoalitionMember(coalitionID: ws.id, userID: user.requireID()).create(on: req.db)
            req.flash(req.isEnglish ? "\(user.name) is now a member of \(ws.coalition.name)." : "\(user.name) is nu lid van \(ws.coalition.name).")
            return req.redirect(to: "\(ws.base)/leden")
        }
    }

    @Sendable func remove(req: Request) async throws -> Response {
        let ws = try await req.workspace(.edit)
        guard let id = req.parameters.get("id", as: UUID.self),
              let member = try await CoalitionMember.query(on: req.db).filter(\.$id == id).with(\.$user).first(),
              member.$coalition.id == ws.id else { throw PageError.notFound }
        // a coordinator who removed themselves would lock themselves out halfway through the page
        if member.$user.id == ws.user.id, ws.user.role != .admin {
            req.flash(req.isEnglish ? "You cannot remove yourself. Ask another coordinator or an administrator."
                                    : "Je kunt jezelf niet verwijderen. Vraag een andere coördinator of een beheerder.")
        } else {
            if let ask = try await req.deleteConfirmation(.init(kindKey: "confirm.kind.member", name: member.user.name,
                                                                consequenceKey: "confirm.consequence.member"), back: "\(ws.base)/leden") { return ask }
            try await member.delete(on: req.db)
            req.flash(req.isEnglish ? "\(member.user.name) is no longer a member." : "\(member.user.name) is geen lid meer.")
        }
        return req.redirect(to: "\(ws.base)/leden")
    }

    private func render(_ req: Request, _ ws: CoalitionWorkspace, form: CoalitionMemberForm, errors: FieldErrors) async throws -> View {
        let members = try await CoalitionMember.query(on: req.db).filter(\.$coalition.$id == ws.id)
            .with(\.$user) { $0.with(\.$organisation) }.all()
            .sorted { $0.user.name.localizedCompare($1.user.name) == .orderedAscending }
        return try await req.view.render("coalitions/members", CoalitionMembersPage(
            page: try await req.workspaceMeta(ws, req.t("coalition.tab.members"), errors: !errors.isEmpty),
            ws: WorkspaceHeader(ws, .members, req),
            rows: members.map { m in
                .init(name: m.user.name, email: m.user.email, organisation: m.user.organisation.name, role: req.t("role.\(m.user.role.rawValue)"),
                      removeAction: ws.canEdit && (m.$user.id != ws.user.id || ws.user.role == .admin)
                          ? "\(ws.base)/leden/\(m.id!.slug)/verwijderen" : nil)
            },
            form: form, errors: errors, errorList: ErrorLink.list(errors, order: ["email"]),
            peopleURL: ws.canEdit ? "\(AdminPaths.people)?coalitie=\(ws.id.slug)" : nil))
    }
}

/// "Lid toevoegen": the e-mail address of an existing, active account.
struct CoalitionMemberForm: Content {
    var email: String?

    func validate(user: User?, memberIDs: Set<UUID>, english: Bool) -> Result<User, FieldErrors> {
        let m = FieldMessages(english: english)
        guard FormInput.text(email) != nil else { return .failure(["email": m.required]) }
        guard let user, user.isActive else {
            return .failure(["email": english ? "There is no active account with this e-mail address. Check the spelling, or ask an administrator to create the account."
                                               : "Er is geen actief account met dit e-mailadres. Controleer de spelling, of vraag een beheerder het account aan te maken."])
        }
        guard let id = user.id, !memberIDs.contains(id) else {
            return .failure(["email": english ? "\(user.name) is already a member of this coalition." : "\(user.name) is al lid van deze coalitie."])
        }
        return .success(user)
    }
}
