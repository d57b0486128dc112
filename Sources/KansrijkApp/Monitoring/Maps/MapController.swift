import Fluent
import Vapor

/// `/monitor/kaart`: a choropleth of the Netherlands per indicator, by municipality or GGD region,
/// with a legend of classes, hidden figures hatched, and the same figures as a table and a CSV.
struct MapController: RouteCollection {
    let snapshot: MonitoringSnapshot
    let dataDirectory: String

    func boot(routes: any RoutesBuilder) throws {
        _ = try MapGeometry.map(.region, dataDirectory: dataDirectory)
        routes.get(MonitoringURL.components(MonitoringURL.map), use: page)
        routes.get(MonitoringURL.components(MonitoringURL.mapCSV), use: csv)
    }

    struct Figures {
        var query: MapQuery
        var table: IndicatorTable?
        var areas: AreaDimension
        var codes: [String]
        var indicators: [IndicatorDefinition]
    }

    func figures(_ req: Request) async throws -> Figures {
        try await snapshot.refresh(on: req.readDB)
        guard let areas = snapshot.areas else { throw PageError.notFound }
        let indicators = try await Indicator.definitions(on: req.readDB, english: req.isEnglish).filter { $0.periodKind == .year }
        let query = MapQuery.parse({ req.query[String.self, at: $0] }, indicators: indicators, yearsOf: snapshot.years)
        var table: IndicatorTable?
        if let indicator = query.indicator, let year = query.year {
            table = try await snapshot.table(indicator, year: year, pooled: query.pooled, on: req.readDB)
        }
        let codes = query.level == .municipality ? areas.places.map(\.code) : areas.regionNames.keys.sorted()
        return Figures(query: query, table: table, areas: areas, codes: codes, indicators: indicators)
    }

    /// The map without the layout is the same for every reader with the same own municipality
    /// (none for visitors and admins): kept under language, URL and that code, and shared by
    /// concurrent first requests (ADR 0048); the layout is filled per request.
    @Sendable func page(req: Request) async throws -> Response {
        let pages = snapshot.pages
        if let kept = pages.cached(req) { return kept }
        try await snapshot.refresh(on: req.readDB)
        let own = try await OwnMunicipality.code(req, areas: snapshot.areas)
        let body: DashboardController.Body
        if pages.fresh {
            body = try await render(req, ownMunicipality: own)
        } else {
            body = try await pages.shared("map \(own ?? "-") \(req.language.rawValue) \(req.url.string)") { try await render(req, ownMunicipality: own) }
        }
        let meta = try await req.pageMeta(title: req.t("monitor.map.title"))
        let view = pages.fresh ? try await PreparedLayout.leaf(req, meta: meta, content: body.content)
                               : try await req.renderPrepared(body.content, meta: meta)
        if !pages.fresh, body.ok, let key = RenderedPages.key(req) { pages.keep(view.data, for: key) }
        return RenderedPages.html(view.data, status: body.ok ? .ok : .badRequest)
    }

