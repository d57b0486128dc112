import Fluent
import Vapor

/// The invitee's side (issue #14): `GET /uitnodiging/<token>` asks her name and a password,
/// the POST makes her account, uses the link up and signs her in on her start page.
struct InvitationAcceptController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("uitnodiging", ":token", use: form)
        routes.post("uitnodiging", ":token", use: accept)
    }

    @Sendable func form(req: Request) async throws -> Response {
        let token = req.parameters.get("token") ?? ""
        guard let invitation = try await InvitationDesk.usable(token: token, on: req.db, now: Date()) else {
            return try await LinkPages.gone(req, invitation: true)
        }
        return try await render(req, token: token, invitation: invitation, form: .init(), errors: FormErrors(), status: .ok)
    }

    @Sendable func accept(req: Request) async throws -> Response {
        let token = req.parameters.get("token") ?? ""
        let now = Date()
        guard let invitation = try await InvitationDesk.usable(token: token, on: req.db, now: now) else {
            return try await LinkPages.gone(req, invitation: true)
        }
        let form = try req.content.decode(LinkPages.PasswordForm.self)
        let errors = LinkPages.check(form, email: invitation.email, asksName: true, req)
        guard errors.isEmpty, let password = form.password else {
            return try await render(req, token: token, invitation: invitation, form: form, errors: errors, status: .unprocessableEntity)
        }
        guard let hash = try await LinkPages.hash(password, req) else { throw Abort(.tooManyRequests, reason: req.t("login.busy")) }
        let name = (form.name ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let user: User
        do {
            user = try await InvitationDesk.accept(try invitation.requireID(), name: name, passwordHash: hash, on: req.db, now: now)
        } catch InvitationDesk.Refusal.notOpen {
            return try await LinkPages.gone(req, invitation: true)
        }
        try await SessionStart.signIn(user, req, now: now)
        req.flash(req.t("invite.accept.welcome"))
        let response = req.redirect(to: "/")
        InvitationController.keepTokenPrivate(response)
        return response
    }

    private func render(_ req: Request, token: String, invitation: Invitation, form: LinkPages.PasswordForm, errors: FormErrors,
                        status: HTTPResponseStatus) async throws -> Response {
        try await LinkPages.choosePassword(req, PasswordChoicePage(
            page: try await req.pageMeta(title: req.t("invite.accept.title"), forms: true),
            action: "/uitnodiging/" + token, email: invitation.email, asksName: true, name: form.name ?? "",
            heading: req.t("invite.accept.title"), lead: req.t("invite.accept.lead"), submit: req.t("invite.accept.submit"),
            errors: errors.byField, errorList: errors.list), status: status)
    }
}
