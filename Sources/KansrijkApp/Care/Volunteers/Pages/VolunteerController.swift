import Fluent
import Vapor

struct VolunteerHomePage: Encodable {
    struct VolunteerRow: Encodable { var name: String; var skills: String; var languages: String; var area: String; var availability: String; var busy: Bool }
    struct RequestRow: Encodable { var href: String; var code: String; var organisation: String; var status: String; var date: String }
    var page: PageMeta
    var isVolunteerOrganisation: Bool
    var volunteers: [VolunteerRow]
    var incoming: [RequestRow]
    var outgoing: [RequestRow]
    var form: VolunteerForm
    var municipalities: [SelectOption]
    var errors: FieldErrors
    var errorList: [ErrorLink]
}

/// Volunteers for 1000 days (issue #4): volunteer organisations keep their volunteers and answer
/// requests; professionals see the requests they sent.
struct VolunteerController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let v = routes.grouped("zorg", "vrijwilligers")
        v.get(use: home)
        v.post(use: addVolunteer)
    }

    @Sendable func home(req: Request) async throws -> View {
        let (user, access) = try await req.careAccess()
        return try await render(req, user, access, form: VolunteerForm(), errors: [:])
    }

    @Sendable func addVolunteer(req: Request) async throws -> Response {
        let (user, access) = try await req.careAccess()
        let org = try await user.$organisation.get(on: req.db)
        guard VolunteerMatching.isVolunteerOrganisation(org.kind) else { throw PageError.forbidden }
        let form = try req.content.decode(VolunteerForm.self)
        switch form.validate(municipalities: Set(req.directory.municipalities.keys), english: req.isEnglish) {
        case .failure(let errors):
            return try await render(req, user, access, form: form, errors: errors).encodeResponse(status: .unprocessableEntity, for: req)
        case .success(let v):
            try await Volunteer(organisationID: org.requireID(), name: v.name, skills: v.skills, languages: v.languages,
                                municipalityCode: v.municipality, availability: v.availability).create(on: req.db)
            req.flash(req.t("volunteer.added"))
            return req.redirect(to: "/zorg/vrijwilligers")
        }
    }

    private func render(_ req: Request, _ user: User, _ access: CareAccess, form: VolunteerForm, errors: FieldErrors) async throws -> View {
        let org = try await user.$organisation.get(on: req.db)
        let isVolunteerOrg = VolunteerMatching.isVolunteerOrganisation(org.kind)
        let volunteers = isVolunteerOrg ? try await Volunteer.query(on: req.db).filter(\.$organisation.$id == access.organisationID).sort(\.$name).all() : []
        let busy = Set(try await VolunteerMatch.query(on: req.db).filter(\.$endOn == nil).all().map { $0.$volunteer.id })
        let incoming = isVolunteerOrg ? try await VolunteerRequest.query(on: req.db).filter(\.$volunteerOrganisation.$id == access.organisationID)
            .with(\.$client).with(\.$requestedBy).sort(\.$createdAt, .descending).all() : []
        let outgoing = try await VolunteerRequest.query(on: req.db).filter(\.$requestedBy.$id == access.organisationID)
            .with(\.$client).with(\.$volunteerOrganisation).sort(\.$createdAt, .descending).all()
        let visible = try await access.visibleClientIDs(among: (incoming + outgoing).map { $0.$client.id }, on: req.db, now: Date())
        func rows(_ requests: [VolunteerRequest], other: (VolunteerRequest) -> String) -> [VolunteerHomePage.RequestRow] {
            requests.filter { visible.contains($0.$client.id) }.map {
                .init(href: "/zorg/vrijwilligers/verzoeken/\($0.id!.slug)", code: $0.client.code, organisation: other($0),
                      status: req.t("volunteer.status.\($0.status.rawValue)"), date: req.date($0.createdAt ?? Date()))
            }
        }
        let shown = (incoming + outgoing).filter { visible.contains($0.$client.id) }.map(\.client.code)
        // the lists show clients by code and status: one event for the request, naming the codes
        try await AuditLog.record(AuditDraft(action: .read, clientID: nil, user: user, basis: nil,
                                             what: "volunteer requests [\(shown.joined(separator: ", "))]"), on: req.db, now: Date(),
                                  writer: req.application.auditWriter)
        let names = req.directory.municipalities
        let chosen = form.municipality ?? org.municipalityCode
        return try await req.view.render("care/volunteer-home", VolunteerHomePage(
            page: try await req.pageMeta(title: req.t("volunteer.title"), forms: true),
            isVolunteerOrganisation: isVolunteerOrg,
            volunteers: volunteers.map {
                .init(name: $0.name, skills: $0.skills.replacingOccurrences(of: "\n", with: ", "), languages: $0.languages.joined(separator: ", "),
                      area: names[$0.municipalityCode]?.name ?? $0.municipalityCode, availability: $0.availability, busy: busy.contains($0.id!))
            },
            incoming: rows(incoming) { $0.requestedBy.name }, outgoing: rows(outgoing) { $0.volunteerOrganisation.name },
            form: form,
            municipalities: req.directory.municipalitiesByName.map { SelectOption(value: $0.code, label: $0.name, selected: $0.code == chosen) },
            errors: errors,
            errorList: ErrorLink.list(errors, order: ["v_name", "v_skills", "v_languages", "v_municipality", "v_availability"])))
    }
}
