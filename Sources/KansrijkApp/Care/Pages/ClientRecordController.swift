import Fluent
import Vapor

struct ClientDetailsPage: Encodable {
    var page: PageMeta
    var base: String
    var code: String
    var form: ClientDetailsForm
    var municipalityOptions: String
    var languages: [SelectOption]
    var errors: FieldErrors
    var errorList: [ErrorLink]
}

struct ClientBirthPage: Encodable {
    var page: PageMeta
    var base: String
    var code: String
    var form: ClientBirthForm
    /// The child's pseudonym when the birth was recorded before (the form then corrects the date).
    var childCode: String?
    var errors: FieldErrors
    var errorList: [ErrorLink]
}

/// Correcting a client's details (a new municipality is a move) and recording the birth (issue #15),
/// for every organisation involved with her. Emergency access only reads the forms.
struct ClientRecordController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let c = routes.grouped("zorg", "clienten", ":client")
        c.get("gegevens", use: editDetails)
        c.post("gegevens", use: saveDetails)
        c.get("geboorte", use: editBirth)
        c.post("geboorte", use: saveBirth)
    }

    @Sendable func editDetails(req: Request) async throws -> View {
        let (_, access) = try await req.careAccess()
        let now = Date()
        let (client, basis) = try await req.careClient(access, now: now)
        try await req.audit(.read, client: client.id, basis: basis, what: "client details form", now: now)
        return try await renderDetails(req, client: client, form: ClientDetailsForm(client), errors: [:])
    }

    @Sendable func saveDetails(req: Request) async throws -> Response {
        let (user, access) = try await req.careAccess()
        let now = Date()
        let (client, basis) = try await req.careClient(access, now: now)
        let form = try req.content.decode(ClientDetailsForm.self)
        switch form.validate(client, municipalities: Set(req.directory.municipalities.keys), today: CalendarDay.day(at: now), english: req.isEnglish) {
        case .failure(let errors):
            try await req.audit(.read, client: client.id, basis: basis, what: "client details form (not valid)", now: now)
            return try await renderDetails(req, client: client, form: form, errors: errors).encodeResponse(status: .unprocessableEntity, for: req)
        case .success(let v):
            let moved = v.movedOn != nil
            let changed = try await ClientRecordChanges.update(client, with: v, basis: basis, by: user, on: req.db, now: now)
            if changed.isEmpty { try await req.audit(.read, client: client.id, basis: basis, what: "client details form (nothing changed)", now: now) }
            req.flash(req.t(changed.isEmpty ? "client.edit.unchanged" : moved ? "client.move.recorded" : "client.edit.saved"))
            return req.redirect(to: "/zorg/clienten/\(try client.requireID().slug)")
        }
    }

    @Sendable func editBirth(req: Request) async throws -> View {
        let (_, access) = try await req.careAccess()
        let now = Date()
        let (client, basis) = try await req.careClient(access, now: now)
        try await req.audit(.read, client: client.id, basis: basis, what: "birth form", now: now)
        return try await renderBirth(req, client: client, form: ClientBirthForm(actualBirthDate: client.actualBirthDate.map(CalendarDay.iso)), errors: [:])
    }

    @Sendable func saveBirth(req: Request) async throws -> Response {
        let (user, access) = try await req.careAccess()
        let now = Date()
        let (client, basis) = try await req.careClient(access, now: now)
        let form = try req.content.decode(ClientBirthForm.self)
        switch form.validate(client, today: CalendarDay.day(at: now), english: req.isEnglish) {
        case .failure(let errors):
            try await req.audit(.read, client: client.id, basis: basis, what: "birth form (not valid)", now: now)
            return try await renderBirth(req, client: client, form: form, errors: errors).encodeResponse(status: .unprocessableEntity, for: req)
        case .success(let day):
            try await ClientRecordChanges.recordBirth(client, on: day, basis: basis, by: user, on: req.db, now: now)
            req.flash(req.t("client.birth.recorded"))
            return req.redirect(to: "/zorg/clienten/\(try client.requireID().slug)")
        }
    }

    private func renderDetails(_ req: Request, client: CareClient, form: ClientDetailsForm, errors: FieldErrors) async throws -> View {
        try await req.view.render("care/client-details", ClientDetailsPage(
            page: try await req.pageMeta(title: "\(req.t("client.edit.title")) \(client.code)", forms: true),
            base: "/zorg/clienten/\(try client.requireID().slug)", code: client.code, form: form,
            municipalityOptions: SelectOption.municipalityOptionsHTML(req.directory, selected: form.municipality),
            languages: ClientLanguages.options(selected: form.language, english: req.isEnglish),
            errors: errors,
            errorList: ErrorLink.list(errors, order: ["name", "birth_date", "municipality", "moved_on", "expected_birth_date", "language"])))
    }

    private func renderBirth(_ req: Request, client: CareClient, form: ClientBirthForm, errors: FieldErrors) async throws -> View {
        try await req.view.render("care/client-birth", ClientBirthPage(
            page: try await req.pageMeta(title: "\(req.t("client.birth.title")) \(client.code)", forms: true),
            base: "/zorg/clienten/\(try client.requireID().slug)", code: client.code, form: form, childCode: client.childCode,
            errors: errors, errorList: ErrorLink.list(errors, order: ["actual_birth_date"])))
    }
}
