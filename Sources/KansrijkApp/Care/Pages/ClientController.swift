import Fluent
import Vapor

struct ClientEditPage: Encodable {
    var page: PageMeta
    var form: ClientForm
    var municipalityOptions: String
    var languages: [SelectOption]
    var errors: FieldErrors
    var errorList: [ErrorLink]
}

/// Creating a client and reading her page. Every request that touches client data writes one audit event.
struct ClientController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let c = routes.grouped("zorg", "clienten")
        c.get("nieuw", use: new)
        c.post(use: create)
        c.get(":client", use: show)
        c.post(":client", "betrokkenheid-beeindigen", use: endInvolvement)
    }

    /// Only care professionals keep client records (issue #13): coordinators, policy advisors and
    /// admins have no client of their own.
    @Sendable func new(req: Request) async throws -> View {
        _ = try req.require(.keepClientRecords)
        return try await render(req, form: ClientForm(municipality: nil, language: "nl"), errors: [:])
    }

    @Sendable func create(req: Request) async throws -> Response {
        let user = try req.require(.keepClientRecords)
        let form = try req.content.decode(ClientForm.self)
        let now = Date()
        switch form.validate(municipalities: Set(req.directory.municipalities.keys), today: CalendarDay.day(at: now), english: req.isEnglish) {
        case .failure(let errors):
            return try await render(req, form: form, errors: errors).encodeResponse(status: .unprocessableEntity, for: req)
        case .success(let v):
            // a double submit, or the same person entered twice: refuse and say where she is
            if try await CareClient.query(on: req.db).filter(\.$createdByOrganisation.$id == user.$organisation.id)
                .filter(\.$name == v.name).filter(\.$birthDate == v.birthDate).count() > 0 {
                return try await render(req, form: form, errors: ["name": req.t("client.duplicate")]).encodeResponse(status: .unprocessableEntity, for: req)
            }
            let client = try await ClientRecords.create(v, by: user, on: req.db, now: now)
            req.flash(req.t("client.created"))
            return req.redirect(to: "/zorg/clienten/\(client.id!.slug)")
        }
    }

    @Sendable func show(req: Request) async throws -> View {
        let (user, access) = try await req.careAccess()
        let now = Date()
        let (client, basis) = try await req.careClient(access, now: now)
        try await req.audit(.read, client: client.id, basis: basis, what: "client page", now: now)
        let page = try await ClientPageBuilder(req: req, user: user, client: client, basis: basis, now: now).build()
        return try await req.renderPrepared(ClientPageHTML(req: req, page: page, csrf: page.page.csrf ?? "").render(), meta: page.page)
    }

    /// An organisation that did not make the record ends its own involvement (issue #13): from then
    /// on it no longer sees the client, and the record stays with the others.
    @Sendable func endInvolvement(req: Request) async throws -> Response {
        let (_, access) = try await req.careAccess()
        let now = Date()
        let (client, basis) = try await req.careClient(access, now: now)
        let clientID = try client.requireID()
        guard client.$createdByOrganisation.id != access.organisationID else { throw Abort(.forbidden, reason: req.t("client.involvement.owner")) }
        try await req.db.auditedTransaction { db in
            let current = try await ClientInvolvement.query(on: db).filter(\.$client.$id == clientID)
                .filter(\.$organisation.$id == access.organisationID).filter(\.$since <= now)
                .group(.or) { $0.filter(\.$until == nil).filter(\.$until > now) }.all()
            for involvement in current {
                involvement.until = now
                try await involvement.save(on: db)
            }
            try await req.audit(.update, client: clientID, basis: basis, what: "involvement ended by the organisation", on: db, now: now)
        }
        req.flash(req.t("client.involvement.ended"))
        return req.redirect(to: "/zorg")
    }

    private func render(_ req: Request, form: ClientForm, errors: FieldErrors) async throws -> View {
        try await req.view.render("care/client-edit", ClientEditPage(
            page: try await req.pageMeta(title: req.t("client.new.title"), forms: true), form: form,
            municipalityOptions: SelectOption.municipalityOptionsHTML(req.directory, selected: form.municipality),
            languages: ClientLanguages.options(selected: form.language, english: req.isEnglish),
            errors: errors,
            errorList: ErrorLink.list(errors, order: ["name", "birth_date", "municipality", "expected_birth_date", "actual_birth_date", "language"])))
    }
}

extension Request {
    /// The `:client` path parameter; a malformed id is a 404 like an unknown one.
    func clientID() throws -> UUID {
        guard let id = parameters.get("client", as: UUID.self) else { throw PageError.notFound }
        return id
    }
}

/// Writing client records the same way from pages, the demo and the benchmark generator.
enum ClientRecords {
    static func create(_ v: ClientForm.Valid, by user: User, on db: any Database, now: Date) async throws -> CareClient {
        try await db.auditedTransaction { db in
            let client = CareClient(code: try await CareClient.freshCode(on: db), name: v.name, birthDate: v.birthDate,
                                    municipalityCode: v.municipalityCode, expectedBirthDate: v.expectedBirthDate,
                                    actualBirthDate: v.actualBirthDate, language: v.language, createdByOrganisationID: user.$organisation.id)
            try await client.create(on: db)
            try await ClientInvolvement.add(client: try client.requireID(), organisation: user.$organisation.id, reason: .created, on: db, now: now)
            try await AuditLog.record(AuditDraft(action: .create, clientID: client.id, user: user, basis: .ownInvolvement, what: "client record"), on: db, now: now)
            return client
        }
    }
}
