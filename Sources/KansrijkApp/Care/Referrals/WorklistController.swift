import Fluent
import Vapor

struct WorklistPage: Encodable {
    struct Row: Encodable {
        var href: String; var code: String; var name: String; var service: String; var organisation: String
        var status: String; var requested: String; var overdue: String?
    }
    var page: PageMeta
    var incoming: Bool
    var rows: [Row]
    var pageNumber: Int
    var previousURL: String?
    var nextURL: String?
}

/// Worklists of referrals: incoming for the receiving organisation, outgoing for the sender.
/// Only referrals of clients the organisation may still see are listed.
struct WorklistController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("zorg", "verwijzingen", use: show)
    }

    @Sendable func show(req: Request) async throws -> View {
        let (_, access) = try await req.careAccess()
        let now = Date()
        let incoming = req.query[String.self, at: "lijst"] != "uitgaand"
        let slice = try await Referral.worklist(for: access, incoming: incoming, page: req.listPage, on: req.db, now: now)
        let referrals = slice.referrals
        try await req.audit(.read, client: nil, basis: nil, what: "worklist \(incoming ? "incoming" : "outgoing") referrals page \(slice.page) (\(referrals.count))", now: now)
        let rows = referrals.map { r in
            let overdue = Escalation.overdue(status: r.status, requestedAt: r.requestedAt, statusChangedAt: r.statusChangedAt,
                                             alternative: r.alternative, hasNewerReferral: false, ladder: [], now: now)
            return WorklistPage.Row(href: "/zorg/verwijzingen/\(r.id!.slug)", code: r.client.code, name: r.client.name, service: r.serviceName,
                                    organisation: incoming ? r.referringOrganisation.name : r.receivingOrganisation.name,
                                    status: req.t("referral.status.\(r.status.rawValue)"), requested: DateFormats.dutchDate(r.requestedAt),
                                    overdue: overdue.map { req.t("worklist.overdue").replacingOccurrences(of: "{days}", with: String($0.days)) })
        }
        return try await req.view.render("care/worklist", WorklistPage(
            page: try await req.pageMeta(title: req.t(incoming ? "worklist.incoming" : "worklist.outgoing")), incoming: incoming, rows: rows,
            pageNumber: slice.page, previousURL: slice.page > 1 ? link(incoming, page: slice.page - 1) : nil,
            nextURL: slice.hasMore ? link(incoming, page: slice.page + 1) : nil))
    }

    private func link(_ incoming: Bool, page: Int) -> String {
        "/zorg/verwijzingen?lijst=\(incoming ? "inkomend" : "uitgaand")" + (page > 1 ? "&pagina=\(page)" : "")
    }
}
