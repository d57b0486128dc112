import Fluent
import Vapor

struct ExtraCareListPage: Encodable {
    var page: PageMeta
    var open: [ExtraCareRow]
    var decided: [ExtraCareRow]
    var registers: [SelectOption]
}

struct ExtraCareShowPage: Encodable {
    var page: PageMeta
    var row: ExtraCareRow
    var reason: String
    var municipality: String
    var coalition: String
    var registerHref: String?
    /// The decision-maker's list, for decision-makers only.
    var listHref: String?
    var decisionNote: String?
    var canDecide: Bool
    var canSettle: Bool
    var decideAction: String
    var settleAction: String
    var unitWord: String
    var decision: ExtraCareDecisionForm
    var financers: [SelectOption]
    var settle: ExtraCareSettleForm
    var errors: FieldErrors
    var errorList: [ErrorLink]
}

/// The decision-maker's side (issue 15): open requests oldest first, one request with its decision
/// forms, and "afgerekend" afterwards. Who may do what is in `ExtraCareDeciders`; a request of
/// another coalition is a 404, a request of one's own coalition one may not decide a 403.
struct ExtraCareDecisionController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let e = routes.grouped("zorg", "extra-zorg")
        e.get(use: list)
        e.get(":request", use: show)
        e.post(":request", "besluit", use: decide)
        e.post(":request", "afgerekend", use: settle)
    }

    @Sendable func list(req: Request) async throws -> View {
        let user = try req.requireUser()
        let coalitions = try await ExtraCareDeciders.coalitionIDs(decidedBy: user, on: req.db)
        guard !coalitions.isEmpty else { throw Abort(.forbidden, reason: req.t("extracare.notdecider")) }
        let now = Date()
        let requests = try await ExtraCareRequest.query(on: req.db).filter(\.$coalition.$id ~~ Array(coalitions))
            .with(\.$organisation).sort(\.$requestedAt, .ascending).all()
        let open = requests.filter { $0.status == .open }
        let decided = requests.filter { $0.status != .open }.sorted { ($0.decidedAt ?? $0.requestedAt) > ($1.decidedAt ?? $1.requestedAt) }.prefix(20)
        try await req.audit(.read, client: nil, basis: nil, what: "extra care requests (\(open.count) open)", now: now)
        let slugs = try await Coalition.query(on: req.db).filter(\.$id ~~ Array(coalitions)).sort(\.$name).all()
        return try await req.view.render("care/extra-care-list", ExtraCareListPage(
            page: try await req.pageMeta(title: req.t("extracare.list.title")),
            open: open.map { ExtraCareRow($0, organisation: $0.organisation.name, req: req, now: now) },
            decided: decided.map { ExtraCareRow($0, organisation: $0.organisation.name, req: req, now: now) },
            registers: slugs.map { SelectOption(value: ExtraCarePaths.register($0.slug), label: $0.name, selected: false) }))
    }

    @Sendable func show(req: Request) async throws -> View {
        let (user, r, basis) = try await readable(req)
        try await req.audit(.read, client: r.clientID, basis: basis, what: "extra care request", now: Date())
        return try await render(req, user: user, r, decision: ExtraCareDecisionForm(granted: String(r.amount)), settle: ExtraCareSettleForm(), errors: [:])
    }

    @Sendable func decide(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let r = try await request(req)
        guard try await ExtraCareDeciders.decides(user, coalition: r.$coalition.id, on: req.db) else {
            try await refuse(req, user: user, r, what: "extra care decision refused: not a named decision-maker")
        }
        let form = try req.content.decode(ExtraCareDecisionForm.self)
        let now = Date()
        switch form.validate(unit: r.unit, english: req.isEnglish) {
        case .failure(let errors):
            return try await render(req, user: user, r, decision: form, settle: ExtraCareSettleForm(), errors: errors)
                .encodeResponse(status: .unprocessableEntity, for: req)
        case .success(let v):
            do {
                try await ExtraCareDesk(db: req.db, notifier: Notifier(app: req.application)).decide(r, v, by: user, now: now)
            } catch ExtraCareDesk.Refusal.alreadyDecided {
                let fresh = try await request(req)
                return try await render(req, user: user, fresh, decision: form, settle: ExtraCareSettleForm(),
                                        errors: ["decision": req.t("extracare.decided.already")]).encodeResponse(status: .conflict, for: req)
            }
            if case .approve = v { req.flash(req.t("extracare.approved.done")) } else { req.flash(req.t("extracare.rejected.done")) }
            return req.redirect(to: ExtraCarePaths.request(try r.requireID()))
        }
    }

    @Sendable func settle(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let r = try await request(req)
        guard try await ExtraCareDeciders.readsRegister(user, coalition: r.$coalition.id, on: req.db) else {
            try await refuse(req, user: user, r, what: "extra care settlement refused")
        }
        let form = try req.content.decode(ExtraCareSettleForm.self)
        let now = Date()
        guard r.status == .approved else {
            return try await render(req, user: user, r, decision: ExtraCareDecisionForm(), settle: form,
                                    errors: ["amount": req.t("extracare.settle.notapproved")]).encodeResponse(status: .unprocessableEntity, for: req)
        }
        switch form.validate(today: CalendarDay.day(at: now), english: req.isEnglish) {
        case .failure(let errors):
            return try await render(req, user: user, r, decision: ExtraCareDecisionForm(), settle: form, errors: errors)
                .encodeResponse(status: .unprocessableEntity, for: req)
        case .success(let (cents, day)):
            try await ExtraCareDesk(db: req.db, notifier: Notifier(app: req.application)).settle(r, cents: cents, on: day, by: user, now: now)
            req.flash(req.t("extracare.settled.done"))
            return req.redirect(to: ExtraCarePaths.request(try r.requireID()))
        }
    }

    /// The request of the path, or 404.
    private func request(_ req: Request) async throws -> ExtraCareRequest {
        guard let id = req.parameters.get("request", as: UUID.self),
              let r = try await ExtraCareRequest.query(on: req.db).filter(\.$id == id).with(\.$organisation).with(\.$coalition).first()
        else { throw PageError.notFound }
        return r
    }

    /// The request for a reader: its coalition's decision-makers and coordinators, and the requesting
    /// organisation while it may still see the client (then with its access basis).
    private func readable(_ req: Request) async throws -> (User, ExtraCareRequest, AccessBasis?) {
        let (user, access) = try await req.careAccess()
        let r = try await request(req)
        if try await ExtraCareDeciders.readsRegister(user, coalition: r.$coalition.id, on: req.db) { return (user, r, nil) }
        if r.$organisation.id == user.$organisation.id, let clientID = r.clientID,
           let basis = try await access.basis(for: clientID, on: req.db, now: Date()) {
            return (user, r, basis)
        }
        try await refuse(req, user: user, r, what: "extra care request refused")
    }

    /// 403 for someone of the request's coalition (she knows it exists: a professional, a policy
    /// advisor, a coordinator not named) and for admins; 404 for everyone else.
    private func refuse(_ req: Request, user: User, _ r: ExtraCareRequest, what: String) async throws -> Never {
        let member = try await CoalitionMember.query(on: req.db).filter(\.$user.$id == user.requireID())
            .filter(\.$coalition.$id == r.$coalition.id).count() > 0
        guard member || user.role == .admin else { throw PageError.notFound }
        if let clientID = r.clientID { try await req.audit(.denied, client: clientID, basis: nil, what: what, now: Date()) }
        throw Abort(.forbidden, reason: req.t("extracare.notdecider"))
    }

    private func render(_ req: Request, user: User, _ r: ExtraCareRequest, decision: ExtraCareDecisionForm, settle: ExtraCareSettleForm,
                        errors: FieldErrors) async throws -> View {
        let now = Date()
        let coalitionID = r.$coalition.id
        let decides = try await ExtraCareDeciders.decides(user, coalition: coalitionID, on: req.db)
        let readsRegister = try await ExtraCareDeciders.readsRegister(user, coalition: coalitionID, on: req.db)
        let id = try r.requireID()
        let order = ExtraCareDecisionForm.order + ExtraCareSettleForm.order
        return try await req.view.render("care/extra-care-show", ExtraCareShowPage(
            page: try await req.pageMeta(title: (errors.isEmpty ? "" : req.t("form.errors.prefix")) + req.t("extracare.show.title") + " " + r.clientCode, forms: true),
            row: ExtraCareRow(r, organisation: r.organisation.name, req: req, now: now), reason: r.reason,
            municipality: req.directory.municipalities[r.municipalityCode]?.name ?? r.municipalityCode, coalition: r.coalition.name,
            registerHref: readsRegister ? ExtraCarePaths.register(r.coalition.slug) : nil, listHref: decides ? ExtraCarePaths.list : nil,
            decisionNote: r.decisionNote,
            canDecide: decides && r.status == .open, canSettle: readsRegister && r.status == .approved,
            decideAction: ExtraCarePaths.decide(id), settleAction: ExtraCarePaths.settle(id),
            unitWord: req.t("extracare.unit.\(r.unit.rawValue)").lowercased(), decision: decision,
            financers: ExtraCareFinancer.allCases.map { SelectOption(value: $0.rawValue, label: req.t("extracare.financer.\($0.rawValue)"),
                                                                      selected: decision.financer == $0.rawValue) },
            settle: settle, errors: errors, errorList: ErrorLink.list(errors, order: order)))
    }
}
