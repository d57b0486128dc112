import Fluent
import Vapor

/// Worklists of referrals: incoming for the receiving organisation, outgoing for the sender.
/// Only referrals of clients the organisation may still see are listed.
struct WorklistController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("zorg", "verwijzingen", use: show)
    }

    @Sendable func show(req: Request) async throws -> View {
        let (_, access) = try await req.careAccess()
        let now = Date()
        let incoming = req.worklistIsIncoming
        let slice = try await Referral.worklist(for: access, incoming: incoming, page: req.listPage, on: req.db, pool: req.sqliteReads, now: now)
        try await req.audit(.read, client: nil, basis: nil,
                            what: "worklist \(incoming ? "incoming" : "outgoing") referrals page \(slice.page) (\(slice.referrals.count))", now: now)
        let title = req.t(incoming ? "worklist.incoming" : "worklist.outgoing")
        let content = WorklistHTML(req: req, incoming: incoming, slice: slice, now: now).render()
        return try await req.renderPrepared(content, meta: try await req.pageMeta(title: title))
    }
}
