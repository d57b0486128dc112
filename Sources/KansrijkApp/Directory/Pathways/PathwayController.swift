import Fluent
import Vapor

struct PathwayListPage: Encodable {
    struct Item: Encodable { var id: String; var title: String; var theme: String; var coalition: String; var steps: Int; var updated: String?; var draft: Bool }
    var page: PathwayListMeta
    var items: [Item]
    var canCreate: Bool
}
typealias PathwayListMeta = PageMeta

struct PathwayPage: Encodable {
    var page: PageMeta
    var pathway: PathwayView
    var canEdit: Bool
}

struct PathwayEditPage: Encodable {
    var page: PageMeta
    var isNew: Bool
    var action: String
    var pathway: PathwayView?
    var title: String
    var summary: String
    var themes: [SelectOption]
    var coalitions: [SelectOption]
    var errors: FieldErrors
    var errorList: [ErrorLink]
    var step: StepEditor?
}

/// The form for adding or editing one step, with its options.
struct StepEditor: Encodable {
    var action: String
    var isNew: Bool
    var title: String
    var description: String
    var contactPerson: String
    var agreement: String
    var phases: [SelectOption]
    var kinds: [SelectOption]
    var organisations: [SelectOption]
    var services: [SelectOption]
    var errors: FieldErrors
}

