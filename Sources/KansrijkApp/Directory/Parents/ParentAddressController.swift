import Fluent
import Vapor

/// `/coalities/:slug/ouders-aanspreken`: the coalition chooses how its parents' pages address a
/// parent, "jij" (the standard) or "u" (issue 15). Readers of the coalition see the choice; its
/// editors change it.
struct ParentAddressController: RouteCollection {
    struct Page: Encodable {
        var page: PageMeta
        var ws: WorkspaceHeader
        var options: [SelectOption]
        var current: String
        var error: String?
    }

    func boot(routes: any RoutesBuilder) throws {
        let r = routes.grouped("coalities", ":slug", "ouders-aanspreken")
        r.get(use: show)
        r.post(use: save)
    }

    @Sendable func show(req: Request) async throws -> View {
        let ws = try await req.workspace(.read)
        return try await render(req, ws, chosen: try await ParentAddress.forCoalition(ws.id, on: req.db), error: nil)
    }

    @Sendable func save(req: Request) async throws -> Response {
        let ws = try await req.workspace(.edit)
        guard let chosen = (try? req.content.get(String.self, at: "aanspreekvorm")).flatMap(ParentAddress.init(rawValue:)) else {
            let current = try await ParentAddress.forCoalition(ws.id, on: req.db)
            return try await render(req, ws, chosen: current, error: req.t("parentaddress.error"))
                .encodeResponse(status: .unprocessableEntity, for: req)
        }
        try await req.db.writeTransaction { db in
            if let row = try await CoalitionParentAddress.query(on: db).filter(\.$coalition.$id == ws.id).first() {
                row.address = chosen.rawValue
                try await row.save(on: db)
            } else {
                try await CoalitionParentAddress(coalitionID: ws.id, address: chosen).create(on: db)
            }
        }
        req.flash(req.t("parentaddress.saved.\(chosen.rawValue)"))
        return req.redirect(to: "\(ws.base)/ouders-aanspreken")
    }

    private func render(_ req: Request, _ ws: CoalitionWorkspace, chosen: ParentAddress, error: String?) async throws -> View {
        try await req.view.render("coalitions/parent-address", Page(
            page: try await req.workspaceMeta(ws, req.t("parentaddress.title"), errors: error != nil),
            ws: WorkspaceHeader(ws, .home, req),
            options: ParentAddress.allCases.map { SelectOption(value: $0.rawValue, label: req.t("parentaddress.option.\($0.rawValue)"), selected: $0 == chosen) },
            current: req.t("parentaddress.option.\(chosen.rawValue)"), error: error))
    }
}
