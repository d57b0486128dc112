import Fluent
import Vapor

struct VolunteerRequestFormPage: Encodable {
    var page: PageMeta
    var client: ClientHeader
    var action: String
    var organisations: [SelectOption]
    var need: String
    var language: String
    var errors: FieldErrors
    var errorList: [ErrorLink]
}

/// A request for a volunteer, made from a client's record with her consent.
struct VolunteerRequestController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let c = routes.grouped("zorg", "clienten", ":client", "vrijwilliger")
        c.get("nieuw", use: newForm)
        c.post("nieuw", use: create)
        let r = routes.grouped("zorg", "vrijwilligers", "verzoeken", ":request")
        r.get(use: show)
        r.post("koppelen", use: match)
        r.post("checkin", use: checkIn)
        r.post("beeindigen", use: end)
    }

    @Sendable func newForm(req: Request) async throws -> View {
        let scope = try await req.scopedClient()
        try await scope.audit(.read, "volunteer request form", on: req.db)
        return try await render(req, scope, form: VolunteerRequestForm(language: scope.client.language), errors: [:])
    }

    @Sendable func create(req: Request) async throws -> Response {
        let scope = try await req.scopedClient()
        let form = try req.content.decode(VolunteerRequestForm.self)
        let organisations = try await Self.volunteerOrganisations(near: scope.client.municipalityCode, on: req.db)
        var outcome = form.validate(organisations: Set(organisations.compactMap(\.id)), english: req.isEnglish)
        if case .success(let (org, _, _)) = outcome {
            if try await Consent.active(client: scope.id, organisation: org, purpose: .volunteer, at: scope.now, on: req.db) == nil { outcome = .failure(["r_organisation": VolunteerMessages(english: req.isEnglish).noConsent]) }
        }
        switch outcome {
        case .failure(let errors):
            try await scope.audit(.denied, "volunteer request refused: \(errors.messages.keys.sorted().joined(separator: ", "))", on: req.db)
            return try await render(req, scope, form: form, errors: errors).encodeResponse(status: .unprocessableEntity, for: req)
        case .success(let (org, need, language)):
            guard let request = try await VolunteerRecords.request(client: scope.client, organisation: org, need: need, language: language,
                                                                   by: scope.user, basis: scope.basis, on: req.db, now: scope.now) else { throw PageError.notFound }
            req.flash(req.t("volunteer.request.sent"))
            return req.redirect(to: "/zorg/vrijwilligers/verzoeken/\(request.id!.slug)")
        }
    }

    /// Volunteer organisations based in the client's municipality.
    static func volunteerOrganisations(near municipality: String, on db: any Database) async throws -> [Organisation] {
        try await Organisation.query(on: db).filter(\.$municipalityCode == municipality).filter(\.$kind ~~ [.informeel, .welzijn]).sort(\.$name).all()
    }

    private func render(_ req: Request, _ scope: ScopedClient, form: VolunteerRequestForm, errors: FieldErrors) async throws -> View {
        let organisations = try await Self.volunteerOrganisations(near: scope.client.municipalityCode, on: req.db)
        let chosen = form.organisation?.lowercased()
        return try await req.view.render("care/volunteer-request-new", VolunteerRequestFormPage(
            page: try await req.pageMeta(title: req.t("volunteer.request.title") + " " + scope.client.code, forms: true),
            client: scope.header, action: "\(scope.base)/vrijwilliger/nieuw",
            organisations: organisations.map { SelectOption(value: $0.id!.slug, label: $0.name, selected: $0.id!.slug == chosen) },
            need: form.need ?? "", language: form.language ?? "", errors: errors,
            errorList: ErrorLink.list(errors, order: ["r_organisation", "r_need", "r_language"])))
    }
}
