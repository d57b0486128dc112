import Vapor

struct HomePage: Encodable {
    var page: PageMeta
    var serviceCount: Int
    var municipalityCount: Int
    var themes: [SelectOption]
}

struct HomeController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(use: home)
    }

    @Sendable func home(req: Request) async throws -> View {
        let snapshot = req.directory
        let covered = Set(snapshot.services.flatMap { $0.areas.map(\.municipalityCode) })
        return try await req.view.render("platform/home", HomePage(
            page: try await req.pageMeta(title: req.t("home.title")),
            serviceCount: snapshot.services.count, municipalityCount: covered.count,
            themes: SelectOption.terms(.thema, selected: nil, english: req.isEnglish)))
    }
}
