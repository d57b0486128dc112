import Vapor

/// `platform/admin/index`: the administration tools she may use.
struct AdminIndexPage: Encodable {
    struct Tool: Encodable { var href: String; var title: String; var lead: String }
    var page: PageMeta
    var tools: [Tool]
}

/// `/beheer` (issue #14): where coordinators and the admin find their tools. A tool built elsewhere
/// (the outbox, invitations) is listed only when its route is registered, so no link leads nowhere.
struct AdminController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.constant(AdminPaths.root), use: index)
    }

    @Sendable func index(req: Request) async throws -> View {
        let user = try req.require(.administration)
        let registered = Set(req.application.routes.all.filter { $0.method == .GET }
            .map { "/" + $0.path.map(\.description).joined(separator: "/") })
        var tools: [(path: String, key: String, permission: Permission)] = [
            (AdminPaths.people, "admin.tool.people", .administration),
            (AdminPaths.organisations, "admin.tool.organisations", .administration),
            (AdminPaths.invitations, "admin.tool.invitations", .administration),
            (AdminPaths.outbox, "admin.tool.outbox", .mailOutbox),
            (AdminPaths.backgroundWork, "admin.tool.background", .backgroundWork),
        ]
        tools.removeAll { !registered.contains($0.path) || !user.role.may($0.permission) }
        return try await req.view.render("platform/admin/index", AdminIndexPage(
            page: try await req.pageMeta(title: req.t("admin.title")),
            tools: tools.map { .init(href: $0.path, title: req.t($0.key), lead: req.t($0.key + ".lead")) }))
    }
}
