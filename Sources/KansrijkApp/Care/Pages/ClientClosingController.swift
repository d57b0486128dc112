import Fluent
import Vapor

struct ClientClosePage: Encodable {
    var page: PageMeta
    var base: String
    var code: String
    var name: String
    var reasons: [SelectOption]
    var form: ClientCloseForm
    var errors: FieldErrors
    var errorList: [ErrorLink]
}

/// Closing the care with a reason, on a page of its own that is the confirmation (no record closes
/// on one click), and reopening it (issue #15). The retention term runs from closing.
struct ClientClosingController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let c = routes.grouped("zorg", "clienten", ":client")
        c.get("afsluiten", use: confirm)
        c.post("afsluiten", use: close)
        c.post("heropenen", use: reopen)
    }

    @Sendable func confirm(req: Request) async throws -> Response {
        let (_, access) = try await req.careAccess()
        let now = Date()
        let (client, basis) = try await req.careClient(access, now: now)
        try await refuseUnlessMayClose(req, client: client, access: access, basis: basis, now: now)
        if client.closedAt != nil { return alreadyClosed(req, client) }
        try await req.audit(.read, client: client.id, basis: basis, what: "close form", now: now)
        return try await render(req, client: client, form: ClientCloseForm(), errors: [:]).encodeResponse(for: req)
    }

    @Sendable func close(req: Request) async throws -> Response {
        let (user, access) = try await req.careAccess()
        let now = Date()
        let (client, basis) = try await req.careClient(access, now: now)
        try await refuseUnlessMayClose(req, client: client, access: access, basis: basis, now: now)
        if client.closedAt != nil { return alreadyClosed(req, client) }
        let form = try req.content.decode(ClientCloseForm.self)
        switch form.validate(english: req.isEnglish) {
        case .failure(let errors):
            try await req.audit(.read, client: client.id, basis: basis, what: "close form (not valid)", now: now)
            return try await render(req, client: client, form: form, errors: errors).encodeResponse(status: .unprocessableEntity, for: req)
        case .success(let (reason, note)):
            try await ClientRecordChanges.close(client, reason: reason, note: note, basis: basis, by: user, on: req.db, now: now)
            req.flash(req.t("client.closed.done"))
            return req.redirect(to: "/zorg/clienten/\(try client.requireID().slug)")
        }
    }

    /// Any involved organisation reopens (not under emergency access, which only reads).
    @Sendable func reopen(req: Request) async throws -> Response {
        let (user, access) = try await req.careAccess()
        let now = Date()
        let (client, basis) = try await req.careClient(access, now: now)
        if client.closedAt == nil {
            try await req.audit(.read, client: client.id, basis: basis, what: "reopen: record was open", now: now)
            req.flash(req.t("client.reopen.open"))
        } else {
            try await ClientRecordChanges.reopen(client, basis: basis, by: user, on: req.db, now: now)
            req.flash(req.t("client.reopened"))
        }
        return req.redirect(to: "/zorg/clienten/\(try client.requireID().slug)")
    }

    private func refuseUnlessMayClose(_ req: Request, client: CareClient, access: CareAccess, basis: AccessBasis, now: Date) async throws {
        guard try await ClientRecordChanges.mayClose(client, organisation: access.organisationID, on: req.db, now: now) else {
            try await req.audit(.denied, client: client.id, basis: basis, what: "close refused: the creating organisation is still involved", now: now)
            throw Abort(.forbidden, reason: req.t("client.close.notowner"))
        }
    }

    private func alreadyClosed(_ req: Request, _ client: CareClient) -> Response {
        req.flash(req.t("client.close.already"))
        return req.redirect(to: "/zorg/clienten/\(client.id?.slug ?? "")")
    }

    private func render(_ req: Request, client: CareClient, form: ClientCloseForm, errors: FieldErrors) async throws -> View {
        try await req.view.render("care/client-close", ClientClosePage(
            page: try await req.pageMeta(title: "\(req.t("client.close")) \(client.code)", forms: true),
            base: "/zorg/clienten/\(try client.requireID().slug)", code: client.code, name: client.name,
            reasons: ClosingReason.allCases.map { SelectOption(value: $0.rawValue, label: req.t("client.close.reason.\($0.rawValue)"), selected: $0.rawValue == form.reason) },
            form: form, errors: errors, errorList: ErrorLink.list(errors, order: ["reason", "note"])))
    }
}
