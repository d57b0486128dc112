import Fluent
import Vapor

struct ServiceEditPage: Encodable {
    struct Check: Encodable { var value: String; var label: String; var checked: Bool }
    var page: PageMeta
    var isNew: Bool
    var action: String
    var cancelURL: String
    var form: ServiceFormValues
    var errors: FieldErrors
    var errorList: [ErrorLink]
    var organisations: [SelectOption]
    var statuses: [SelectOption]
    var accessRoutes: [SelectOption]
    var capacities: [SelectOption]
    var evidence: [SelectOption]
    var phases: [Check]
    var themes: [Check]
    var groups: [Check]
    var languages: [Check]
    /// How the service receives referrals: the choice, and what it is now (issue #15).
    var referralRoutes: [SelectOption] = []
    var routeNow: String? = nil
}

struct ErrorLink: Encodable { var field: String; var message: String }

/// Text values for the form's inputs (never nil, so templates stay simple).
struct ServiceFormValues: Encodable {
    var name, description, parentSummary, url, email, phone, applicationProcess, fees, eligibility: String
    var minimumAge, maximumAge, waitWeeks, gebied, schedule, contactName, contactTitle, contactEmail, contactPhone: String
    var landelijk: Bool
    var referralWhere = ""

    init(_ f: ServiceForm) {
        name = f.name ?? ""; description = f.description ?? ""; parentSummary = f.parentSummary ?? ""
        url = f.url ?? ""; email = f.email ?? ""; phone = f.phone ?? ""; applicationProcess = f.applicationProcess ?? ""
        fees = f.fees ?? ""; eligibility = f.eligibility ?? ""; minimumAge = f.minimumAge ?? ""; maximumAge = f.maximumAge ?? ""
        waitWeeks = f.waitWeeks ?? ""; gebied = f.gebied ?? ""; schedule = f.schedule ?? ""
        contactName = f.contactName ?? ""; contactTitle = f.contactTitle ?? ""; contactEmail = f.contactEmail ?? ""
        contactPhone = f.contactPhone ?? ""; landelijk = f.landelijk != nil; referralWhere = f.referralWhere ?? ""
    }
}

