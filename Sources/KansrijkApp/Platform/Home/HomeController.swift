import Vapor

struct HomePage: Encodable {
    var page: PageMeta
    var serviceCount: Int
    var municipalityCount: Int
    var themes: [SelectOption]
}

/// `/`: the public front page for visitors, and each role's own start page once signed in (issue 15).
struct HomeController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(use: home)
    }

    @Sendable func home(req: Request) async throws -> View {
        if let user = req.auth.get(User.self) {
            return try await req.view.render("platform/start", try await StartPage.build(for: user, req))
        }
        let snapshot = req.directory
        let covered = Set(snapshot.services.flatMap { $0.areas.map(\.municipalityCode) })
        return try await req.view.render("platform/home", HomePage(
            page: try await req.pageMeta(title: req.t("home.title")),
            serviceCount: snapshot.services.count, municipalityCount: covered.count,
            themes: SelectOption.terms(.thema, selected: nil, english: req.isEnglish)))
    }
}
