import Fluent
import Vapor

struct ClientsPage: Encodable {
    struct Row: Encodable { var href: String; var code: String; var name: String; var phase: String?; var municipality: String; var closed: Bool }
    /// `id` is set on notices that can be marked read here (the emergency-access notices are read on their own list).
    struct Note: Encodable { var href: String; var text: String; var when: String; var id: String? = nil }
    var page: PageMeta
    var clients: [Row]
    var worklists: [WorklistLink]
    var notifications: [Note]
    var markRead: String
    var markAllRead: String
    var canMarkAll: Bool
    var settingsHref: String
}

struct WorklistLink: Encodable { var href: String; var label: String; var count: Int }

/// `/zorg`: the start of the care room, with the worklists, unread notifications and the clients
/// the organisation is involved with.
struct CareHomeController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("zorg", use: show)
        routes.post(NotificationPaths.markRead.pathComponents, use: markRead)
        routes.post(NotificationPaths.markAllRead.pathComponents, use: markAllRead)
    }

    @Sendable func show(req: Request) async throws -> View {
        let (user, access) = try await req.careAccess()
        let now = Date()
        let clients = try await access.visibleClients(on: req.db, now: now, limit: 500)
        try await req.audit(.read, client: nil, basis: nil, what: "client list (\(clients.count))", now: now)
        let municipalities = req.directory.municipalities
        let today = CalendarDay.day(at: now)
        let rows = clients.map { c in
            ClientsPage.Row(href: "/zorg/clienten/\(c.id!.slug)", code: c.code, name: c.name,
                            phase: c.phase(on: today).map { $0.term.label(english: req.isEnglish) },
                            municipality: municipalities[c.municipalityCode]?.name ?? c.municipalityCode, closed: c.closedAt != nil)
        }
        let incoming = try await Referral.query(on: req.db).filter(\.$receivingOrganisation.$id == access.organisationID)
            .filter(\.$status == .requested).filter(access.visibleFilter("client_id", of: Referral.schema, now: now)).count()
        var worklists = [WorklistLink(href: "/zorg/verwijzingen?lijst=inkomend", label: req.t("worklist.incoming"), count: incoming),
                         WorklistLink(href: "/zorg/verwijzingen?lijst=uitgaand", label: req.t("worklist.outgoing"), count: 0),
                         WorklistLink(href: "/zorg/mdo", label: req.t("mdo.title"), count: 0),
                         WorklistLink(href: "/zorg/vrijwilligers", label: req.t("volunteer.title"), count: 0),
                         WorklistLink(href: "/zorg/signaleren/instrument", label: req.t("instrument.title"), count: 0)]
        if BreakGlassDesk.mayAsk(user) {
            worklists.append(WorklistLink(href: "/zorg/noodtoegang", label: req.t("breakglass.title"), count: 0))
        }
        if user.role == .coordinator || user.role == .policy || user.role == .admin {
            worklists.append(WorklistLink(href: EscalationPaths.page, label: req.t("escalation.title"), count: 0))
        }
        // a named decision-maker for extra care sees her open requests (issue 15)
        let decides = try await ExtraCareDeciders.coalitionIDs(decidedBy: user, on: req.db)
        if !decides.isEmpty {
            let open = try await ExtraCareRequest.query(on: req.db).filter(\.$coalition.$id ~~ Array(decides)).filter(\.$status == .open).count()
            worklists.append(WorklistLink(href: ExtraCarePaths.list, label: req.t("extracare.title"), count: open))
        }
        if user.role != .policy {
            worklists.append(WorklistLink(href: "/zorg/noodtoegang/overzicht", label: req.t("breakglass.list.title"), count: 0))
        }
        if user.role == .admin {
            worklists.append(WorklistLink(href: "/zorg/beheer", label: req.t("privacy.title"), count: 0))
        }
        let notes = try await Self.referralNotes(for: user, access: access, req: req, now: now)
        let emergencies = try await Self.breakGlassNotes(for: user, req: req)
        return try await req.view.render("care/clients", ClientsPage(
            page: try await req.pageMeta(title: req.t("care.title"), forms: true), clients: rows, worklists: worklists,
            notifications: emergencies + notes, markRead: NotificationPaths.markRead, markAllRead: NotificationPaths.markAllRead,
            canMarkAll: !notes.isEmpty, settingsHref: NotificationPaths.preferences))
    }

    /// Unread notices that emergency access was used on a client of the user's organisation or
    /// coalition (issue #13); they lead to the list of emergency access, which marks them read.
    static func breakGlassNotes(for user: User, req: Request) async throws -> [ClientsPage.Note] {
        let notices = try await BreakGlassNotice.query(on: req.db).filter(\.$userID == user.requireID()).filter(\.$readAt == nil)
            .sort(\.$createdAt, .descending).limit(20).all()
        guard !notices.isEmpty else { return [] }
        let grants = try await BreakGlassAccess.query(on: req.db).filter(\.$id ~~ notices.map(\.grantID)).with(\.$user).all()
        let clients = try await CareClient.query(on: req.db).filter(\.$id ~~ grants.map(\.clientID)).all()
        let codes = Dictionary(clients.compactMap { c in c.id.map { ($0, c.code) } }, uniquingKeysWith: { a, _ in a })
        let byID = Dictionary(grants.compactMap { g in g.id.map { ($0, g) } }, uniquingKeysWith: { a, _ in a })
        return notices.compactMap { notice in
            guard let grant = byID[notice.grantID] else { return nil }
            let text = req.t("breakglass.notice").replacingOccurrences(of: "{code}", with: codes[grant.clientID] ?? "—")
                .replacingOccurrences(of: "{user}", with: grant.user.name)
            return ClientsPage.Note(href: "/zorg/noodtoegang/overzicht", text: text, when: MeetingTime.dutch(notice.createdAt))
        }
    }
}
