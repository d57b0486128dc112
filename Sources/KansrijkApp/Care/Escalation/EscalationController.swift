import Fluent
import Vapor

struct EscalationPage: Encodable {
    struct Row: Encodable { var reference: String; var service: String; var from: String; var to: String; var cause: String; var days: Int; var role: String }
    struct Ladder: Encodable {
        struct StepRow: Encodable { var afterDays: Int; var role: String; var deleteAction: String? }
        var coalition: String; var slug: String; var steps: [StepRow]; var isDefault: Bool
        /// Coordinators and admins change the ladder; policy advisors read it (they are told of its policy steps, issue #14).
        var canEdit: Bool
    }
    var page: PageMeta
    var rows: [Row]
    var ladders: [Ladder]
    var roles: [SelectOption]
    var error: String?
}

/// Termijnbewaking (deadline watch; called "escalatieladder" before issue 15, a name that now belongs
/// to extra care, `ExtraCareDesk`): the coordinator's worklist of overdue referrals in the coalition's
/// municipalities, shown without any client identity (the coordinator is not involved), and the
/// ladder's steps. The old path answers with a permanent redirect, so bookmarks and mails keep working.
struct EscalationController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("zorg", "escalatie") { req in req.redirect(to: EscalationPaths.page, redirectType: .permanent) }
        let e = routes.grouped("zorg", "termijnbewaking")
        e.get(use: show)
        e.post(":slug", "stappen", use: addStep)
        e.post(":slug", "stappen", ":step", "verwijderen", use: deleteStep)
    }

    @Sendable func show(req: Request) async throws -> View {
        let user = try req.require(.escalationLadder)
        return try await render(req, user: user, error: nil)
    }

    @Sendable func addStep(req: Request) async throws -> Response {
        let user = try req.requireRole(.coordinator, .admin)
        let coalition = try await coalition(req, user: user)
        struct Form: Content { var after_days: String?; var role: String? }
        let form = try req.content.decode(Form.self)
        guard let days = form.after_days.flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }), (1...365).contains(days),
              let role = EscalationRole(rawValue: form.role ?? "") else {
            return try await render(req, user: user, error: req.t("escalation.step.invalid")).encodeResponse(status: .unprocessableEntity, for: req)
        }
        let id = try coalition.requireID()
        if try await EscalationStep.query(on: req.db).filter(\.$coalition.$id == id).filter(\.$afterDays == days).count() > 0 {
            return try await render(req, user: user, error: req.t("escalation.step.twice")).encodeResponse(status: .unprocessableEntity, for: req)
        }
        try await EscalationStep(coalitionID: id, afterDays: days, role: role).create(on: req.db)
        req.flash(req.t("escalation.step.added"))
        return req.redirect(to: EscalationPaths.page)
    }

    @Sendable func deleteStep(req: Request) async throws -> Response {
        let user = try req.requireRole(.coordinator, .admin)
        let coalition = try await coalition(req, user: user)
        guard let id = req.parameters.get("step", as: UUID.self), let step = try await EscalationStep.find(id, on: req.db),
              step.$coalition.id == coalition.id else { throw PageError.notFound }
        let name = req.plural(step.afterDays, "escalation.daysword") + ": " + req.t("escalation.role.\(step.role.rawValue)")
        if let ask = try await req.deleteConfirmation(.init(kindKey: "confirm.kind.escalationStep", name: name), back: EscalationPaths.page) { return ask }
        try await step.delete(on: req.db)
        req.flash(req.t("escalation.step.deleted"))
        return req.redirect(to: EscalationPaths.page)
    }

    private func coalition(_ req: Request, user: User) async throws -> Coalition {
        guard let slug = req.parameters.get("slug"), let c = try await Coalition.query(on: req.db).filter(\.$slug == slug).first() else { throw PageError.notFound }
        let access = try await DirectoryAccess.load(for: user, on: req.db)
        guard access.canEdit(coalitionID: try c.requireID()) else { throw PageError.notFound }
        return c
    }

    private func render(_ req: Request, user: User, error: String?) async throws -> View {
        let now = Date()
        let access = try await DirectoryAccess.load(for: user, on: req.db)
        let coalitions = try await Coalition.query(on: req.db).filter(\.$id ~~ Array(access.coalitionIDs)).sort(\.$name).all()
        var ladders: [EscalationPage.Ladder] = []
        var rows: [EscalationPage.Row] = []
        for c in coalitions {
            let id = try c.requireID()
            let steps = try await EscalationStep.query(on: req.db).filter(\.$coalition.$id == id).sort(\.$afterDays).all()
            let ladder = steps.map { Escalation.Step(afterDays: $0.afterDays, role: $0.role) }
            let canEdit = access.canEdit(coalitionID: id)
            ladders.append(.init(coalition: c.name, slug: c.slug,
                                 steps: steps.isEmpty ? Escalation.defaultLadder.map { .init(afterDays: $0.afterDays, role: req.t("escalation.role.\($0.role.rawValue)"), deleteAction: nil) }
                                    : steps.map { .init(afterDays: $0.afterDays, role: req.t("escalation.role.\($0.role.rawValue)"),
                                                        deleteAction: canEdit ? "\(EscalationPaths.page)/\(c.slug)/stappen/\($0.id!.slug)/verwijderen" : nil) },
                                 isDefault: steps.isEmpty, canEdit: canEdit))
            let municipalities = try await CoalitionMunicipality.query(on: req.db).filter(\.$coalition.$id == id).all().map(\.municipalityCode)
            rows += try await EscalationList.overdue(municipalities: municipalities, ladder: ladder, on: req.db, now: now).map { o in
                EscalationPage.Row(reference: String(o.referral.id!.slug.prefix(8)), service: o.referral.serviceName,
                                   from: o.referral.referringOrganisation.name, to: o.referral.receivingOrganisation.name,
                                   cause: req.t("escalation.cause.\(o.overdue.cause.rawValue)"), days: o.overdue.days,
                                   role: req.t("escalation.role.\(o.overdue.step.role.rawValue)"))
            }
        }
        return try await req.view.render("care/escalation", EscalationPage(
            page: try await req.pageMeta(title: req.t("escalation.title"), forms: true), rows: rows, ladders: ladders,
            roles: EscalationRole.allCases.map { SelectOption(value: $0.rawValue, label: req.t("escalation.role.\($0.rawValue)"), selected: false) },
            error: error))
    }
}

