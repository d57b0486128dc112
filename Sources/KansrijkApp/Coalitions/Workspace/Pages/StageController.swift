import Fluent
import Vapor

struct StagesPage: Encodable {
    struct Step: Encodable {
        var label: String; var explanation: String; var reached: Bool; var current: Bool
        var date: String?; var evidence: String?; var deleteAction: String?
    }
    var page: PageMeta
    var ws: WorkspaceHeader
    var steps: [Step]
    var form: StageForm
    var stages: [SelectOption]
    var errors: FieldErrors
    var errorList: [ErrorLink]
}

/// The stages a coalition went through: the day each was reached and what showed it.
struct StageController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let s = routes.grouped("coalities", ":slug", "fasen")
        s.get(use: show)
        s.post(use: record)
        s.post(":id", "verwijderen", use: delete)
    }

    @Sendable func show(req: Request) async throws -> View {
        let ws = try await req.workspace(.read)
        return try await render(req, ws, form: StageForm(), errors: [:])
    }

    @Sendable func record(req: Request) async throws -> Response {
        let ws = try await req.workspace(.edit)
        let form = try req.content.decode(StageForm.self)
        let existing = try await Self.milestones(ws, on: req.db)
        let reached = Dictionary(existing.map { ($0.stage, req.date($0.reachedOn)) }, uniquingKeysWith: { a, _ in a })
        switch form.validate(reached: reached, today: ws.today, english: req.isEnglish) {
        case .failure(let errors):
            return try await render(req, ws, form: form, errors: errors).encodeResponse(status: .unprocessableEntity, for: req)
        case .success(let v):
            try await StageMilestone(coalitionID: ws.id, stage: v.stage, reachedOn: v.reachedOn, evidence: v.evidence).create(on: req.db)
            req.flash(req.t("stage.recorded"))
            return req.redirect(to: "\(ws.base)/fasen")
        }
    }

    @Sendable func delete(req: Request) async throws -> Response {
        let ws = try await req.workspace(.edit)
        guard let id = req.parameters.get("id", as: UUID.self), let m = try await StageMilestone.find(id, on: req.db),
              m.$coalition.id == ws.id else { throw PageError.notFound }
        if let ask = try await req.deleteConfirmation(.init(kindKey: "confirm.kind.stage", name: req.t("stage.\(m.stage.rawValue)")),
                                                      back: "\(ws.base)/fasen") { return ask }
        try await m.delete(on: req.db)
        req.flash(req.t("stage.deleted"))
        return req.redirect(to: "\(ws.base)/fasen")
    }

    static func milestones(_ ws: CoalitionWorkspace, on db: any Database) async throws -> [StageMilestone] {
        try await StageMilestone.query(on: db).filter(\.$coalition.$id == ws.id).all()
    }

    private func render(_ req: Request, _ ws: CoalitionWorkspace, form: StageForm, errors: FieldErrors) async throws -> View {
        let milestones = try await Self.milestones(ws, on: req.db)
        let byStage = Dictionary(milestones.map { ($0.stage, $0) }, uniquingKeysWith: { a, _ in a })
        let timeline = StageTimeline.steps(milestones.map { .init(stage: $0.stage, on: $0.reachedOn, evidence: $0.evidence) })
        let steps = timeline.map { step in
            StagesPage.Step(label: req.t("stage.\(step.stage.rawValue)"),
                            explanation: req.t("stage.\(step.stage.rawValue).explain"), reached: step.reached != nil, current: step.isCurrent,
                            date: step.reached.map { req.date($0.on) }, evidence: step.reached?.evidence,
                            deleteAction: ws.canEdit ? byStage[step.stage].map { "\(ws.base)/fasen/\($0.id!.slug)/verwijderen" } : nil)
        }
        return try await req.view.render("coalitions/stages", StagesPage(
            page: try await req.workspaceMeta(ws, req.t("coalition.tab.stages"), errors: !errors.isEmpty),
            ws: WorkspaceHeader(ws, .stages, req), steps: steps, form: form,
            stages: SelectOption.labelled(CoalitionStage.self, prefix: "stage", selected: form.stage, req),
            errors: errors, errorList: ErrorLink.list(errors, order: ["stage", "reached_on", "evidence"])))
    }
}
