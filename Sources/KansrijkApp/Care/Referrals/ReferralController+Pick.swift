import Fluent
import Vapor

struct ReferralPickPage: Encodable {
    struct Client: Encodable { var href: String; var code: String; var name: String }
    var page: PageMeta
    var title: String
    var serviceHref: String
    var route: ReceivingModeView
    var clients: [Client]
}

/// "Verwijzen" from the directory (service page, pathway step; issue #15): choose which of the
/// organisation's clients to refer, then the referral form opens with the service chosen.
extension ReferralController {
    @Sendable func pick(req: Request) async throws -> View {
        let (_, access) = try await req.careAccess()
        let now = Date()
        guard let id = FormInput.uuid(req.query["dienst"]), let service = req.directory.service(id), service.status == .active else {
            throw PageError.notFound
        }
        let clients = try await access.visibleClients(on: req.db, now: now, openOnly: true, limit: 500)
            .filter { ReferralTargets.services(for: $0, snapshot: req.directory).contains { $0.id == id } }
        try await req.audit(.read, client: nil, basis: nil, what: "client list for a referral (\(clients.count))", now: now)
        let mode = try await req.referralReceiving().mode(of: service)
        let title = req.t("referral.pick.title").replacingOccurrences(of: "{service}", with: service.name)
        return try await req.view.render("care/referral-pick", ReferralPickPage(
            page: try await req.pageMeta(title: title), title: title, serviceHref: "/aanbod/\(id.slug)",
            route: ReceivingModeView(mode, t: req.t),
            clients: clients.map { .init(href: "/zorg/clienten/\($0.id!.slug)/verwijzen?dienst=\(id.slug)", code: $0.code, name: $0.name) }))
    }
}
