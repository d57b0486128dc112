import Fluent
import Vapor

struct PrivacyPage: Encodable {
    var page: PageMeta
    var code: String
    var error: String?
}

/// `/zorg/beheer`: an administrator exports (right of access) or erases (right to erasure) a client by code.
/// Both are audited with the basis `administration`; the export is JSON.
struct PrivacyController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let p = routes.grouped("zorg", "beheer")
        p.get(use: show)
        p.post("export", use: export)
        p.post("wissen", use: erase)
    }

    @Sendable func show(req: Request) async throws -> View {
        _ = try req.require(.careAdministration)
        return try await req.view.render("care/client-privacy", PrivacyPage(page: try await req.pageMeta(title: req.t("privacy.title"), forms: true), code: "", error: nil))
    }

    struct Form: Content { var code: String?; var confirm: String? }

    @Sendable func export(req: Request) async throws -> Response {
        _ = try req.require(.careAdministration)
        let now = Date()
        let form = try req.content.decode(Form.self)
        guard let client = try await find(form.code, on: req.db) else { return try await refuse(req, form, CareMessages(english: req.isEnglish).unknownCode) }
        // events of earlier changes that are still on their way into the chain belong in the export
        try await AuditOutbox.drain(on: req.db)
        let data = try await req.db.auditedTransaction { db in
            let export = try await ClientPrivacy.export(client, on: db, now: now)
            try await req.audit(.export, client: client.id, basis: .administration, what: "export (right of access)", on: db, now: now)
            let encoder = JSONEncoder()
            encoder.dateEncodingStrategy = .iso8601
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            return try encoder.encode(export)
        }
        let response = Response(status: .ok, body: .init(data: data))
        response.headers.contentType = .json
        response.headers.contentDisposition = .init(.attachment, filename: "client-\(client.code).json")
        return response
    }

    @Sendable func erase(req: Request) async throws -> Response {
        _ = try req.require(.careAdministration)
        let now = Date()
        let form = try req.content.decode(Form.self)
        guard let client = try await find(form.code, on: req.db) else { return try await refuse(req, form, CareMessages(english: req.isEnglish).unknownCode) }
        guard FormInput.text(form.confirm)?.uppercased() == client.code else { return try await refuse(req, form, req.t("privacy.erase.confirm.wrong")) }
        try await req.db.auditedTransaction { db in
            try await ClientPrivacy.erase(client, on: db)
            try await req.audit(.erase, client: client.id, basis: .administration, what: "erasure (right to erasure)", on: db, now: now)
        }
        req.flash(req.t("privacy.erased"))
        return req.redirect(to: "/zorg/beheer")
    }

    private func find(_ code: String?, on db: any Database) async throws -> CareClient? {
        guard let code = FormInput.text(code)?.uppercased() else { return nil }
        return try await CareClient.query(on: db).filter(\.$code == code).first()
    }

    private func refuse(_ req: Request, _ form: Form, _ message: String) async throws -> Response {
        try await req.view.render("care/client-privacy", PrivacyPage(page: try await req.pageMeta(title: req.t("privacy.title"), forms: true),
                                                                      code: form.code ?? "", error: message))
            .encodeResponse(status: .unprocessableEntity, for: req)
    }
}
