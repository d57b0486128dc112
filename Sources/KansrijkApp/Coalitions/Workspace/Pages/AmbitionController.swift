import Fluent
import Vapor

struct AmbitionsPage: Encodable {
    struct Item: Encodable {
        var title: String; var href: String; var description: String; var goals: Int; var progress: String
        var done: Int; var total: Int; var overdue: Int; var indicators: [String]
    }
    struct Phase: Encodable { var label: String; var items: [Item] }
    var page: PageMeta
    var ws: WorkspaceHeader
    var phases: [Phase]
    var isEmpty: Bool
}

struct AmbitionEditPage: Encodable {
    var page: PageMeta
    var ws: WorkspaceHeader
    var isNew: Bool
    var action: String
    var cancel: String
    var form: AmbitionForm
    var phases: [SelectOption]
    var services: [SelectOption]
    var indicatorHint: String
    var errors: FieldErrors
    var errorList: [ErrorLink]
}

/// Ambitions per phase, each with goals and the activities of the action agenda.
struct AmbitionController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let a = routes.grouped("coalities", ":slug", "ambities")
        a.get(use: list)
        a.get("nieuw", use: newForm)
        a.post("nieuw", use: create)
        a.get(":id", use: show)
        a.get(":id", "bewerken", use: editForm)
        a.post(":id", "bewerken", use: update)
        a.post(":id", "doelen", use: addGoal)
        a.post(":id", "doelen", ":goal", "verwijderen", use: deleteGoal)
        a.post(":id", "activiteiten", use: addActivity)
        let act = routes.grouped("coalities", ":slug", "activiteiten", ":activity", "bewerken")
        act.get(use: editActivityForm)
        act.post(use: updateActivity)
    }

    @Sendable func list(req: Request) async throws -> View {
        let ws = try await req.workspace(.read)
        let ambitions = try await Ambition.query(on: req.db).filter(\.$coalition.$id == ws.id)
            .with(\.$goals).with(\.$activities).sort(\.$position).all()
        let phases = AmbitionPhase.allCases.map { phase in
            AmbitionsPage.Phase(label: req.t("ambition.phase.\(phase.rawValue)"), items: ambitions.filter { $0.phase == phase }.map { a in
                let p = AmbitionProgress(a.activities.map { ($0.status, $0.endsOn) }, today: ws.today)
                return .init(title: a.title, href: "\(ws.base)/ambities/\(a.id!.slug)", description: a.description, goals: a.goals.count,
                             progress: String(format: req.t("ambition.progress"), p.done, p.total), done: p.done, total: p.total,
                             overdue: p.overdue, indicators: a.indicatorCodes)
            })
        }.filter { !$0.items.isEmpty }
        return try await req.view.render("coalitions/ambitions", AmbitionsPage(
            page: try await req.workspaceMeta(ws, req.t("coalition.tab.ambitions")), ws: WorkspaceHeader(ws, .ambitions, req),
            phases: phases, isEmpty: ambitions.isEmpty))
    }

    @Sendable func show(req: Request) async throws -> View {
        let ws = try await req.workspace(.read)
        let ambition = try await Self.ambition(req, ws)
        return try await req.view.render("coalitions/ambition", try await AmbitionDetailPage.build(req, ws, ambition))
    }

    @Sendable func newForm(req: Request) async throws -> View {
        let ws = try await req.workspace(.edit)
        return try await renderEdit(req, ws, ambition: nil, form: AmbitionForm(), errors: [:])
    }

    @Sendable func create(req: Request) async throws -> Response {
        let ws = try await req.workspace(.edit)
        let form = try req.content.decode(AmbitionForm.self)
        switch form.validate(allowedServices: Set(Self.localServices(req, codes: try await ws.coalition.municipalityCodes(on: req.db)).map(\.id)),
                             english: req.isEnglish) {
        case .failure(let errors):
            return try await renderEdit(req, ws, ambition: nil, form: form, errors: errors).encodeResponse(status: .unprocessableEntity, for: req)
        case .success(let v):
            let count = try await Ambition.query(on: req.db).filter(\.$coalition.$id == ws.id).count()
            let ambition = Ambition(coalitionID: ws.id, phase: v.phase, title: v.title, description: v.description,
                                    indicators: v.indicators, position: count + 1)
            try await req.db.writeTransaction { db in
                try await ambition.create(on: db)
                for id in v.serviceIDs { try await AmbitionService(ambitionID: ambition.requireID(), serviceID: id).create(on: db) }
            }
            req.flash(req.t("ambition.created"))
            return req.redirect(to: "\(ws.base)/ambities/\(ambition.id!.slug)")
        }
    }

    @Sendable func editForm(req: Request) async throws -> View {
        let ws = try await req.workspace(.edit)
        let a = try await Self.ambition(req, ws)
        let services = try await AmbitionService.query(on: req.db).filter(\.$ambition.$id == a.requireID()).all()
        let form = AmbitionForm(phase: a.phase.rawValue, title: a.title, description: a.description,
                                indicators: a.indicatorCodes.joined(separator: ", "), services: services.map { $0.serviceID.slug })
        return try await renderEdit(req, ws, ambition: a, form: form, errors: [:])
    }

    @Sendable func update(req: Request) async throws -> Response {
        let ws = try await req.workspace(.edit)
        let a = try await Self.ambition(req, ws)
        let form = try req.content.decode(AmbitionForm.self)
        switch form.validate(allowedServices: Set(Self.localServices(req, codes: try await ws.coalition.municipalityCodes(on: req.db)).map(\.id)),
                             english: req.isEnglish) {
        case .failure(let errors):
            return try await renderEdit(req, ws, ambition: a, form: form, errors: errors).encodeResponse(status: .unprocessableEntity, for: req)
        case .success(let v):
            let id = try a.requireID()
            try await req.db.writeTransaction { db in
                a.phase = v.phase; a.title = v.title; a.description = v.description; a.indicators = v.indicators.joined(separator: ",")
                try await a.save(on: db)
                try await AmbitionService.query(on: db).filter(\.$ambition.$id == id).delete()
                for s in v.serviceIDs { try await AmbitionService(ambitionID: id, serviceID: s).create(on: db) }
            }
            req.flash(req.t("ambition.saved"))
            return req.redirect(to: "\(ws.base)/ambities/\(id.slug)")
        }
    }

    @Sendable func addGoal(req: Request) async throws -> Response {
        let ws = try await req.workspace(.edit)
        let a = try await Self.ambition(req, ws)
        let form = try req.content.decode(GoalForm.self)
        switch form.validate(english: req.isEnglish) {
        case .failure(let errors):
            let page = try await AmbitionDetailPage.build(req, ws, a, goalForm: form, errors: errors)
            return try await req.view.render("coalitions/ambition", page).encodeResponse(status: .unprocessableEntity, for: req)
        case .success(let v):
            let id = try a.requireID()
            let count = try await AmbitionGoal.query(on: req.db).filter(\.$ambition.$id == id).count()
            try await AmbitionGoal(ambitionID: id, title: v.title, measure: v.measure, position: count + 1).create(on: req.db)
            req.flash(req.t("goal.added"))
            return req.redirect(to: "\(ws.base)/ambities/\(id.slug)")
        }
    }

    @Sendable func deleteGoal(req: Request) async throws -> Response {
        let ws = try await req.workspace(.edit)
        let a = try await Self.ambition(req, ws)
        guard let id = req.parameters.get("goal", as: UUID.self), let goal = try await AmbitionGoal.find(id, on: req.db),
              goal.$ambition.id == a.id else { throw PageError.notFound }
        if let ask = try await req.deleteConfirmation(.init(kindKey: "confirm.kind.goal", name: goal.title),
                                                      back: "\(ws.base)/ambities/\(a.id!.slug)") { return ask }
        try await goal.delete(on: req.db)
        req.flash(req.t("goal.deleted"))
        return req.redirect(to: "\(ws.base)/ambities/\(a.id!.slug)")
    }

    @Sendable func addActivity(req: Request) async throws -> Response {
        let ws = try await req.workspace(.edit)
        let a = try await Self.ambition(req, ws)
        let form = try req.content.decode(ActivityForm.self)
        switch form.validate(goals: try await Self.goalIDs(a, on: req.db), partners: try await Self.partnerIDs(ws, on: req.db), english: req.isEnglish) {
        case .failure(let errors):
            let page = try await AmbitionDetailPage.build(req, ws, a, activityForm: form, errors: errors)
            return try await req.view.render("coalitions/ambition", page).encodeResponse(status: .unprocessableEntity, for: req)
        case .success(let v):
            try await AmbitionActivity(ambitionID: a.requireID(), goalID: v.goalID, ownerID: v.ownerID, title: v.title,
                                       status: v.status, startsOn: v.startsOn, endsOn: v.endsOn).create(on: req.db)
            req.flash(req.t("activity.added"))
            return req.redirect(to: "\(ws.base)/ambities/\(a.id!.slug)")
        }
    }

    @Sendable func editActivityForm(req: Request) async throws -> View {
        let ws = try await req.workspace(.edit)
        let (activity, ambition) = try await Self.activity(req, ws)
        let form = ActivityForm(title: activity.title, goal: activity.$goal.id?.slug, owner: activity.$owner.id?.slug,
                                status: activity.status.rawValue, startsOn: CalendarDay.iso(activity.startsOn), endsOn: activity.endsOn.map(CalendarDay.iso))
        return try await renderActivity(req, ws, activity, ambition, form: form, errors: [:])
    }

    @Sendable func updateActivity(req: Request) async throws -> Response {
        let ws = try await req.workspace(.edit)
        let (activity, ambition) = try await Self.activity(req, ws)
        let form = try req.content.decode(ActivityForm.self)
        switch form.validate(goals: try await Self.goalIDs(ambition, on: req.db), partners: try await Self.partnerIDs(ws, on: req.db), english: req.isEnglish) {
        case .failure(let errors):
            return try await renderActivity(req, ws, activity, ambition, form: form, errors: errors).encodeResponse(status: .unprocessableEntity, for: req)
        case .success(let v):
            activity.title = v.title; activity.$goal.id = v.goalID; activity.$owner.id = v.ownerID
            activity.status = v.status; activity.startsOn = v.startsOn; activity.endsOn = v.endsOn
            try await activity.save(on: req.db)
            req.flash(req.t("activity.saved"))
            return req.redirect(to: "\(ws.base)/ambities/\(ambition.id!.slug)")
        }
    }

    // MARK: helpers

    static func ambition(_ req: Request, _ ws: CoalitionWorkspace) async throws -> Ambition {
        guard let id = req.parameters.get("id", as: UUID.self), let a = try await Ambition.find(id, on: req.db),
              a.$coalition.id == ws.id else { throw PageError.notFound }
        return a
    }

    static func activity(_ req: Request, _ ws: CoalitionWorkspace) async throws -> (AmbitionActivity, Ambition) {
        guard let id = req.parameters.get("activity", as: UUID.self),
              let activity = try await AmbitionActivity.query(on: req.db).filter(\.$id == id).with(\.$ambition).first(),
              activity.ambition.$coalition.id == ws.id else { throw PageError.notFound }
        return (activity, activity.ambition)
    }

    static func goalIDs(_ a: Ambition, on db: any Database) async throws -> Set<UUID> {
        Set(try await AmbitionGoal.query(on: db).filter(\.$ambition.$id == a.requireID()).all().compactMap(\.id))
    }

    static func partnerIDs(_ ws: CoalitionWorkspace, on db: any Database) async throws -> Set<UUID> {
        Set(try await CoalitionPartner.query(on: db).filter(\.$coalition.$id == ws.id).all().compactMap(\.id))
    }

    /// Services of the directory in the coalition's municipalities (not nationwide ones).
    static func localServices(_ req: Request, codes: [String]) -> [ServiceRecord] {
        let local = Set(codes)
        return req.directory.services.filter { s in s.areas.contains { local.contains($0.municipalityCode) } }
            .sorted { $0.name.localizedCompare($1.name) == .orderedAscending }
    }

    private func renderEdit(_ req: Request, _ ws: CoalitionWorkspace, ambition: Ambition?, form: AmbitionForm, errors: FieldErrors) async throws -> View {
        let chosen = Set((form.services ?? []).map { $0.lowercased() })
        let services = Self.localServices(req, codes: try await ws.coalition.municipalityCodes(on: req.db))
        let title = req.t(ambition == nil ? "ambition.new.title" : "ambition.edit.title")
        return try await req.view.render("coalitions/ambition-edit", AmbitionEditPage(
            page: try await req.workspaceMeta(ws, title, errors: !errors.isEmpty), ws: WorkspaceHeader(ws, .ambitions, req),
            isNew: ambition == nil,
            action: ambition.map { "\(ws.base)/ambities/\($0.id!.slug)/bewerken" } ?? "\(ws.base)/ambities/nieuw",
            cancel: ambition.map { "\(ws.base)/ambities/\($0.id!.slug)" } ?? "\(ws.base)/ambities",
            form: form,
            phases: SelectOption.labelled(AmbitionPhase.self, prefix: "ambition.phase", selected: form.phase, req),
            services: services.map { SelectOption(value: $0.id.slug, label: "\($0.name) (\($0.organisationName))", selected: chosen.contains($0.id.slug)) },
            indicatorHint: IndicatorCodes.suggested.joined(separator: ", "),
            errors: errors, errorList: ErrorLink.list(errors, order: ["phase", "title", "description", "indicators", "services"])))
    }

    private func renderActivity(_ req: Request, _ ws: CoalitionWorkspace, _ activity: AmbitionActivity, _ ambition: Ambition,
                                form: ActivityForm, errors: FieldErrors) async throws -> View {
        let editor = try await ActivityEditor.build(req, ws, ambition, form: form, errors: errors,
                                                    action: "\(ws.base)/activiteiten/\(activity.id!.slug)/bewerken")
        return try await req.view.render("coalitions/activity-edit", ActivityEditPage(
            page: try await req.workspaceMeta(ws, req.t("activity.edit.title"), errors: !errors.isEmpty),
            ws: WorkspaceHeader(ws, .ambitions, req), ambitionTitle: ambition.title,
            ambitionHref: "\(ws.base)/ambities/\(ambition.id!.slug)", activity: editor,
            errorList: ErrorLink.list(errors, order: ActivityEditor.order)))
    }
}
