import Fluent
import Vapor

/// The national overview for the programme: figures, the map, the municipality table with its CSV,
/// funding and a page per municipality. Public: no log-in needed to read.
struct NationalController: RouteCollection {
    /// Folder with the GeoJSON; the map is projected once, here, at start-up.
    let dataDirectory: String
    /// `Application.nationalPages`, taken at registration.
    let pages: RenderedPages

    func boot(routes: any RoutesBuilder) throws {
        _ = try NationalMap.load(dataDirectory: dataDirectory)
        routes.get(NationalURL.components(NationalURL.overview), use: overview)
        routes.get(NationalURL.components(NationalURL.csv), use: csv)
        routes.get(NationalURL.components(NationalURL.figures), use: figures)
        routes.get(NationalURL.components(NationalURL.funding), use: funding)
        routes.get(NationalURL.components(NationalURL.municipality(":code")), use: municipality)
        try routes.register(collection: NationalEditController())
        try routes.register(collection: LibraryController())
    }

    // MARK: overview

    /// The overview without the layout is the same for every reader but an admin (who gets the
    /// import link): computed once per language, URL and that, and kept for `nationalPages`'
    /// lifetime (2 s: within the 2 s in which an edit on one instance must show on every other,
    /// issue 17); the layout is filled per request. Rendering 342 rows and the map was 50-80 ms a
    /// request with the national data (bench/README.md, "The whole country").
    @Sendable func overview(req: Request) async throws -> Response {
        let canImport = req.auth.get(User.self)?.role == .admin
        let key = "overview \(req.language.rawValue) \(canImport) \(req.url.string)"
        let body = try await pages.shared(key) { [dataDirectory] in
            try await Self.overviewBody(req, canImport: canImport, dataDirectory: dataDirectory)
        }
        let view = try await req.renderPrepared(body.content, meta: try await req.pageMeta(title: req.t("national.title")))
        return RenderedPages.html(view.data, status: body.ok ? .ok : .badRequest)
    }

    static func overviewBody(_ req: Request, canImport: Bool, dataDirectory: String) async throws -> DashboardController.Body {
        let data = try await NationalData.load(on: req.readDB)
        let (query, errorKeys) = Self.tableQuery(req, data)
        let labels = NationalLabels(language: req.language)
        let shown = query.apply(data.rows)
        let map = try NationalMap.load(dataDirectory: dataDirectory)
        var features: [String: NationalMap.Feature] = [:]
        features.reserveCapacity(data.rows.count)
        for r in data.rows {
            features[r.code] = .init(href: NationalURL.municipality(r.code), cssClass: NationalLabels.statusClass(r.tranche), label: labels.mapLabel(r))
        }
        let page = NationalOverviewPage(
            isDemo: data.hasDemo,
            figures: Self.figures(NationalFigures.national(data.entries), req),
            map: map.svg(features: features, titleID: "kaart-titel", title: req.t("national.map.title"), description: req.t("national.map.desc")),
            legend: Self.legend(data.rows, labels),
            filters: Self.filters(query, data, req),
            errors: errorKeys.map(req.t),
            columns: Self.columns(query, req),
            rows: shown.map { Self.row($0, labels) },
            shown: shown.count, all: data.rows.count, isFiltered: query.isFiltered,
            csvURL: NationalURL.csv + query.queryString(),
            canImport: canImport)
        let content = String(buffer: try await req.view.render("national/overview-body", page).data)
        return DashboardController.Body(content: content, ok: errorKeys.isEmpty)
    }

    @Sendable func csv(req: Request) async throws -> Response {
        let data = try await NationalData.load(on: req.readDB)
        let (query, errorKeys) = Self.tableQuery(req, data)
        guard errorKeys.isEmpty else { throw Abort(.badRequest, reason: errorKeys.map(req.t).joined(separator: " ")) }
        let body = NationalExport.csv(query.apply(data.rows), labels: NationalLabels(language: req.language))
        let response = Response(status: .ok, body: .init(string: body))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        let name = data.hasDemo ? "kansrijke-start-gemeenten-DEMO.csv" : "kansrijke-start-gemeenten.csv"
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(name)\"")
        return response
    }

    // MARK: helpers

    static func tableQuery(_ req: Request, _ data: NationalData) -> (NationalTableQuery, [String]) {
        NationalTableQuery.parse({ req.query[String.self, at: $0] },
                                 provinces: Set(data.provinces.map(\.code)), regions: Set(data.regions.map(\.code)))
    }
}

extension Application {
    private struct NationalPagesKey: StorageKey { typealias Value = RenderedPages }

    /// The national overview's rendered bodies (`NationalController.overview`), kept 2 s: no
    /// write needs to empty them, as the overview may be 2 s behind like any instance's copy
    /// (issue 17). Nothing is kept in tests.
    var nationalPages: RenderedPages {
        if let pages = storage[NationalPagesKey.self] { return pages }
        let pages = RenderedPages(lifetime: environment == .testing ? 0 : 2, capacity: 200)
        storage[NationalPagesKey.self] = pages
        return pages
    }
}
