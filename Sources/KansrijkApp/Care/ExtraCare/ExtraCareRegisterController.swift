import Fluent
import Vapor

struct ExtraCareRegisterPage: Encodable {
    struct QuarterRow: Encodable { var period: String; var requests: Int; var approved: Int; var rejected: Int; var median: String; var granted: String }
    struct Candidate: Encodable { var id: String; var name: String; var role: String; var checked: Bool }
    var page: PageMeta
    var coalition: String
    var coalitionHref: String
    var rows: [ExtraCareRow]
    var quarters: [QuarterRow]
    var deciders: [String]
    var canChoose: Bool
    var chooseAction: String
    var candidates: [Candidate]
    var error: String?
}

/// The coalition's register of extra care (issue 15): every request with its decision, financer and
/// settlement, the figures per quarter, and the choice of decision-makers. Readers: the coalition's
/// coordinators and decision-makers; only its coordinators choose the decision-makers (from the
/// coalition's members). Policy advisors read the aggregated figures in the progress report instead.
struct ExtraCareRegisterController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let r = routes.grouped("coalities", ":slug", "extra-zorg")
        r.get(use: show)
        r.post("beslissers", use: choose)
    }

    @Sendable func show(req: Request) async throws -> View {
        let (user, coalition) = try await scope(req)
        return try await render(req, user: user, coalition, error: nil)
    }

    @Sendable func choose(req: Request) async throws -> Response {
        let (user, coalition) = try await scope(req)
        let coalitionID = try coalition.requireID()
        guard try await isCoordinator(user, of: coalitionID, on: req.db) else { throw Abort(.forbidden, reason: req.t("extracare.deciders.coordinators")) }
        struct Form: Content { var deciders: [String]? }
        let raw = (try? req.content.decode(Form.self))?.deciders ?? []
        let members = try await members(of: coalitionID, on: req.db)
        let chosen = Set(raw.compactMap { UUID(uuidString: $0) })
        guard !chosen.isEmpty, chosen.isSubset(of: Set(members.compactMap(\.id))), raw.count == chosen.count else {
            return try await render(req, user: user, coalition, error: req.t("extracare.deciders.invalid")).encodeResponse(status: .unprocessableEntity, for: req)
        }
        try await ExtraCareDeciders.set(chosen, coalition: coalitionID, on: req.db)
        req.flash(req.t("extracare.deciders.saved"))
        return req.redirect(to: ExtraCarePaths.register(coalition.slug))
    }

    /// The coalition of the path for a reader of its register; 404 for an unknown slug, 403 otherwise.
    private func scope(_ req: Request) async throws -> (User, Coalition) {
        let user = try req.requireUser()
        guard let slug = req.parameters.get("slug"), let c = try await Coalition.query(on: req.db).filter(\.$slug == slug).first() else { throw PageError.notFound }
        guard try await ExtraCareDeciders.readsRegister(user, coalition: c.requireID(), on: req.db) else {
            throw Abort(.forbidden, reason: req.t("extracare.register.forbidden"))
        }
        return (user, c)
    }

    private func isCoordinator(_ user: User, of coalitionID: UUID, on db: any Database) async throws -> Bool {
        guard user.role == .coordinator, user.isActive else { return false }
        return try await CoalitionMember.query(on: db).filter(\.$user.$id == user.requireID()).filter(\.$coalition.$id == coalitionID).count() > 0
    }

    /// The coalition's active members: the people who may be named decision-maker.
    private func members(of coalitionID: UUID, on db: any Database) async throws -> [User] {
        let ids = try await CoalitionMember.query(on: db).filter(\.$coalition.$id == coalitionID).all().map { $0.$user.id }
        guard !ids.isEmpty else { return [] }
        return try await User.query(on: db).filter(\.$id ~~ ids).filter(\.$isActive == true).sort(\.$name).all()
    }

    private func render(_ req: Request, user: User, _ coalition: Coalition, error: String?) async throws -> View {
        let now = Date()
        let coalitionID = try coalition.requireID()
        let requests = try await ExtraCareRequest.query(on: req.db).filter(\.$coalition.$id == coalitionID).with(\.$organisation)
            .sort(\.$requestedAt, .descending).all()
        try await req.audit(.read, client: nil, basis: nil, what: "extra care register \(coalition.slug) (\(requests.count))", now: now)
        let figures = ExtraCareFigures(requests, quarters: ProcessCounts.quarters(endingAt: now, count: 4))
        let deciders = try await ExtraCareDeciders.users(of: coalitionID, on: req.db)
        let canChoose = try await isCoordinator(user, of: coalitionID, on: req.db)
        let decided = Set(deciders.compactMap(\.id))
        return try await req.view.render("care/extra-care-register", ExtraCareRegisterPage(
            page: try await req.pageMeta(title: req.t("extracare.register.title") + " · " + coalition.name, forms: canChoose),
            coalition: coalition.name, coalitionHref: "/coalities/\(coalition.slug)",
            rows: requests.map { ExtraCareRow($0, organisation: $0.organisation.name, req: req, now: now) },
            quarters: figures.quarters.reversed().map { q in
                ExtraCareRegisterPage.QuarterRow(
                    period: q.period.description, requests: q.requests, approved: q.approved, rejected: q.rejected,
                    median: q.medianHours.map { ReportNumber.dutch($0) } ?? "–",
                    granted: ExtraCareFinancer.allCases.compactMap { f in
                        q.granted[f].map { g in
                            ExtraCareWords.financer(f, other: nil, req) + ": " + [g.hours > 0 ? ExtraCareWords.amount(g.hours, .hours, req) : nil,
                                                                                   g.days > 0 ? ExtraCareWords.amount(g.days, .days, req) : nil]
                                .compactMap { $0 }.joined(separator: ", ")
                        }
                    }.joined(separator: "; "))
            },
            deciders: deciders.map(\.name), canChoose: canChoose, chooseAction: ExtraCarePaths.deciders(coalition.slug),
            candidates: canChoose ? try await members(of: coalitionID, on: req.db).map {
                .init(id: $0.id!.uuidString, name: $0.name, role: req.t("role.\($0.role.rawValue)"), checked: decided.contains($0.id!))
            } : [],
            error: error))
    }
}
