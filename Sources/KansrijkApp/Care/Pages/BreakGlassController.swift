import Fluent
import Vapor

struct BreakGlassForm: Content, Sendable {
    var code: String?
    var reasonKind: String?
    var reason: String?

    enum CodingKeys: String, CodingKey { case code, reasonKind = "reason_kind", reason }
}

struct BreakGlassPage: Encodable {
    struct Grant: Encodable { var href: String; var code: String; var until: String }
    var page: PageMeta
    var form: BreakGlassForm
    var reasons: [SelectOption]
    var minutes: Int
    var grants: [Grant]
    var errors: FieldErrors
    var errorList: [ErrorLink]
}

/// Break-the-glass (issue #13, item 2): a care professional opens a client of her region or
/// coalitions that her organisation is not involved with, for one hour, read-only, with a reason
/// from a fixed list and a text. The answer is the same for every code (the page lists her own
/// grants; whether a code matched is never said), requests are limited per user, and every grant
/// is announced and reviewed (`BreakGlassReviewController`).
struct BreakGlassController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let g = routes.grouped("zorg", "noodtoegang")
        g.get(use: form)
        g.post(use: request)
    }

    @Sendable func form(req: Request) async throws -> View {
        let user = try req.requireUser()
        guard BreakGlassDesk.mayAsk(user) else { throw PageError.forbidden }
        return try await render(req, user: user, form: BreakGlassForm(), errors: [:])
    }

    @Sendable func request(req: Request) async throws -> Response {
        let (user, access) = try await req.careAccess()
        guard BreakGlassDesk.mayAsk(user) else { throw PageError.forbidden }
        let now = Date()
        let form = try req.content.decode(BreakGlassForm.self)
        let m = CareMessages(english: req.isEnglish)
        var errors = FieldErrors()
        let code = FormInput.text(form.code)?.uppercased()
        if code == nil { errors["code"] = m.required("code") }
        else if let code, !BreakGlassDesk.isWellFormed(code: code) { errors["code"] = req.t("breakglass.code.format") }
        let kind = form.reasonKind.flatMap(BreakGlassReason.init(rawValue:))
        if kind == nil { errors["reason_kind"] = req.t("breakglass.reason.kind.required") }
        let reason = FormInput.limited(form.reason, "reason", max: 1000, required: true, &errors, m.workspace)
        errors = m.naming(errors)
        if let reason, reason.count < 10 { errors["reason"] = m.reasonShort }
        guard errors.isEmpty, let code, let kind, let reason else {
            return try await render(req, user: user, form: form, errors: errors).encodeResponse(status: .unprocessableEntity, for: req)
        }
        // one request per user at a time, across instances, so parallel requests cannot all pass the count
        let userID = try user.requireID()
        let handled = try await SharedSlots.holding("noodtoegang:" + userID.uuidString, limit: 1, lease: Self.lease, on: req.db, now: now) {
            try await record(req, user: user, access: access, form: form, code: code, kind: kind, reason: reason, now: now)
        }
        if let handled { return handled }
        let response = try await render(req, user: user, form: form, errors: ["code": req.t("breakglass.ratelimited")
            .replacingOccurrences(of: "{wait}", with: LoginWait.text(seconds: 5, english: req.isEnglish))]).encodeResponse(status: .tooManyRequests, for: req)
        response.headers.replaceOrAdd(name: .retryAfter, value: "5")
        return response
    }

    /// How long a request holds its user's slot at most when its instance stops before giving it back.
    static let lease: TimeInterval = 30

    private func record(_ req: Request, user: User, access: CareAccess, form: BreakGlassForm, code: String, kind: BreakGlassReason,
                        reason: String, now: Date) async throws -> Response {
        let desk = BreakGlassDesk(db: req.db)
        do {
            try await desk.check(user, now: now)
        } catch BreakGlassDesk.Refusal.rateLimited(let seconds) {
            let errors: FieldErrors = ["code": req.t("breakglass.ratelimited").replacingOccurrences(of: "{wait}", with: LoginWait.text(seconds: seconds, english: req.isEnglish))]
            let response = try await render(req, user: user, form: form, errors: errors).encodeResponse(status: .tooManyRequests, for: req)
            response.headers.replaceOrAdd(name: .retryAfter, value: String(seconds))
            return response
        }
        _ = try await desk.request(code: code, reasonKind: kind, reason: reason, by: user, now: now,
                                   hasAccess: { clientID in try await access.basis(for: clientID, on: req.db, now: now) != nil },
                                   audit: { action, clientID, basis, what, db in
                                       try await req.audit(action, client: clientID, basis: basis, what: what, on: db, now: now)
                                   })
        req.flash(req.t("breakglass.recorded"))
        return req.redirect(to: "/zorg/noodtoegang")
    }

    private func render(_ req: Request, user: User, form: BreakGlassForm, errors: FieldErrors) async throws -> View {
        let now = Date()
        let grants = try await BreakGlassAccess.query(on: req.db).filter(\.$user.$id == user.requireID())
            .filter(\.$expiresAt > now).sort(\.$grantedAt, .descending).all()
        let clients = grants.isEmpty ? [] : try await CareClient.query(on: req.db).filter(\.$id ~~ grants.map(\.clientID)).all()
        let codes = Dictionary(clients.compactMap { c in c.id.map { ($0, c.code) } }, uniquingKeysWith: { a, _ in a })
        let rows = grants.compactMap { g in
            codes[g.clientID].map { BreakGlassPage.Grant(href: "/zorg/clienten/\(g.clientID.slug)", code: $0, until: MeetingTime.dutch(g.expiresAt)) }
        }
        let reasons = BreakGlassReason.allCases.map {
            SelectOption(value: $0.rawValue, label: req.t("breakglass.reason.\($0.rawValue)"), selected: form.reasonKind == $0.rawValue)
        }
        return try await req.view.render("care/breakglass", BreakGlassPage(
            page: try await req.pageMeta(title: req.t("breakglass.title"), forms: true), form: form, reasons: reasons,
            minutes: Int(BreakGlassAccess.duration / 60), grants: rows,
            errors: errors, errorList: ErrorLink.list(errors, order: ["code", "reason_kind", "reason"])))
    }
}