    /// The page's content; `ownMunicipality` is the reader's municipality, marked on the municipal map.
    func render(_ req: Request, ownMunicipality: String?) async throws -> DashboardController.Body {
        let f = try await figures(req)
        let q = f.query
        let text = q.indicator.map { FigureText(language: req.language, indicator: $0) }
        let byName = f.codes.sorted { (f.areas.name(of: $0) ?? $0) < (f.areas.name(of: $1) ?? $1) }
        var features: [String: NationalMap.Feature] = [:]
        var legend: [MapPage.LegendRow] = []
        var rows: [MapPage.Row] = []
        var svg = ""
        var own: MapPage.Own?
        let ownCode = q.level == .municipality ? ownMunicipality : nil
        let title = q.indicator.map { "\($0.name), \(f.table?.periodLabel ?? "")" } ?? req.t("monitor.map.title")
        if let table = f.table, let text {
            let values = f.codes.compactMap { table.total($0)?.suppression == nil ? table.total($0)?.value : nil }
            let classes = MapClasses(values: values, decimals: text.format.decimals)
            var perClass = [Int](repeating: 0, count: classes?.count ?? 0)
            var hidden = 0, missing = 0
            for code in f.codes {
                let figure = table.total(code)
                let name = f.areas.name(of: code) ?? code
                let cssClass: String
                if figure?.suppression != nil { cssClass = "onbekend"; hidden += 1 }
                else if let v = figure?.value, let classes { let i = classes.index(of: v); perClass[i] += 1; cssClass = "c\(i + 1)" }
                else { cssClass = "geen"; missing += 1 }
                features[code] = .init(href: MonitoringURL.area(code), cssClass: cssClass, label: "\(name): \(text.value(figure))")
            }
            for (i, r) in (classes?.ranges ?? []).enumerated() {
                legend.append(.init(cssClass: "c\(i + 1)", label: "\(text.format.number(r.0)) – \(text.format.value(r.1))", areas: perClass[i]))
            }
            if let ownCode {
                let name = f.areas.name(of: ownCode) ?? ownCode
                own = .init(name: name, url: MonitoringURL.area(ownCode), value: text.value(table.total(ownCode)))
                legend.insert(.init(cssClass: "own", label: MonitoringStrings.fill(req.t("monitor.map.legend.own"), name), areas: 1), at: 0)
            }
            if hidden > 0 { legend.append(.init(cssClass: "onbekend", label: req.t("monitor.map.legend.hidden"), areas: hidden)) }
            if missing > 0 { legend.append(.init(cssClass: "geen", label: req.t("monitor.map.legend.none"), areas: missing)) }
            rows = byName.map { code in
                let figure = table.total(code)
                return .init(name: f.areas.name(of: code) ?? code, url: MonitoringURL.area(code), value: text.value(figure),
                             interval: text.interval(figure) ?? "", comparison: text.comparison(figure) ?? "", suppressed: figure?.suppression != nil,
                             own: code == ownCode)
            }
            let map = try MapGeometry.map(q.level, dataDirectory: dataDirectory)
            svg = map.svg(features: features, titleID: "kaart-titel", title: title,
                          description: MonitoringStrings.fill(req.t("monitor.map.desc"), title))
            if let ownCode, let own {
                svg = MapHighlight.highlight(svg, map: map, code: ownCode, label: own.name)
            }
        }
        let page = MapPage(
            page: req.anonymousPageMeta(title: req.t("monitor.map.title")),
            indicators: f.indicators.filter { !snapshot.years(of: $0).isEmpty }.map { SelectOption(value: $0.code, label: $0.name, selected: $0.code == q.indicator?.code) },
            years: (q.indicator.map(snapshot.years) ?? []).reversed().map { SelectOption(value: String($0), label: String($0), selected: $0 == q.year) },
            levels: MapGeometry.Level.allCases.map { SelectOption(value: $0.rawValue, label: req.t("monitor.map.level.\($0.rawValue)"), selected: $0 == q.level) },
            modes: [PoolingMode.year, .pooled].map { SelectOption(value: $0.rawValue, label: req.t("monitor.mode.\($0.rawValue)"), selected: ($0 == .pooled) == q.pooled) },
            errors: q.errors.map(req.t), title: title, indicatorName: q.indicator?.name ?? "", indicatorDescription: q.indicator?.description ?? "",
            periodLabel: f.table?.periodLabel ?? "", pooled: q.pooled, map: svg, legend: legend, rows: rows,
            national: text?.value(f.table?.total(AreaLevel.netherlands)) ?? "",
            csvURL: MonitoringURL.mapCSV + q.queryString,
            apiURL: q.indicator.map { i in q.year.map { MonitoringURL.api(i.code, area: AreaLevel.netherlands, year: $0, pooled: q.pooled) } ?? "/api/indicators" } ?? "/api/indicators",
            hasData: f.table != nil, own: own)
        return .init(content: String(buffer: try await req.view.render("monitoring/map-body", page).data), ok: q.errors.isEmpty)
    }

    @Sendable func csv(req: Request) async throws -> Response {
        let f = try await figures(req)
        guard f.query.errors.isEmpty else { throw Abort(.badRequest, reason: f.query.errors.map(req.t).joined(separator: " ")) }
        guard let table = f.table, let indicator = f.query.indicator else { throw PageError.notFound }
        let text = FigureText(language: req.language, indicator: indicator)
        let t = req.t
        let header = ["code", t("monitor.csv.area"), t("monitor.csv.period"), t("monitor.csv.numerator"), t("monitor.csv.denominator"),
                      t("monitor.csv.value"), t("monitor.csv.low"), t("monitor.csv.high"), t("monitor.csv.suppressed"), t("monitor.csv.comparison")]
        let rows = (f.codes + [AreaLevel.netherlands]).map { code -> [String] in
            let figure = table.total(code)
            let shown = figure?.suppression == nil ? figure : nil
            return [code, f.areas.name(of: code) ?? code, table.periodLabel,
                    shown?.numerator.map(String.init) ?? "", shown?.denominator.map(String.init) ?? "",
                    shown?.value.map(text.format.number) ?? "",
                    shown?.interval.map { text.format.number($0.low) } ?? "", shown?.interval.map { text.format.number($0.high) } ?? "",
                    text.suppressed(figure) ?? "", text.comparison(figure) ?? ""]
        }
        return DashboardExport.csvResponse(CSVFile.write(header: header, rows: rows, separator: .semicolon, for: .spreadsheet),
                                           filename: "kaart-\(indicator.code)-\(f.query.year.map(String.init) ?? "")-\(f.query.level.rawValue).csv")
    }
}
