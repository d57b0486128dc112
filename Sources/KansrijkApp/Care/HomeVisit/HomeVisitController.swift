import Fluent
import Vapor

struct HomeVisitPage: Encodable {
    struct Step: Encodable { var state: String; var label: String; var day: String? }
    var page: PageMeta
    var clientHref: String
    var clientCode: String
    var action: String
    var steps: [Step]
    var states: [SelectOption]
    var day: String
    var recordedBy: String?
    var errors: FieldErrors
    var errorList: [ErrorLink]
}

/// Recording the prenatal home visit (issue 15): any care professional of an organisation involved
/// with the client (mostly the JGZ) sets the next step and its day. Emergency access reads only.
struct HomeVisitController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let h = routes.grouped("zorg", "clienten", ":client", "huisbezoek")
        h.get(use: show)
        h.post(use: record)
    }

    struct Form: Content { var state: String?; var day: String? }

    @Sendable func show(req: Request) async throws -> View {
        let (client, basis) = try await scope(req)
        let now = Date()
        try await req.audit(.read, client: client.id, basis: basis, what: "prenatal home visit", now: now)
        let visit = try await PrenatalHomeVisit.of(client: client.requireID(), on: req.db)
        return try await render(req, client: client, visit: visit, form: Form(state: Self.next(after: visit?.state).rawValue,
                                                                             day: CalendarDay.iso(CalendarDay.day(at: now))), errors: [:])
    }

    @Sendable func record(req: Request) async throws -> Response {
        let (client, basis) = try await scope(req)
        let user = try req.requireUser()
        let form = try req.content.decode(Form.self)
        let now = Date()
        let clientID = try client.requireID()
        let visit = try await PrenatalHomeVisit.of(client: clientID, on: req.db)
        var errors = FieldErrors()
        let state = HomeVisitState(rawValue: form.state ?? "")
        if state == nil { errors["state"] = req.t("homevisit.state.invalid") }
        let day = CalendarDay.parse(form.day)
        let today = CalendarDay.day(at: now)
        if day == nil { errors["day"] = req.t("homevisit.day.invalid") }
        // only a planned visit lies ahead; an offer, a visit held or declined has happened (at most a year ahead for a plan)
        else if let day, let state, state != .planned, day > today { errors["day"] = req.t("homevisit.day.future") }
        else if let day, day > today.addingTimeInterval(366 * 86_400) { errors["day"] = req.t("homevisit.day.far") }
        else if let day, day < today.addingTimeInterval(-3 * 366 * 86_400) { errors["day"] = req.t("homevisit.day.past") }
        guard errors.isEmpty, let state, let day else {
            return try await render(req, client: client, visit: visit, form: form, errors: errors).encodeResponse(status: .unprocessableEntity, for: req)
        }
        try await req.db.auditedTransaction { db in
            let v = try await PrenatalHomeVisit.of(client: clientID, on: db)
                ?? PrenatalHomeVisit(clientID: clientID, organisationID: user.$organisation.id, userID: try user.requireID(), now: now)
            v.record(state, on: day)
            v.$organisation.id = user.$organisation.id
            v.updatedBy = try user.requireID()
            v.updatedAt = now
            try await v.save(on: db)
            try await req.audit(.update, client: clientID, basis: basis, what: "prenatal home visit \(state.rawValue)", on: db, now: now)
        }
        req.flash(req.t("homevisit.saved"))
        return req.redirect(to: "/zorg/clienten/\(clientID.slug)")
    }

    /// The step a form proposes next.
    static func next(after state: HomeVisitState?) -> HomeVisitState {
        switch state {
        case nil: .offered
        case .offered: .planned
        case .planned, .held, .declined: .held
        }
    }

    private func scope(_ req: Request) async throws -> (CareClient, AccessBasis) {
        let (user, access) = try await req.careAccess()
        guard user.role == .professional else { throw Abort(.forbidden, reason: req.t("homevisit.professionals")) }
        return try await req.careClient(access, now: Date())
    }

    private func render(_ req: Request, client: CareClient, visit: PrenatalHomeVisit?, form: Form, errors: FieldErrors) async throws -> View {
        let id = try client.requireID()
        var by: String?
        if let visit { by = try await Organisation.find(visit.$organisation.id, on: req.db)?.name }
        return try await req.view.render("care/home-visit", HomeVisitPage(
            page: try await req.pageMeta(title: (errors.isEmpty ? "" : req.t("form.errors.prefix")) + req.t("homevisit.title") + " " + client.code, forms: true),
            clientHref: "/zorg/clienten/\(id.slug)", clientCode: client.code, action: "/zorg/clienten/\(id.slug)/huisbezoek",
            steps: HomeVisitState.allCases.map { s in
                .init(state: s.rawValue, label: req.t("homevisit.state.\(s.rawValue)"), day: visit?.day(of: s).map(req.date))
            },
            states: HomeVisitState.allCases.map { SelectOption(value: $0.rawValue, label: req.t("homevisit.state.\($0.rawValue)"), selected: form.state == $0.rawValue) },
            day: form.day ?? "", recordedBy: by, errors: errors, errorList: ErrorLink.list(errors, order: ["state", "day"])))
    }
}
