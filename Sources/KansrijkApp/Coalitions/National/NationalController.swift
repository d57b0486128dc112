import Fluent
import Vapor

/// The national overview for the programme: figures, the map, the municipality table with its CSV,
/// funding and a page per municipality. Public: no log-in needed to read.
struct NationalController: RouteCollection {
    /// Folder with the GeoJSON; the map is projected once, here, at start-up.
    let dataDirectory: String

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

    @Sendable func overview(req: Request) async throws -> Response {
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
        let user = req.auth.get(User.self)
        let page = NationalOverviewPage(
            page: try await req.pageMeta(title: req.t("national.title")),
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
            canImport: user?.role == .admin)
        return try await req.view.render("national/overview", page)
            .encodeResponse(status: errorKeys.isEmpty ? .ok : .badRequest, for: req)
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
