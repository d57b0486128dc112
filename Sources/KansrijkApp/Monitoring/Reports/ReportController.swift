import Fluent
import Vapor

/// `/monitor/rapportage`: the progress report (voortgangsrapportage) for a coalition or the country
/// and a year, as a printable page and a Markdown file, with the policy advisor's text per section.
struct ReportController: RouteCollection {
    static let base = "/monitor/rapportage"
    static let years = 2014...2100

    func boot(routes: any RoutesBuilder) throws {
        let r = routes.grouped("monitor", "rapportage")
        r.get(use: choose)
        r.get(":scope", ":year", use: show)
        r.get(":scope", ":year", "rapportage.md", use: markdown)
        r.get(":scope", ":year", "teksten", use: texts)
        r.post(":scope", ":year", "teksten", ":section", use: saveText)
    }

    static func url(_ scope: String, _ year: Int) -> String { "\(base)/\(scope)/\(year)" }

    @Sendable func choose(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let thisYear = Calendar(identifier: .gregorian).component(.year, from: Date())
        if let scope = req.query[String.self, at: "gebied"], let year = req.query[Int.self, at: "jaar"] {
            return req.redirect(to: Self.url(scope, year))
        }
        let coalitions = try await Coalition.allSorted(on: req.db)
        let levels = try await CoalitionAccess.levels(for: user, in: coalitions, today: CalendarDay.day(at: Date()), on: req.db)
        let readable = coalitions.filter { (levels[$0.id!] ?? .none) > .none }
        return try await req.view.render("monitoring/report-choose", ReportChoosePage(
            page: try await req.pageMeta(title: req.t("report.title")),
            scopes: readable.map { SelectOption(value: $0.slug, label: $0.name, selected: false) }
                + [SelectOption(value: ReportScope.country, label: "Nederland", selected: readable.isEmpty)],
            years: (Self.years.lowerBound...thisYear).reversed().map { SelectOption(value: String($0), label: String($0), selected: $0 == thisYear - 1) },
            canImport: user.role.may(.importFigures)
        )).encodeResponse(for: req)
    }

    static func year(_ req: Request) throws -> Int {
        guard let year = req.parameters.get("year", as: Int.self), years.contains(year) else { throw PageError.notFound }
        return year
    }

    func document(_ req: Request, scope: ReportScope, year: Int) async throws -> ReportDocument {
        let texts = try await ReportDraft.texts(scope: scope.slug, period: String(year), on: req.db)
        let language = req.language
        return try await ReportBuilder(db: req.db, snapshot: req.application.monitoringSnapshot, processSources: req.application.processFigureSources,
                                       t: { Strings.text($0, language) }, now: Date(), english: language == .en)
            .build(scope: scope, year: year, texts: texts)
    }

    @Sendable func show(req: Request) async throws -> View {
        let scope = try await req.reportScope()
        let year = try Self.year(req)
        let doc = try await document(req, scope: scope, year: year)
        return try await req.view.render("monitoring/report", ReportPage(
            page: try await req.pageMeta(title: doc.title), doc: doc,
            textsURL: scope.canWrite ? "\(Self.url(scope.slug, year))/teksten" : nil,
            markdownURL: "\(Self.url(scope.slug, year))/rapportage.md"))
    }

    @Sendable func markdown(req: Request) async throws -> Response {
        let scope = try await req.reportScope()
        let year = try Self.year(req)
        let doc = try await document(req, scope: scope, year: year)
        let language = req.language
        let response = Response(status: .ok, body: .init(string: ReportMarkdown(doc: doc, t: { Strings.text($0, language) }).text))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "markdown", parameters: ["charset": "utf-8"])
        response.headers.contentDisposition = .init(.attachment, filename: "voortgangsrapportage-\(scope.slug)-\(year).md")
        return response
    }
}