/// Zorgpaden: coordinators compose them, every signed-in professional reads and prints them.
struct PathwayController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let p = routes.grouped("zorgpaden")
        p.get(use: list)
        p.get("nieuw", use: newForm)
        p.post("nieuw", use: create)
        p.get(":id", use: show)
        p.get(":id", "afdrukken", use: printable)
        p.get(":id", "bewerken", use: editForm)
        p.post(":id", "bewerken", use: update)
        p.post(":id", "publiceren", use: publish)
        p.post(":id", "concept", use: unpublish)
        p.post(":id", "stappen", use: addStep)
        p.get(":id", "stappen", ":step", "bewerken", use: editStepForm)
        p.post(":id", "stappen", ":step", "bewerken", use: updateStep)
        p.post(":id", "stappen", ":step", "omhoog", use: moveUp)
        p.post(":id", "stappen", ":step", "omlaag", use: moveDown)
        p.post(":id", "stappen", ":step", "verwijderen", use: deleteStep)
    }

    // MARK: reading

    @Sendable func list(req: Request) async throws -> View {
        let user = try req.requireUser()
        let access = try await DirectoryAccess.load(for: user, on: req.db)
        let pathways = try await Pathway.query(on: req.db).with(\.$coalition).with(\.$steps).all().filter { $0.isVisible(to: access) }
        // own coalitions first, then the rest, each by title
        let sorted = pathways.sorted {
            let a = access.coalitionIDs.contains($0.$coalition.id), b = access.coalitionIDs.contains($1.$coalition.id)
            if a != b { return a }
            return ($0.coalition.name, $0.title) < ($1.coalition.name, $1.title)
        }
        let items = sorted.map {
            PathwayListPage.Item(id: $0.id!.uuidString.lowercased(), title: $0.title,
                                 theme: Term.find(.thema, $0.theme)?.label(english: req.isEnglish) ?? $0.theme,
                                 coalition: $0.coalition.name, steps: $0.steps.count, updated: $0.updatedAt.map(req.date),
                                 draft: !$0.isPublished)
        }
        return try await req.view.render("directory/pathways", PathwayListPage(
            page: try await req.pageMeta(title: req.t("pathways.title")), items: items,
            canCreate: user.role.may(.composePathways) && (access.isAdmin || !access.coalitionIDs.isEmpty)))
    }

    @Sendable func show(req: Request) async throws -> View {
        let user = try req.requireUser()
        let access = try await DirectoryAccess.load(for: user, on: req.db)
        let (pathway, view) = try await load(req, visibleTo: access)
        let canEdit = access.canEdit(coalitionID: pathway.$coalition.id)
        return try await req.view.render("directory/pathway", PathwayPage(
            page: try await req.pageMeta(title: pathway.title, forms: canEdit), pathway: view, canEdit: canEdit))
    }

    @Sendable func printable(req: Request) async throws -> View {
        let user = try req.requireUser()
        let (pathway, view) = try await load(req, visibleTo: try await DirectoryAccess.load(for: user, on: req.db))
        return try await req.view.render("directory/pathway-print", PathwayPage(
            page: try await req.pageMeta(title: pathway.title), pathway: view, canEdit: false))
    }

    // MARK: the pathway itself

    @Sendable func newForm(req: Request) async throws -> View {
        let user = try req.require(.composePathways)
        return try await renderEdit(req, user: user, pathway: nil, form: PathwayForm(), errors: [:])
    }

    @Sendable func create(req: Request) async throws -> Response {
        let user = try req.require(.composePathways)
        let form = try req.content.decode(PathwayForm.self)
        let allowed = try await editableCoalitions(user, req)
        switch form.validate(allowedCoalitions: Set(allowed.compactMap(\.id)), english: req.isEnglish) {
        case .failure(let errors):
            return try await renderEdit(req, user: user, pathway: nil, form: form, errors: errors).encodeResponse(status: .unprocessableEntity, for: req)
        case .success(let v):
            // a new zorgpad is a draft until the coordinator publishes it (issue 15)
            let pathway = Pathway(coalitionID: v.coalitionID, title: v.title, theme: v.theme, summary: v.summary, isPublished: false)
            try await pathway.create(on: req.db)
            req.flash(req.t("pathway.created.draft"))
            return req.redirect(to: "/zorgpaden/\(pathway.id!.uuidString.lowercased())/bewerken")
        }
    }

    @Sendable func editForm(req: Request) async throws -> View {
        let (user, pathway) = try await editable(req)
        let form = PathwayForm(title: pathway.title, theme: pathway.theme, coalition: pathway.$coalition.id.uuidString.lowercased(), summary: pathway.summary)
        return try await renderEdit(req, user: user, pathway: pathway, form: form, errors: [:])
    }

    @Sendable func update(req: Request) async throws -> Response {
        let (user, pathway) = try await editable(req)
        let form = try req.content.decode(PathwayForm.self)
        let allowed = try await editableCoalitions(user, req)
        switch form.validate(allowedCoalitions: Set(allowed.compactMap(\.id)), english: req.isEnglish) {
        case .failure(let errors):
            return try await renderEdit(req, user: user, pathway: pathway, form: form, errors: errors).encodeResponse(status: .unprocessableEntity, for: req)
        case .success(let v):
            pathway.title = v.title; pathway.theme = v.theme; pathway.summary = v.summary; pathway.$coalition.id = v.coalitionID
            try await pathway.save(on: req.db)
            req.flash(req.t("pathway.saved"))
            return req.redirect(to: "/zorgpaden/\(pathway.id!.uuidString.lowercased())")
        }
    }

    // MARK: draft and published (issue 15)

    @Sendable func publish(req: Request) async throws -> Response { try await setPublished(req, true) }
    @Sendable func unpublish(req: Request) async throws -> Response { try await setPublished(req, false) }

    private func setPublished(_ req: Request, _ published: Bool) async throws -> Response {
        let (_, pathway) = try await editable(req)
        if pathway.isPublished != published {
            try await req.db.writeTransaction { db in
                pathway.isPublished = published
                try await pathway.save(on: db)
            }
        }
        req.flash(req.t(published ? "pathway.published.done" : "pathway.unpublished.done"))
        return req.redirect(to: "/zorgpaden/\(try pathway.requireID().uuidString.lowercased())")
    }

    // MARK: steps

    @Sendable func addStep(req: Request) async throws -> Response {
        let (user, pathway) = try await editable(req)
        let form = try req.content.decode(StepForm.self)
        let orgs = try await Organisation.query(on: req.db).all()
        switch form.validate(organisations: Set(orgs.compactMap(\.id)), snapshot: req.directory, english: req.isEnglish) {
        case .failure(let errors):
            return try await renderEdit(req, user: user, pathway: pathway, form: Self.form(pathway), errors: [:],
                                        stepForm: form, stepErrors: errors).encodeResponse(status: .unprocessableEntity, for: req)
        case .success(let v):
            let pathwayID = try pathway.requireID()
            try await req.db.writeTransaction { db in
                let slots = try await Self.slots(pathwayID, on: db)
                try await PathwayStep(pathwayID: pathwayID, phase: v.phase, position: PathwayOrdering.nextPosition(in: v.phase, slots),
                                      kind: v.kind, title: v.title, description: v.description, organisationID: v.organisationID,
                                      serviceID: v.serviceID, contactPerson: v.contactPerson, agreement: v.agreement).create(on: db)
                try await pathway.touch(on: db)
            }
            req.flash(req.t("step.added"))
            return req.redirect(to: "/zorgpaden/\(pathwayID.uuidString.lowercased())/bewerken")
        }
    }

    @Sendable func editStepForm(req: Request) async throws -> View {
        let (user, pathway) = try await editable(req)
        let step = try await Self.step(req, pathway)
        let form = StepForm(phase: step.phase, kind: step.kind.rawValue, title: step.title, description: step.description,
                            organisation: step.organisationID?.uuidString.lowercased(), service: step.serviceID?.uuidString.lowercased(),
                            contactPerson: step.contactPerson, agreement: step.agreement)
        return try await renderEdit(req, user: user, pathway: pathway, form: Self.form(pathway), errors: [:], stepForm: form, stepErrors: [:], editing: step)
    }

    @Sendable func updateStep(req: Request) async throws -> Response {
        let (user, pathway) = try await editable(req)
        let step = try await Self.step(req, pathway)
        let form = try req.content.decode(StepForm.self)
        let orgs = try await Organisation.query(on: req.db).all()
        switch form.validate(organisations: Set(orgs.compactMap(\.id)), snapshot: req.directory, english: req.isEnglish) {
        case .failure(let errors):
            return try await renderEdit(req, user: user, pathway: pathway, form: Self.form(pathway), errors: [:],
                                        stepForm: form, stepErrors: errors, editing: step).encodeResponse(status: .unprocessableEntity, for: req)
        case .success(let v):
            let pathwayID = try pathway.requireID()
            try await req.db.writeTransaction { db in
                if v.phase != step.phase {
                    step.position = PathwayOrdering.nextPosition(in: v.phase, try await Self.slots(pathwayID, on: db))
                }
                step.phase = v.phase; step.kind = v.kind; step.title = v.title; step.description = v.description
                step.organisationID = v.organisationID; step.serviceID = v.serviceID
                step.contactPerson = v.contactPerson; step.agreement = v.agreement
                try await step.save(on: db)
                try await Self.renumber(pathwayID, PathwayOrdering.normalized(try await Self.slots(pathwayID, on: db)), on: db)
                try await pathway.touch(on: db)
            }
            req.flash(req.t("step.saved"))
            return req.redirect(to: "/zorgpaden/\(pathwayID.uuidString.lowercased())/bewerken")
        }
    }

    @Sendable func moveUp(req: Request) async throws -> Response { try await move(req, .up) }
    @Sendable func moveDown(req: Request) async throws -> Response { try await move(req, .down) }

    private func move(_ req: Request, _ direction: PathwayOrdering.Direction) async throws -> Response {
        let (_, pathway) = try await editable(req)
        let step = try await Self.step(req, pathway)
        let pathwayID = try pathway.requireID()
        try await req.db.writeTransaction { db in
            let moved = PathwayOrdering.move(try step.requireID(), direction, in: try await Self.slots(pathwayID, on: db))
            try await Self.renumber(pathwayID, moved, on: db)
            try await pathway.touch(on: db)
        }
        return req.redirect(to: "/zorgpaden/\(pathwayID.uuidString.lowercased())/bewerken#stap-\(step.id!.uuidString.lowercased())")
    }

    @Sendable func deleteStep(req: Request) async throws -> Response {
        let (_, pathway) = try await editable(req)
        let step = try await Self.step(req, pathway)
        let pathwayID = try pathway.requireID()
        if let ask = try await req.deleteConfirmation(.init(kindKey: "confirm.kind.pathwayStep", name: step.title),
                                                      back: "/zorgpaden/\(pathwayID.uuidString.lowercased())/bewerken") { return ask }
        try await req.db.writeTransaction { db in
            try await step.delete(on: db)
            try await Self.renumber(pathwayID, PathwayOrdering.normalized(try await Self.slots(pathwayID, on: db)), on: db)
            try await pathway.touch(on: db)
        }
        req.flash(req.t("step.deleted"))
        return req.redirect(to: "/zorgpaden/\(pathwayID.uuidString.lowercased())/bewerken")
    }

    // MARK: helpers

    /// The pathway of the `:id` path; a draft that `access` may not edit is a 404, as if it did not exist.
    private func load(_ req: Request, visibleTo access: DirectoryAccess? = nil) async throws -> (Pathway, PathwayView) {
        guard let id = req.parameters.get("id", as: UUID.self),
              let pathway = try await Pathway.query(on: req.db).filter(\.$id == id).with(\.$coalition).with(\.$steps).first() else {
            throw PageError.notFound
        }
        if let access, !pathway.isVisible(to: access) { throw PageError.notFound }
        let orgs = try await Organisation.query(on: req.db).all()
        let names = Dictionary(uniqueKeysWithValues: orgs.map { ($0.id!, $0.name) })
        return (pathway, PathwaySteps.view(pathway, steps: pathway.steps, coalition: pathway.coalition, snapshot: req.directory,
                                           organisations: names, english: req.isEnglish, receiving: try await req.referralReceiving()))
    }

    private func editable(_ req: Request) async throws -> (User, Pathway) {
        let user = try req.require(.composePathways)
        guard let id = req.parameters.get("id", as: UUID.self), let pathway = try await Pathway.find(id, on: req.db) else {
            throw PageError.notFound
        }
        let access = try await DirectoryAccess.load(for: user, on: req.db)
        guard access.canEdit(coalitionID: pathway.$coalition.id) else { throw PageError.forbidden }
        return (user, pathway)
    }

    private func editableCoalitions(_ user: User, _ req: Request) async throws -> [Coalition] {
        let access = try await DirectoryAccess.load(for: user, on: req.db)
        return try await Coalition.allSorted(on: req.db).filter { access.canEdit(coalitionID: $0.id!) }
    }

    private static func form(_ p: Pathway) -> PathwayForm {
        PathwayForm(title: p.title, theme: p.theme, coalition: p.$coalition.id.uuidString.lowercased(), summary: p.summary)
    }

    private static func step(_ req: Request, _ pathway: Pathway) async throws -> PathwayStep {
        guard let id = req.parameters.get("step", as: UUID.self), let step = try await PathwayStep.find(id, on: req.db),
              step.$pathway.id == pathway.id else { throw PageError.notFound }
        return step
    }

    private static func slots(_ pathwayID: UUID, on db: any Database) async throws -> [PathwayOrdering.Slot] {
        try await PathwayStep.query(on: db).filter(\.$pathway.$id == pathwayID).all()
            .map { .init(id: $0.id!, phase: $0.phase, position: $0.position) }
    }

    private static func renumber(_ pathwayID: UUID, _ slots: [PathwayOrdering.Slot], on db: any Database) async throws {
        for slot in slots {
            try await PathwayStep.query(on: db).filter(\.$id == slot.id).set(\.$position, to: slot.position).update()
        }
    }

    private func renderEdit(_ req: Request, user: User, pathway: Pathway?, form: PathwayForm, errors: FieldErrors,
                            stepForm: StepForm = StepForm(), stepErrors: FieldErrors = [:], editing: PathwayStep? = nil) async throws -> View {
        let english = req.isEnglish
        let coalitions = try await editableCoalitions(user, req)
        var view: PathwayView?
        var stepEditor: StepEditor?
        if let pathway, let id = pathway.id {
            let (_, v) = try await load(req)
            view = v
            let municipalities = try await CoalitionMunicipality.query(on: req.db).filter(\.$coalition.$id == pathway.$coalition.id).all().map(\.municipalityCode)
            var services: [ServiceRecord] = []
            for m in municipalities {
                services += req.directory.search(DirectoryQuery(municipality: m, perPage: 200)).hits.map(\.service)
            }
            let serviceOptions = Dictionary(services.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }).values
                .sorted { $0.name < $1.name }
                .map { SelectOption(value: $0.id.uuidString.lowercased(), label: "\($0.name) (\($0.organisationName))", selected: $0.id.uuidString.lowercased() == stepForm.service?.lowercased()) }
            let orgs = try await Organisation.query(on: req.db).sort(\.$name).all()
            let base = "/zorgpaden/\(id.uuidString.lowercased())/stappen"
            stepEditor = StepEditor(
                action: editing.map { "\(base)/\($0.id!.uuidString.lowercased())/bewerken" } ?? base,
                isNew: editing == nil,
                title: stepForm.title ?? "", description: stepForm.description ?? "",
                contactPerson: stepForm.contactPerson ?? "", agreement: stepForm.agreement ?? "",
                phases: SelectOption.terms(.fase, selected: stepForm.phase, english: english),
                kinds: StepKind.allCases.map { SelectOption(value: $0.rawValue, label: $0.label(english: english), selected: $0.rawValue == stepForm.kind) },
                organisations: orgs.map { SelectOption(value: $0.id!.uuidString.lowercased(), label: $0.name, selected: $0.id!.uuidString.lowercased() == stepForm.organisation?.lowercased()) },
                services: serviceOptions, errors: stepErrors)
        }
        let allErrors = errors.merging(stepErrors)
        let order = ["title", "theme", "coalition", "summary", "phase", "kind", "description", "organisation", "service"]
        let title = req.t(pathway == nil ? "pathway.new.title" : "pathway.edit.title")
        return try await req.view.render("directory/pathway-edit", PathwayEditPage(
            page: try await req.pageMeta(title: allErrors.isEmpty ? title : req.t("form.errors.prefix") + title, forms: true),
            isNew: pathway == nil,
            action: pathway.map { "/zorgpaden/\($0.id!.uuidString.lowercased())/bewerken" } ?? "/zorgpaden/nieuw",
            pathway: view, title: form.title ?? "", summary: form.summary ?? "",
            themes: SelectOption.terms(.thema, selected: form.theme, english: english),
            coalitions: coalitions.map { SelectOption(value: $0.id!.uuidString.lowercased(), label: $0.name, selected: $0.id!.uuidString.lowercased() == form.coalition?.lowercased()) },
            errors: errors,
            errorList: order.compactMap { k in allErrors[k].map { ErrorLink(field: (stepErrors[k] != nil ? "step-" : "") + k, message: $0) } },
            step: stepEditor))
    }
}

extension Pathway {
    /// Marks the pathway as changed when one of its steps changes.
    func touch(on db: any Database) async throws {
        updatedAt = Date()
        try await save(on: db)
    }
}
