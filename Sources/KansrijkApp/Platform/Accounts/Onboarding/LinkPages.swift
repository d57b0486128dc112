import Vapor

struct LinkGonePage: Encodable {
    var page: PageMeta
    var heading: String
    var message: String
    var action: String
    var actionLabel: String
}

struct PasswordChoicePage: Encodable {
    var page: PageMeta
    var action: String
    var email: String
    /// The invitation asks for her name; a reset does not.
    var asksName: Bool
    var name: String
    var heading: String
    var lead: String
    var submit: String
    var errors: [String: String]
    var errorList: [FormErrors.Item]
}

/// The pages behind a mailed link (invitation, password reset): they carry the link's secret in
/// their address, so they send no Referer and are kept by no cache.
enum LinkPages {
    /// One clear page for every link that cannot be used (unknown, used, revoked, expired): 410, so
    /// it does not say which.
    static func gone(_ req: Request, invitation: Bool) async throws -> Response {
        let page = LinkGonePage(
            page: try await req.pageMeta(title: req.t("link.gone.title")),
            heading: req.t("link.gone.title"),
            message: req.t(invitation ? "link.gone.invitation" : "link.gone.reset"),
            action: invitation ? "/inloggen" : "/wachtwoord-vergeten",
            actionLabel: req.t(invitation ? "link.gone.invitation.action" : "link.gone.reset.action"))
        let response = try await req.view.render("platform/link-gone", page).encodeResponse(status: .gone, for: req)
        InvitationController.keepTokenPrivate(response)
        return response
    }

    static func choosePassword(_ req: Request, _ page: PasswordChoicePage, status: HTTPResponseStatus) async throws -> Response {
        let response = try await req.view.render("platform/choose-password", page).encodeResponse(status: status, for: req)
        InvitationController.keepTokenPrivate(response)
        return response
    }

    struct PasswordForm: Content {
        var name: String?
        var password: String?
        var password2: String?
    }

    /// The errors of a chosen password (and name, when asked), by field.
    static func check(_ form: PasswordForm, email: String, asksName: Bool, _ req: Request) -> FormErrors {
        var errors = FormErrors()
        if asksName {
            let name = (form.name ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            if name.isEmpty || name.count > 200 { errors.add("name", req.t("password.rule.name")) }
        }
        if let problem = PasswordRules.check(form.password, repeated: form.password2, email: email) {
            errors.add(problem == .mismatch ? "password2" : "password", req.t(problem.rawValue))
        }
        return errors
    }

    /// A bcrypt hash of the new password, through the gate that bounds bcrypt work; nil when the gate is full.
    static func hash(_ password: String, _ req: Request) async throws -> String? {
        try await req.application.passwordCheckGate.run { try await req.password.async.hash(password) }
    }
}