/// Coordinators and admins add and edit services.
struct ServiceEditController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("aanbod", "nieuw", use: newForm)
        routes.post("aanbod", "nieuw", use: create)
        routes.get("aanbod", ":id", "bewerken", use: editForm)
        routes.post("aanbod", ":id", "bewerken", use: update)
    }

    @Sendable func newForm(req: Request) async throws -> View {
        let user = try req.requireRole(.coordinator, .admin)
        let orgs = try await editableOrganisations(user, req)
        var form = ServiceForm()
        form.status = ServiceStatus.active.rawValue; form.accessRoute = AccessRoute.selfReferral.rawValue
        form.capacity = Capacity.available.rawValue; form.taal = ["nl"]; form.organisation = orgs.first?.id?.uuidString.lowercased()
        return try await render(req, form: form, errors: [:], id: nil, organisations: orgs)
    }

    @Sendable func create(req: Request) async throws -> Response {
        let user = try req.requireRole(.coordinator, .admin)
        return try await save(req, user: user, id: nil)
    }

    @Sendable func editForm(req: Request) async throws -> View {
        let user = try req.requireRole(.coordinator, .admin)
        let record = try await editableService(req, user)
        let orgs = try await editableOrganisations(user, req, including: record.organisationID)
        var form = ServiceForm(draft: ServiceDraft(record), snapshot: req.directory)
        try await form.loadReferralRoute(of: record.id, on: req.db)
        return try await render(req, form: form, errors: [:], id: record.id, organisations: orgs)
    }

    @Sendable func update(req: Request) async throws -> Response {
        let user = try req.requireRole(.coordinator, .admin)
        let record = try await editableService(req, user)
        return try await save(req, user: user, id: record.id, keepLocations: record.places.map(\.id))
    }

    private func save(_ req: Request, user: User, id: UUID?, keepLocations: [UUID] = []) async throws -> Response {
        let form = try req.content.decode(ServiceForm.self)
        let route = form.validateReferralRoute(english: req.isEnglish)
        let orgs = try await editableOrganisations(user, req, including: id.flatMap { req.directory.service($0)?.organisationID })
        switch form.validate(id: id, allowedOrganisations: Set(orgs.compactMap(\.id)), snapshot: req.directory, english: req.isEnglish) {
        case .failure(let errors):
            return try await render(req, form: form, errors: errors.merging(route.errors), id: id, organisations: orgs).encodeResponse(status: .unprocessableEntity, for: req)
        case .success where !route.errors.isEmpty:
            return try await render(req, form: form, errors: route.errors, id: id, organisations: orgs).encodeResponse(status: .unprocessableEntity, for: req)
        case .success(var draft):
            if id == nil {
                // a new service is offered at its organisation's locations
                draft.locationIDs = try await Location.query(on: req.db).filter(\.$organisation.$id == draft.organisationID).all().compactMap(\.id)
            } else {
                draft.locationIDs = keepLocations
            }
            let final = draft
            let savedID = try await req.db.writeTransaction { db in
                let savedID = try await final.save(on: db)
                try await ServiceReferralRoute.set(route.channel, whereText: route.whereText, service: savedID, on: db, now: Date())
                try await ClusterChanges.bump(.directory, on: db)
                return savedID
            }
            try await req.application.directory.reload(on: req.db)
            req.flash(req.t(id == nil ? "service.created" : "service.saved"))
            return req.redirect(to: "/aanbod/\(savedID.uuidString.lowercased())")
        }
    }

    private func editableService(_ req: Request, _ user: User) async throws -> ServiceRecord {
        guard let id = req.parameters.get("id", as: UUID.self), let record = req.directory.service(id) else { throw PageError.notFound }
        let access = try await DirectoryAccess.load(for: user, on: req.db)
        let org = try await Organisation.find(record.organisationID, on: req.db)
        guard access.canEdit(service: record, organisationMunicipality: org?.municipalityCode) else { throw PageError.forbidden }
        return record
    }

    private func editableOrganisations(_ user: User, _ req: Request, including: UUID? = nil) async throws -> [Organisation] {
        let access = try await DirectoryAccess.load(for: user, on: req.db)
        let all = try await Organisation.query(on: req.db).sort(\.$name).all()
        return all.filter { access.canEdit(organisation: $0) || $0.id == including }
    }

    private func render(_ req: Request, form: ServiceForm, errors: FieldErrors, id: UUID?, organisations: [Organisation]) async throws -> View {
        let english = req.isEnglish
        func checks(_ v: Vocabulary, _ selected: [String]?) -> [ServiceEditPage.Check] {
            v.terms.map { .init(value: $0.code, label: $0.label(english: english), checked: (selected ?? []).contains($0.code)) }
        }
        let order = ["name", "organisation", "description", "parent_summary", "fase", "thema", "doelgroep", "gebied",
                     "application_process", "access_route", "status", "capacity", "wait_weeks", "minimum_age", "maximum_age",
                     "url", "email", "taal", "bewijs", "contact_name", "contact_email", "referral_route", "referral_where"]
        let errorList = order.compactMap { key in errors[key].map { ErrorLink(field: key, message: $0) } }
        let idString = id?.uuidString.lowercased()
        let title = req.t(id == nil ? "service.new.title" : "service.edit.title")
        var page = ServiceEditPage(
            page: try await req.pageMeta(title: errors.isEmpty ? title : req.t("form.errors.prefix") + title, forms: true),
            isNew: id == nil,
            action: idString.map { "/aanbod/\($0)/bewerken" } ?? "/aanbod/nieuw",
            cancelURL: idString.map { "/aanbod/\($0)" } ?? "/aanbod",
            form: ServiceFormValues(form), errors: errors, errorList: errorList,
            organisations: organisations.map { SelectOption(value: $0.id!.uuidString.lowercased(), label: $0.name, selected: $0.id!.uuidString.lowercased() == form.organisation?.lowercased()) },
            statuses: ServiceStatus.allCases.map { SelectOption(value: $0.rawValue, label: $0.label(english: english), selected: $0.rawValue == form.status) },
            accessRoutes: AccessRoute.allCases.map { SelectOption(value: $0.rawValue, label: $0.label(english: english), selected: $0.rawValue == form.accessRoute) },
            capacities: Capacity.allCases.map { SelectOption(value: $0.rawValue, label: $0.label(english: english), selected: $0.rawValue == form.capacity) },
            evidence: SelectOption.terms(.bewijs, selected: form.bewijs, english: english),
            phases: checks(.fase, form.fase), themes: checks(.thema, form.thema), groups: checks(.doelgroep, form.doelgroep),
            languages: LanguageCatalog.names.map { .init(value: $0.code, label: english ? $0.english : $0.name, checked: (form.taal ?? []).contains($0.code)) })
        page.referralRoutes = ServiceForm.referralRouteOptions(selected: form.referralRoute, req)
        if let record = id.flatMap({ req.directory.service($0) }) {
            let now = try await req.referralReceiving().mode(of: record)
            page.routeNow = req.t("service.route.now").replacingOccurrences(of: "{mode}", with: req.t(now.channel.key))
        }
        return try await req.view.render("directory/service-edit", page)
    }
}
