import Fluent
import Vapor

struct AccessReportPage: Encodable {
    struct Row: Encodable { var when: String; var who: String; var organisation: String; var action: String; var basis: String; var what: String }
    var page: PageMeta
    var base: String
    var code: String
    var name: String
    var printed: String
    var rows: [Row]
}

/// "Who looked at my data": the client's access report from the audit log, printable for her (NEN 7513).
struct AccessReportController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("zorg", "clienten", ":client", "inzage", use: show)
    }

    @Sendable func show(req: Request) async throws -> View {
        let (_, access) = try await req.careAccess()
        let now = Date()
        let (client, basis) = try await req.careClient(access, now: now)
        // the report shows this very look as well
        try await req.audit(.read, client: client.id, basis: basis, what: "access report", now: now)
        try await AuditOutbox.drain(on: req.db)
        let events = try await AuditEvent.query(on: req.db).filter(\.$clientID == client.id).sort(\.$occurredAt, .descending).sort(\.$sequence, .descending).all()
        let orgIDs = Array(Set(events.map(\.organisationID)))
        let orgs = Dictionary(uniqueKeysWithValues: try await Organisation.query(on: req.db).filter(\.$id ~~ orgIDs).all().map { ($0.id!, $0.name) })
        let userIDs = Array(Set(events.map(\.userID)))
        let users = Dictionary(uniqueKeysWithValues: try await User.query(on: req.db).filter(\.$id ~~ userIDs).all().map { ($0.id!, $0.name) })
        let rows = events.map { e in
            AccessReportPage.Row(when: MeetingTime.dutch(e.occurredAt), who: users[e.userID] ?? e.userEmail,
                                 organisation: orgs[e.organisationID] ?? "", action: req.t("audit.action.\(e.action.rawValue)"),
                                 basis: Self.basisLabel(e.basis, req), what: AuditWording.plain(e.what, t: req.t))
        }
        return try await req.view.render("care/audit-report", AccessReportPage(
            page: try await req.pageMeta(title: req.t("audit.report.title")), base: "/zorg/clienten/\(client.id!.slug)",
            code: client.code, name: client.name, printed: MeetingTime.dutch(now), rows: rows))
    }

    static func basisLabel(_ raw: String?, _ req: Request) -> String {
        switch raw.flatMap(AccessBasis.init(logValue:)) {
        case .ownInvolvement: req.t("audit.basis.own")
        case .consent: req.t("audit.basis.consent")
        case .breakTheGlass: req.t("audit.basis.breakglass")
        case .administration: req.t("audit.basis.administration")
        case .pseudonymised: req.t("audit.basis.pseudonymised")
        case nil: req.t("audit.basis.none")
        }
    }
}