/// Finds the overdue referrals of clients living in some municipalities.
enum EscalationList {
    struct Item { var referral: Referral; var overdue: Escalation.Overdue }

    static func overdue(municipalities: [String], ladder: [Escalation.Step], on db: any Database, now: Date) async throws -> [Item] {
        guard !municipalities.isEmpty else { return [] }
        let candidates = try await Referral.query(on: db)
            .join(CareClient.self, on: \Referral.$client.$id == \CareClient.$id)
            .filter(CareClient.self, \.$municipalityCode ~~ municipalities)
            .filter(\.$status ~~ [ReferralStatus.requested, .rejected])
            // a referral by phone, e-mail or another system is followed up by its sender's reminder, not by this ladder
            .group(.or) { $0.filter(\.$storedChannel == nil).filter(\.$storedChannel == .kansrijk) }
            .with(\.$referringOrganisation).with(\.$receivingOrganisation).all()
        let rejectedClients = Array(Set(candidates.filter { $0.status == .rejected }.map { $0.$client.id }))
        let later = rejectedClients.isEmpty ? [] : try await Referral.query(on: db).filter(\.$client.$id ~~ rejectedClients).all()
        return candidates.compactMap { r in
            let newer = later.contains { $0.$client.id == r.$client.id && $0.requestedAt > r.requestedAt }
            return Escalation.overdue(status: r.status, requestedAt: r.requestedAt, statusChangedAt: r.statusChangedAt,
                                      alternative: r.alternative, hasNewerReferral: newer, ladder: ladder, now: now)
                .map { Item(referral: r, overdue: $0) }
        }.sorted { $0.overdue.days > $1.overdue.days }
    }
}

/// The paths of the termijnbewaking, used both to register the routes and to build links.
enum EscalationPaths {
    static let page = "/zorg/termijnbewaking"
    /// Before issue 15; redirects (301) to `page`.
    static let former = "/zorg/escalatie"
}
