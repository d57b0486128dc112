import Fluent
import Vapor

struct ExtraCareNewPage: Encodable {
    var page: PageMeta
    var clientHref: String
    var clientCode: String
    var action: String
    var form: ExtraCareRequestForm
    var units: [SelectOption]
    var deciders: [String]
    var noDecider: Bool
    var errors: FieldErrors
    var errorList: [ErrorLink]
}

/// A professional of an organisation involved with the client asks for extra care (issue 15).
struct ExtraCareRequestController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let c = routes.grouped("zorg", "clienten", ":client", "extra-zorg")
        c.get(use: new)
        c.post(use: create)
    }

    @Sendable func new(req: Request) async throws -> View {
        let (client, basis) = try await scope(req)
        try await req.audit(.read, client: client.id, basis: basis, what: "extra care request form", now: Date())
        return try await render(req, client: client, form: ExtraCareRequestForm(unit: "days"), errors: [:])
    }

    @Sendable func create(req: Request) async throws -> Response {
        let (client, basis) = try await scope(req)
        let user = try req.requireUser()
        let form = try req.content.decode(ExtraCareRequestForm.self)
        let now = Date()
        switch form.validate(english: req.isEnglish) {
        case .failure(let errors):
            return try await render(req, client: client, form: form, errors: errors).encodeResponse(status: .unprocessableEntity, for: req)
        case .success(let v):
            do {
                let r = try await ExtraCareDesk(db: req.db, notifier: Notifier(app: req.application))
                    .request(v, client: client, basis: basis, by: user, now: now)
                req.flash(req.t("extracare.requested"))
                return req.redirect(to: ExtraCarePaths.request(try r.requireID()))
            } catch ExtraCareDesk.Refusal.noDecider {
                return try await render(req, client: client, form: form, errors: ["care": req.t("extracare.nodecider")])
                    .encodeResponse(status: .unprocessableEntity, for: req)
            }
        }
    }

    /// The client, for a care professional of an involved organisation (emergency access reads only).
    private func scope(_ req: Request) async throws -> (CareClient, AccessBasis) {
        let (user, access) = try await req.careAccess()
        guard user.role == .professional else { throw Abort(.forbidden, reason: req.t("extracare.professionals")) }
        return try await req.careClient(access, now: Date())
    }

    private func render(_ req: Request, client: CareClient, form: ExtraCareRequestForm, errors: FieldErrors) async throws -> View {
        let id = try client.requireID()
        var deciders: [String] = []
        if let coalition = try await ExtraCareDeciders.coalition(for: client.municipalityCode, on: req.db) {
            deciders = try await ExtraCareDeciders.users(of: coalition.requireID(), on: req.db).map(\.name)
        }
        return try await req.view.render("care/extra-care-new", ExtraCareNewPage(
            page: try await req.pageMeta(title: (errors.isEmpty ? "" : req.t("form.errors.prefix")) + req.t("extracare.new.title"), forms: true),
            clientHref: "/zorg/clienten/\(id.slug)", clientCode: client.code, action: ExtraCarePaths.new(client: id), form: form,
            units: ExtraCareUnit.allCases.map { SelectOption(value: $0.rawValue, label: req.t("extracare.unit.\($0.rawValue)"), selected: form.unit == $0.rawValue) },
            deciders: deciders, noDecider: deciders.isEmpty, errors: errors, errorList: ErrorLink.list(errors, order: ExtraCareRequestForm.order)))
    }
}
