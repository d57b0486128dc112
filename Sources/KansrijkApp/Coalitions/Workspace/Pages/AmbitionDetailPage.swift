import Fluent
import Vapor

/// One ambition: its goals, the activities of the action agenda with owner, dates and status,
/// the services it created, the indicators it should move, and the agreements that hold it.
struct AmbitionDetailPage: Encodable {
    struct Summary: Encodable { var title: String; var phase: String; var description: String; var indicators: [String]; var editHref: String }
    struct Goal: Encodable { var title: String; var measure: String; var deleteAction: String? }
    struct Activity: Encodable {
        var title: String; var goal: String?; var owner: String?; var period: String; var status: String; var statusCode: String
        var overdue: Bool; var editHref: String?
    }
    struct Link: Encodable { var label: String; var href: String }
    struct GoalEditor: Encodable { var action: String; var title: String; var measure: String; var errors: FieldErrors }

    var page: PageMeta
    var ws: WorkspaceHeader
    var ambition: Summary
    var progress: String
    var percent: Int
    var total: Int
    var overdue: Int
    var goals: [Goal]
    var activities: [Activity]
    var services: [Link]
    var agreements: [Link]
    var goalForm: GoalEditor?
    var activity: ActivityEditor?
    var errorList: [ErrorLink]

    static func build(_ req: Request, _ ws: CoalitionWorkspace, _ a: Ambition, goalForm: GoalForm = GoalForm(),
                      activityForm: ActivityForm? = nil, errors: FieldErrors = [:]) async throws -> AmbitionDetailPage {
        let db = req.db, id = try a.requireID()
        let goals = try await AmbitionGoal.query(on: db).filter(\.$ambition.$id == id).sort(\.$position).all()
        let activities = try await AmbitionActivity.query(on: db).filter(\.$ambition.$id == id)
            .with(\.$owner) { $0.with(\.$organisation) }.with(\.$goal).sort(\.$startsOn).all()
        let serviceIDs = try await AmbitionService.query(on: db).filter(\.$ambition.$id == id).all().map(\.serviceID)
        let agreementIDs = try await CoalitionAgreementAmbition.query(on: db).filter(\.$ambition.$id == id).all().map { $0.$agreement.id }
        let agreements = agreementIDs.isEmpty ? [] : try await CoalitionAgreement.query(on: db).filter(\.$id ~~ agreementIDs).sort(\.$signedOn).all()
        let progress = AmbitionProgress(activities.map { ($0.status, $0.endsOn) }, today: ws.today)
        let base = "\(ws.base)/ambities/\(id.slug)"
        let activityForm = activityForm ?? ActivityForm(status: ActivityStatus.planned.rawValue, startsOn: CalendarDay.iso(ws.today))
        let activityErrors = FieldErrors(filtering: errors, keys: ActivityEditor.order)
        return AmbitionDetailPage(
            page: try await req.workspaceMeta(ws, a.title, errors: !errors.isEmpty),
            ws: WorkspaceHeader(ws, .ambitions, req),
            ambition: .init(title: a.title, phase: req.t("ambition.phase.\(a.phase.rawValue)"), description: a.description,
                            indicators: a.indicatorCodes, editHref: "\(base)/bewerken"),
            progress: String(format: req.t("ambition.progress"), progress.done, progress.total),
            percent: progress.percentDone, total: progress.total, overdue: progress.overdue,
            goals: goals.map { g in
                .init(title: g.title, measure: g.measure, deleteAction: ws.canEdit ? "\(base)/doelen/\(g.id!.slug)/verwijderen" : nil)
            },
            activities: activities.map { act in
                let overdue = (act.status == .planned || act.status == .running) && (act.endsOn.map { $0 < ws.today } ?? false)
                return .init(title: act.title, goal: act.goal?.title, owner: act.owner?.organisation.name,
                             period: req.date(act.startsOn) + (act.endsOn.map { " – " + req.date($0) } ?? ""),
                             status: req.t("activity.status.\(act.status.rawValue)"), statusCode: act.status.rawValue, overdue: overdue,
                             editHref: ws.canEdit ? "\(ws.base)/activiteiten/\(act.id!.slug)/bewerken" : nil)
            },
            services: serviceIDs.compactMap { req.directory.service($0) }.map { .init(label: $0.name, href: "/aanbod/\($0.id.slug)") },
            agreements: agreements.map { .init(label: "\($0.title) (\(req.date($0.signedOn)))", href: "\(ws.base)/afspraken/\($0.id!.slug)") },
            goalForm: ws.canEdit ? GoalEditor(action: "\(base)/doelen", title: goalForm.title ?? "", measure: goalForm.measure ?? "",
                                              errors: FieldErrors(filtering: errors, keys: ["goal_title", "goal_measure"])) : nil,
            activity: ws.canEdit ? try await ActivityEditor.build(req, ws, a, form: activityForm, errors: activityErrors,
                                                                      action: "\(base)/activiteiten") : nil,
            errorList: ErrorLink.list(errors, order: ["goal_title", "goal_measure"] + ActivityEditor.order))
    }
}

/// The activity form with its options: goals of the ambition, partners as owner, statuses.
struct ActivityEditor: Encodable {
    static let order = ["activity_title", "goal", "owner", "status", "starts_on", "ends_on"]

    var action: String
    var title: String
    var startsOn: String
    var endsOn: String
    var goals: [SelectOption]
    var owners: [SelectOption]
    var statuses: [SelectOption]
    var errors: FieldErrors

    static func build(_ req: Request, _ ws: CoalitionWorkspace, _ a: Ambition, form: ActivityForm, errors: FieldErrors, action: String) async throws -> ActivityEditor {
        let goals = try await AmbitionGoal.query(on: req.db).filter(\.$ambition.$id == a.requireID()).sort(\.$position).all()
        let partners = try await CoalitionPartner.all(of: ws, on: req.db)
        let owner = form.owner?.lowercased()
        return ActivityEditor(
            action: action, title: form.title ?? "", startsOn: form.startsOn ?? "", endsOn: form.endsOn ?? "",
            goals: goals.map { SelectOption(value: $0.id!.slug, label: $0.title, selected: $0.id!.slug == form.goal?.lowercased()) },
            // a partner that left stays available only where it already owns the activity
            owners: partners.filter { $0.isCurrent(on: ws.today) || $0.id!.slug == owner }
                .map { SelectOption(value: $0.id!.slug, label: $0.organisation.name, selected: $0.id!.slug == owner) },
            statuses: SelectOption.labelled(ActivityStatus.self, prefix: "activity.status", selected: form.status, req),
            errors: errors)
    }
}

struct ActivityEditPage: Encodable {
    var page: PageMeta
    var ws: WorkspaceHeader
    var ambitionTitle: String
    var ambitionHref: String
    var activity: ActivityEditor
    var errorList: [ErrorLink]
}

extension FieldErrors {
    /// Only the messages of these fields (a page with two forms shows each its own).
    init(filtering errors: FieldErrors, keys: [String]) {
        self.init()
        for k in keys { self[k] = errors[k] }
    }
}
