import Fluent
import Vapor

/// "Organisaties" (issue #14): the admin creates and edits any organisation, a coordinator those
/// based in her coalitions' municipalities (`DirectoryAccess`), with their locations. Organisations
/// are public (the HSDS API lists them), so one outside her scope is a 403, not a 404. After each
/// change the in-memory directory is reloaded, so search and service pages show it at once.
struct OrganisationController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let o = routes.grouped(.constant(AdminPaths.root), "organisaties")
        o.get(use: list)
        o.get("nieuw", use: newForm)
        o.post("nieuw", use: create)
        o.get(":id", use: show)
        o.get(":id", "bewerken", use: editForm)
        o.post(":id", "bewerken", use: update)
        o.get(":id", "locaties", "nieuw", use: newLocationForm)
        o.post(":id", "locaties", "nieuw", use: createLocation)
        o.get(":id", "locaties", ":location", "bewerken", use: editLocationForm)
        o.post(":id", "locaties", ":location", "bewerken", use: updateLocation)
        o.post(":id", "locaties", ":location", "verwijderen", use: removeLocation)
    }

    static let pageSize = 200

    @Sendable func newForm(req: Request) async throws -> View {
        let access = try await Self.access(req)
        var form = OrganisationForm()
        form.receivesReferrals = "ja"
        form.municipality = access.isAdmin ? nil : access.coalitionMunicipalities.sorted().first
        return try await render(req, access, form: form, errors: [:], id: nil)
    }

    @Sendable func create(req: Request) async throws -> Response {
        let access = try await Self.access(req)
        return try await save(req, access, id: nil)
    }

    @Sendable func show(req: Request) async throws -> View {
        let (_, organisation) = try await Self.editable(req)
        return try await Self.renderShow(req, organisation, refusal: nil)
    }

    @Sendable func editForm(req: Request) async throws -> View {
        let (access, organisation) = try await Self.editable(req)
        let main = try await OrganisationDesk.mainLocation(of: organisation, on: req.db)
        return try await render(req, access, form: OrganisationForm(organisation, main: main), errors: [:], id: organisation.id)
    }

    @Sendable func update(req: Request) async throws -> Response {
        let (access, organisation) = try await Self.editable(req)
        return try await save(req, access, id: organisation.id)
    }

    private func save(_ req: Request, _ access: DirectoryAccess, id: UUID?) async throws -> Response {
        let form = try req.content.decode(OrganisationForm.self)
        var errors: FieldErrors
        switch form.validate(municipalities: Self.municipalities(req, access), known: Set(req.directory.municipalities.keys), english: req.isEnglish) {
        case .failure(let e): errors = e
        case .success(let valid):
            do {
                let saved: UUID
                if let id { try await OrganisationDesk.update(id, with: valid, on: req.db); saved = id }
                else { saved = try await OrganisationDesk.create(valid, on: req.db) }
                try await req.application.directory.reload(on: req.db)
                req.logger.notice("organisations: \(access.user.email) \(id == nil ? "created" : "changed") organisation \(saved)")
                req.flash(req.t(id == nil ? "admin.organisation.created" : "admin.organisation.saved"))
                return req.redirect(to: AdminPaths.organisation(saved))
            } catch OrganisationRefusal.nameTaken {
                errors = ["name": FieldMessages(english: req.isEnglish).say(
                    "Er is al een organisatie met deze naam. Zoek haar op in de lijst, of kies een andere naam.",
                    "An organisation with this name already exists. Find it in the list, or choose another name.")]
            }
        }
        return try await render(req, access, form: form, errors: errors, id: id).encodeResponse(status: .unprocessableEntity, for: req)
    }

    /// The signed-in coordinator's or admin's rights in the directory.
    static func access(_ req: Request) async throws -> DirectoryAccess {
        let user = try req.requireRole(.coordinator, .admin)
        return try await DirectoryAccess.load(for: user, on: req.db)
    }

    /// The organisation of the path, when she may edit it: 404 for an unknown id, 403 outside her scope.
    static func editable(_ req: Request) async throws -> (DirectoryAccess, Organisation) {
        let access = try await access(req)
        guard let id = req.parameters.get("id", as: UUID.self), let organisation = try await Organisation.find(id, on: req.db) else {
            throw PageError.notFound
        }
        guard access.canEdit(organisation: organisation) else { throw PageError.forbidden }
        return (access, organisation)
    }

    /// The municipalities she may place an organisation or a location in.
    static func municipalities(_ req: Request, _ access: DirectoryAccess) -> Set<String> {
        access.isAdmin ? Set(req.directory.municipalities.keys) : access.coalitionMunicipalities
    }

    static func municipalityOptions(_ req: Request, _ access: DirectoryAccess, selected: String?) -> [SelectOption] {
        let allowed = municipalities(req, access)
        return req.directory.municipalitiesByName.filter { allowed.contains($0.code) }
            .map { SelectOption(value: $0.code, label: $0.name, selected: $0.code == selected?.uppercased()) }
    }

    static func renderShow(_ req: Request, _ o: Organisation, refusal: String?) async throws -> View {
        let id = try o.requireID()
        let locations = try await Location.query(on: req.db).filter(\.$organisation.$id == id).sort(\.$name).all()
        let links = locations.isEmpty ? [] : try await ServiceAtLocation.query(on: req.db).filter(\.$location.$id ~~ locations.compactMap(\.id)).all()
        let counts = links.reduce(into: [UUID: Int]()) { $0[$1.$location.id, default: 0] += 1 }
        let names = req.directory.municipalities
        return try await req.view.render("platform/admin/organisation", OrganisationPage(
            page: try await req.pageMeta(title: o.name, forms: true),
            name: o.name, kind: o.kind.label, description: o.description.isEmpty ? nil : o.description,
            municipality: names[o.municipalityCode]?.name ?? o.municipalityCode,
            phone: o.phone, email: o.email, website: o.website, receivesReferrals: o.receivesReferrals ?? true,
            editURL: AdminPaths.editOrganisation(id), newLocationURL: AdminPaths.newLocation(id),
            places: locations.map { l in
                .init(name: l.name, address: [l.street, [l.postalCode, l.city].compactMap { $0 }.joined(separator: " ")]
                        .compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", "),
                      municipality: l.municipalityCode.flatMap { names[$0]?.name } ?? "",
                      editURL: AdminPaths.location(id, l.id!) + "/bewerken", removeURL: AdminPaths.location(id, l.id!) + "/verwijderen",
                      services: counts[l.id!] ?? 0)
            },
            refusal: refusal))
    }

    private func render(_ req: Request, _ access: DirectoryAccess, form: OrganisationForm, errors: FieldErrors, id: UUID?) async throws -> View {
        let heading = req.t(id == nil ? "admin.organisation.new" : "admin.organisation.edit")
        return try await req.view.render("platform/admin/organisation-edit", OrganisationEditPage(
            page: try await req.pageMeta(title: errors.isEmpty ? heading : req.t("form.errors.prefix") + heading, forms: true),
            isNew: id == nil, heading: heading,
            action: id.map(AdminPaths.editOrganisation) ?? AdminPaths.newOrganisation,
            cancelURL: id.map(AdminPaths.organisation) ?? AdminPaths.organisations,
            form: OrganisationFormValues(form),
            kinds: OrganisationKind.allCases.map { SelectOption(value: $0.rawValue, label: $0.label, selected: $0.rawValue == form.kind) },
            municipalities: Self.municipalityOptions(req, access, selected: form.municipality),
            errors: errors, errorList: ErrorLink.list(errors, order: OrganisationForm.order)))
    }
}
