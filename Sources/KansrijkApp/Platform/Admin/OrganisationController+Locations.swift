import Fluent
import Vapor

/// The locations of an organisation: add, edit, remove (a location services use is kept).
extension OrganisationController {
    @Sendable func newLocationForm(req: Request) async throws -> View {
        let (access, organisation) = try await Self.editable(req)
        var form = LocationForm()
        form.municipality = organisation.municipalityCode
        return try await renderLocation(req, access, organisation, form: form, errors: [:], location: nil)
    }

    @Sendable func createLocation(req: Request) async throws -> Response {
        let (access, organisation) = try await Self.editable(req)
        return try await saveLocation(req, access, organisation, location: nil)
    }

    @Sendable func editLocationForm(req: Request) async throws -> View {
        let (access, organisation) = try await Self.editable(req)
        let location = try await Self.location(req, of: organisation)
        return try await renderLocation(req, access, organisation, form: LocationForm(location), errors: [:], location: location)
    }

    @Sendable func updateLocation(req: Request) async throws -> Response {
        let (access, organisation) = try await Self.editable(req)
        let location = try await Self.location(req, of: organisation)
        return try await saveLocation(req, access, organisation, location: location)
    }

    @Sendable func removeLocation(req: Request) async throws -> Response {
        let (access, organisation) = try await Self.editable(req)
        let location = try await Self.location(req, of: organisation)
        if let ask = try await req.deleteConfirmation(.init(kindKey: "confirm.kind.location", name: location.name),
                                                      back: AdminPaths.organisation(try organisation.requireID())) { return ask }
        do {
            try await OrganisationDesk.removeLocation(location, on: req.db)
        } catch OrganisationRefusal.locationInUse(let services) {
            let refusal = req.t("admin.location.inUse") + " " + services.joined(separator: ", ")
            return try await Self.renderShow(req, organisation, refusal: refusal).encodeResponse(status: .conflict, for: req)
        }
        try await req.application.directory.reload(on: req.db)
        req.logger.notice("organisations: \(access.user.email) removed location \(location.id?.slug ?? "") of \(organisation.id?.slug ?? "")")
        req.flash(req.t("admin.location.removed"))
        return req.redirect(to: AdminPaths.organisation(try organisation.requireID()))
    }

    private func saveLocation(_ req: Request, _ access: DirectoryAccess, _ organisation: Organisation, location: Location?) async throws -> Response {
        let form = try req.content.decode(LocationForm.self)
        switch form.validate(municipalities: Self.municipalities(req, access), known: Set(req.directory.municipalities.keys), english: req.isEnglish) {
        case .failure(let errors):
            return try await renderLocation(req, access, organisation, form: form, errors: errors, location: location)
                .encodeResponse(status: .unprocessableEntity, for: req)
        case .success(let valid):
            let id = try organisation.requireID()
            if let location { try await OrganisationDesk.updateLocation(location, with: valid, on: req.db) }
            else { try await OrganisationDesk.addLocation(valid, to: id, on: req.db) }
            try await req.application.directory.reload(on: req.db)
            req.flash(req.t(location == nil ? "admin.location.created" : "admin.location.saved"))
            return req.redirect(to: AdminPaths.organisation(id))
        }
    }

    /// The location of the path, when it belongs to the organisation of the path (404 otherwise).
    static func location(_ req: Request, of organisation: Organisation) async throws -> Location {
        guard let id = req.parameters.get("location", as: UUID.self), let location = try await Location.find(id, on: req.db),
              location.$organisation.id == organisation.id else { throw PageError.notFound }
        return location
    }

    private func renderLocation(_ req: Request, _ access: DirectoryAccess, _ o: Organisation, form: LocationForm, errors: FieldErrors, location: Location?) async throws -> View {
        let id = try o.requireID()
        let heading = req.t(location == nil ? "admin.location.new" : "admin.location.edit")
        return try await req.view.render("platform/admin/location-edit", LocationEditPage(
            page: try await req.pageMeta(title: errors.isEmpty ? heading : req.t("form.errors.prefix") + heading, forms: true),
            isNew: location == nil, organisation: o.name, organisationURL: AdminPaths.organisation(id),
            action: location.map { AdminPaths.location(id, $0.id!) + "/bewerken" } ?? AdminPaths.newLocation(id),
            form: LocationFormValues(form),
            municipalities: Self.municipalityOptions(req, access, selected: form.municipality),
            errors: errors, errorList: ErrorLink.list(errors, order: LocationForm.order)))
    }
}
