import Fluent
import Vapor

struct BreakGlassForm: Content, Sendable {
    var code: String?
    var reason: String?
}

struct BreakGlassPage: Encodable {
    var page: PageMeta
    var form: BreakGlassForm
    var hours: Int
    var errors: FieldErrors
    var errorList: [ErrorLink]
}

struct BreakGlassListPage: Encodable {
    struct Row: Encodable { var user: String; var reason: String; var granted: String; var expires: String; var active: Bool }
    var page: PageMeta
    var grants: [Row]
}

/// Break-the-glass: urgent access to a client the organisation is not involved with, with a reason,
/// for a few hours; logged, and listed for the admins of the user's organisation.
struct BreakGlassController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let g = routes.grouped("zorg", "noodtoegang")
        g.get(use: form)
        g.post(use: grant)
        g.get("overzicht", use: list)
    }

    @Sendable func form(req: Request) async throws -> View {
        _ = try req.requireUser()
        return try await render(req, form: BreakGlassForm(), errors: [:])
    }

    @Sendable func grant(req: Request) async throws -> Response {
        let (user, access) = try await req.careAccess()
        let now = Date()
        let form = try req.content.decode(BreakGlassForm.self)
        let m = CareMessages(english: req.isEnglish)
        var errors = FieldErrors()
        let code = FormInput.text(form.code)?.uppercased()
        if code == nil { errors["code"] = m.required("code") }
        let reason = FormInput.limited(form.reason, "reason", max: 1000, required: true, &errors, m.workspace)
        errors = m.naming(errors)
        if let reason, reason.count < 10 { errors["reason"] = m.reasonShort }
        var client: CareClient?
        if let code, errors["code"] == nil {
            client = try await CareClient.query(on: req.db).filter(\.$code == code).first()
            if client == nil { errors["code"] = m.unknownCode }
        }
        guard errors.isEmpty, let client, let reason else {
            if client == nil, code != nil, errors["code"] == m.unknownCode {
                try await req.audit(.denied, client: nil, basis: nil, what: "break-the-glass with an unknown code", now: now)
            }
            return try await render(req, form: form, errors: errors).encodeResponse(status: .unprocessableEntity, for: req)
        }
        let clientID = try client.requireID()
        if try await access.basis(for: clientID, on: req.db, now: now) == nil {
            try await req.db.auditedTransaction { db in
                let grant = BreakGlassAccess(clientID: clientID, userID: try user.requireID(), organisationID: user.$organisation.id,
                                             reason: reason, now: now)
                try await grant.create(on: db)
                try await req.audit(.breakGlass, client: clientID, basis: .breakTheGlass(try grant.requireID()),
                                    what: "break-the-glass access granted", on: db, now: now)
            }
            req.flash(req.t("breakglass.granted"))
        }
        return req.redirect(to: "/zorg/clienten/\(clientID.slug)")
    }

    /// For administrators: every break-the-glass grant, newest first, with who and why.
    @Sendable func list(req: Request) async throws -> View {
        _ = try req.requireRole(.admin)
        let grants = try await BreakGlassAccess.query(on: req.db).with(\.$user).with(\.$organisation)
            .sort(\.$grantedAt, .descending).limit(500).all()
        let now = Date()
        let rows = grants.map {
            BreakGlassListPage.Row(user: "\($0.user.name) (\($0.user.email)), \($0.organisation.name)", reason: $0.reason, granted: MeetingTime.dutch($0.grantedAt),
                                   expires: MeetingTime.dutch($0.expiresAt), active: $0.expiresAt > now)
        }
        return try await req.view.render("care/breakglass-list", BreakGlassListPage(page: try await req.pageMeta(title: req.t("breakglass.list.title")), grants: rows))
    }

    private func render(_ req: Request, form: BreakGlassForm, errors: FieldErrors) async throws -> View {
        try await req.view.render("care/breakglass", BreakGlassPage(
            page: try await req.pageMeta(title: req.t("breakglass.title"), forms: true), form: form,
            hours: Int(BreakGlassAccess.duration / 3600), errors: errors, errorList: ErrorLink.list(errors, order: ["code", "reason"])))
    }
}
