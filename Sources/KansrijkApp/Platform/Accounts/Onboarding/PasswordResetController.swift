import Fluent
import Vapor

struct PasswordForgotPage: Encodable {
    var page: PageMeta
    var email: String
    var sent: Bool
    var error: String?
}

struct PasswordResetDonePage: Encodable {
    var page: PageMeta
}

/// Forgotten password (issue #14): `/wachtwoord-vergeten` asks the address and always answers the
/// same, at once (the work runs afterwards); `/wachtwoord-herstellen/<token>` sets a new password,
/// ends every session of the account and sends her to the log-in page. A second factor stays: the
/// next log-in still asks for it.
struct PasswordResetController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("wachtwoord-vergeten", use: forgotForm)
        routes.post("wachtwoord-vergeten", use: forgot)
        routes.get("wachtwoord-herstellen", ":token", use: resetForm)
        routes.post("wachtwoord-herstellen", ":token", use: reset)
    }

    struct ForgotForm: Content { var email: String? }

    @Sendable func forgotForm(req: Request) async throws -> View {
        try await req.view.render("platform/password-forgot", PasswordForgotPage(
            page: try await req.pageMeta(title: req.t("forgot.title"), forms: true), email: "", sent: false, error: nil))
    }

    @Sendable func forgot(req: Request) async throws -> Response {
        let email = String((try req.content.decode(ForgotForm.self).email ?? "").trimmingCharacters(in: .whitespacesAndNewlines).lowercased().prefix(320))
        guard InvitationController.looksLikeEmail(email) else {
            return try await req.view.render("platform/password-forgot", PasswordForgotPage(
                page: try await req.pageMeta(title: req.t("forgot.title"), forms: true), email: email, sent: false,
                error: req.t("forgot.error.email"))).encodeResponse(status: .unprocessableEntity, for: req)
        }
        let now = Date(), limits = req.application.passwordResetLimits
        guard try await limits.perAddress.admit(req.clientAddress, now: now, on: req.db) else {
            throw Abort(.tooManyRequests, reason: req.t("forgot.error.toomany"))
        }
        // the same page, at once, whether or not the address has an account; the look-up runs after
        // the answer. Past five requests an hour for one address no more mail goes there.
        if try await limits.perEmail.admit(email, now: now, on: req.db) {
            let app = req.application, baseURL = req.publicBaseURL
            app.onboardingBackground.run(req.logger) { try await PasswordResetDesk.issue(email: email, baseURL: baseURL, on: app.db, now: now) }
        }
        return try await req.view.render("platform/password-forgot", PasswordForgotPage(
            page: try await req.pageMeta(title: req.t("forgot.title"), forms: true), email: email, sent: true, error: nil)).encodeResponse(for: req)
    }

    @Sendable func resetForm(req: Request) async throws -> Response {
        let token = req.parameters.get("token") ?? ""
        guard let (_, user) = try await PasswordResetDesk.usable(token: token, on: req.db, now: Date()) else {
            return try await LinkPages.gone(req, invitation: false)
        }
        return try await render(req, token: token, email: user.email, errors: FormErrors(), status: .ok)
    }

    @Sendable func reset(req: Request) async throws -> Response {
        let token = req.parameters.get("token") ?? ""
        let now = Date()
        guard let (resetToken, user) = try await PasswordResetDesk.usable(token: token, on: req.db, now: now) else {
            return try await LinkPages.gone(req, invitation: false)
        }
        let form = try req.content.decode(LinkPages.PasswordForm.self)
        let errors = LinkPages.check(form, email: user.email, asksName: false, req)
        guard errors.isEmpty, let password = form.password else {
            return try await render(req, token: token, email: user.email, errors: errors, status: .unprocessableEntity)
        }
        guard let hash = try await LinkPages.hash(password, req) else { throw Abort(.tooManyRequests, reason: req.t("login.busy")) }
        guard try await PasswordResetDesk.complete(try resetToken.requireID(), passwordHash: hash, on: req.db, now: now) else {
            return try await LinkPages.gone(req, invitation: false)
        }
        // whoever is on this browser is no longer signed in either: she logs in afresh (second factor included)
        if req.auth.has(User.self) {
            req.auth.logout(User.self)
            req.session.destroy()
        }
        let response = try await req.view.render("platform/password-reset-done", PasswordResetDonePage(
            page: try await req.pageMeta(title: req.t("reset.done.title")))).encodeResponse(for: req)
        InvitationController.keepTokenPrivate(response)
        return response
    }

    private func render(_ req: Request, token: String, email: String, errors: FormErrors, status: HTTPResponseStatus) async throws -> Response {
        try await LinkPages.choosePassword(req, PasswordChoicePage(
            page: try await req.pageMeta(title: req.t("reset.title"), forms: true),
            action: "/wachtwoord-herstellen/" + token, email: email, asksName: false, name: "",
            heading: req.t("reset.title"), lead: req.t("reset.lead"), submit: req.t("reset.submit"),
            errors: errors.byField, errorList: errors.list), status: status)
    }
}
