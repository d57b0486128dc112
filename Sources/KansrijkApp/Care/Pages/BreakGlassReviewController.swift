import Fluent
import Vapor

struct BreakGlassListPage: Encodable {
    struct Row: Encodable {
        var id: String
        var user: String
        var code: String
        var reasonKind: String
        var reason: String
        var granted: String
        var expires: String
        var active: Bool
        var reviewed: String?
        var canReview: Bool
    }
    struct Attempt: Encodable { var user: String; var when: String; var outcome: String; var reason: String }
    var page: PageMeta
    var grants: [Row]
    var attempts: [Attempt]
    var showsAttempts: Bool
}

/// Every emergency access, for those who must know of it (issue #13, item 2): the admin sees all
/// grants and every refused request; a coordinator the grants on clients of her coalitions'
/// municipalities; a professional those on clients her organisation is involved with. Admins and
/// coordinators record their review of each grant. Opening the list marks the reader's notices read.
struct BreakGlassReviewController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let g = routes.grouped("zorg", "noodtoegang")
        g.get("overzicht", use: list)
        g.post(":grant", "beoordelen", use: review)
    }

    struct Scope {
        var all = false
        var municipalities: Set<String>? = nil
        var organisation: UUID? = nil
        var mayReview = false
    }

    static func scope(for user: User, on db: any Database) async throws -> Scope {
        switch user.role {
        case .admin: return Scope(all: true, mayReview: true)
        case .coordinator: return Scope(municipalities: try await DirectoryAccess.load(for: user, on: db).coalitionMunicipalities, mayReview: true)
        case .professional: return Scope(organisation: user.$organisation.id)
        case .policy: throw PageError.forbidden
        }
    }

    /// The grants (newest first, at most 500) this scope may see, with their clients' codes.
    static func grants(in scope: Scope, on db: any Database, now: Date) async throws -> [(BreakGlassAccess, String)] {
        let grants = try await BreakGlassAccess.query(on: db).with(\.$user).with(\.$organisation)
            .sort(\.$grantedAt, .descending).limit(500).all()
        let clients = grants.isEmpty ? [] : try await CareClient.query(on: db).filter(\.$id ~~ Set(grants.map(\.clientID))).all()
        let byID = Dictionary(clients.compactMap { c in c.id.map { ($0, c) } }, uniquingKeysWith: { a, _ in a })
        var involved = Set<UUID>()
        if let organisation = scope.organisation, !clients.isEmpty {
            involved = Set(try await ClientInvolvement.query(on: db).filter(\.$organisation.$id == organisation)
                .filter(\.$client.$id ~~ Array(byID.keys)).filter(\.$since <= now)
                .group(.or) { $0.filter(\.$until == nil).filter(\.$until > now) }.all().map { $0.$client.id })
        }
        return grants.compactMap { grant in
            let client = byID[grant.clientID]
            if scope.all { return (grant, client?.code ?? "—") }
            guard let client else { return nil }
            if let municipalities = scope.municipalities, municipalities.contains(client.municipalityCode) { return (grant, client.code) }
            if scope.organisation != nil, involved.contains(grant.clientID) { return (grant, client.code) }
            return nil
        }
    }

    @Sendable func list(req: Request) async throws -> View {
        let user = try req.requireUser()
        let scope = try await Self.scope(for: user, on: req.db)
        let now = Date()
        let grants = try await Self.grants(in: scope, on: req.db, now: now)
        let reviewers = Set(grants.compactMap { $0.0.reviewedBy })
        let names = reviewers.isEmpty ? [:] : Dictionary(try await User.query(on: req.db).filter(\.$id ~~ reviewers).all().compactMap { u in u.id.map { ($0, u.name) } },
                                                         uniquingKeysWith: { a, _ in a })
        let rows = grants.map { grant, code in
            BreakGlassListPage.Row(
                id: grant.id?.slug ?? "", user: "\(grant.user.name) (\(grant.user.email)), \(grant.organisation.name)", code: code,
                reasonKind: grant.reasonKind.map { req.t("breakglass.reason.\($0)") } ?? "—", reason: grant.reason,
                granted: MeetingTime.dutch(grant.grantedAt), expires: MeetingTime.dutch(grant.expiresAt), active: grant.expiresAt > now,
                reviewed: grant.reviewedAt.map { at in
                    "\(MeetingTime.dutch(at)), \(grant.reviewedBy.flatMap { names[$0] } ?? "?")" + (grant.reviewNote.map { ": \($0)" } ?? "")
                },
                canReview: scope.mayReview && grant.reviewedAt == nil)
        }
        var attempts: [BreakGlassListPage.Attempt] = []
        if scope.all {
            let refused = try await BreakGlassAttempt.query(on: req.db).filter(\.$outcome != .granted)
                .sort(\.$attemptedAt, .descending).limit(200).all()
            let people = refused.isEmpty ? [:] : Dictionary(try await User.query(on: req.db).filter(\.$id ~~ Set(refused.map(\.userID))).all()
                .compactMap { u in u.id.map { ($0, "\(u.name) (\(u.email))") } }, uniquingKeysWith: { a, _ in a })
            attempts = refused.map {
                .init(user: people[$0.userID] ?? "?", when: MeetingTime.dutch($0.attemptedAt),
                      outcome: req.t("breakglass.outcome.\($0.outcome.rawValue)"), reason: $0.reason)
            }
        }
        try await BreakGlassNotice.query(on: req.db).filter(\.$userID == user.requireID()).filter(\.$readAt == nil)
            .set(\.$readAt, to: now).update()
        return try await req.view.render("care/breakglass-list", BreakGlassListPage(
            page: try await req.pageMeta(title: req.t("breakglass.list.title"), forms: scope.mayReview),
            grants: rows, attempts: attempts, showsAttempts: scope.all))
    }

    struct ReviewForm: Content { var note: String? }

    @Sendable func review(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let scope = try await Self.scope(for: user, on: req.db)
        guard scope.mayReview else { throw PageError.forbidden }
        guard let id = req.parameters.get("grant", as: UUID.self) else { throw PageError.notFound }
        let now = Date()
        // the same rule as the list: a grant outside the scope does not exist for this reviewer
        guard let (grant, _) = try await Self.grants(in: scope, on: req.db, now: now).first(where: { $0.0.id == id }) else { throw PageError.notFound }
        let form = try req.content.decode(ReviewForm.self)
        let note = FormInput.text(form.note).map { String($0.prefix(1000)) }
        guard grant.reviewedAt == nil else { return req.redirect(to: "/zorg/noodtoegang/overzicht") }
        try await req.db.auditedTransaction { db in
            grant.reviewedAt = now
            grant.reviewedBy = try user.requireID()
            grant.reviewNote = note
            try await grant.save(on: db)
            try await req.audit(.update, client: grant.clientID, basis: .administration, what: "break-the-glass \(id.slug) reviewed", on: db, now: now)
        }
        req.flash(req.t("breakglass.reviewed"))
        return req.redirect(to: "/zorg/noodtoegang/overzicht")
    }
}
