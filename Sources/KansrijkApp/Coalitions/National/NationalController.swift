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
        let data = try await NationalData.load(on: req.db)
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
        let data = try await NationalData.load(on: req.db)
        let (query, errorKeys) = Self.tableQuery(req, data)
        guard errorKeys.isEmpty else { throw Abort(.badRequest, reason: errorKeys.map(req.t).joined(separator: " ")) }
        let body = NationalExport.csv(query.apply(data.rows), labels: NationalLabels(language: req.language))
        let response = Response(status: .ok, body: .init(string: body))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        let name = data.hasDemo ? "kansrijke-start-gemeenten-DEMO.csv" : "kansrijke-start-gemeenten.csv"
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(name)\"")
        return response
    }

    // MARK: figures per area

    @Sendable func figures(req: Request) async throws -> View {
        let data = try await NationalData.load(on: req.db)
        let entries = data.entries
        func row(_ f: NationalFigures.AreaFigures) -> NationalFiguresPage.Row {
            .init(name: f.name, municipalities: f.municipalities, cells: NationalFigures.Indicator.allCases.map {
                let r = f.ratio($0)
                return .init(numerator: r.numerator, denominator: r.denominator, percent: r.percentText)
            })
        }
        return try await req.view.render("national/figures", NationalFiguresPage(
            page: try await req.pageMeta(title: req.t("national.figures.title")),
            isDemo: data.hasDemo,
            indicators: NationalFigures.Indicator.allCases.map { req.t("national.figure.\($0.rawValue)") },
            national: row(NationalFigures.national(entries)),
            provinces: NationalFigures.byProvince(entries, provinces: data.provinces).map(row),
            regions: NationalFigures.byGGDRegion(entries, regions: data.regions).map(row)))
    }

    // MARK: funding

    @Sendable func funding(req: Request) async throws -> View {
        let data = try await NationalData.load(on: req.db)
        let coverage = try await CoalitionCoverage.load(on: req.db)
        let rates = ImpulseFunding.Rates.assumed2020
        let amounts = ImpulseFunding.amounts(data.rows.compactMap(\.fundingInput), rates: rates)
        let totals = ImpulseFunding.totals(amounts)
        let labels = NationalLabels(language: req.language)
        let names = Dictionary(uniqueKeysWithValues: data.rows.map { ($0.code, $0.name) })
        func trancheRow(_ label: String, _ t: ImpulseFunding.Total) -> NationalFundingPage.TrancheRow {
            .init(label: label, municipalities: t.municipalities, inhabitants: ImpulseFunding.grouped(t.inhabitants),
                  base: ImpulseFunding.euros(t.baseCents), topUp: ImpulseFunding.euros(t.topUpCents), total: ImpulseFunding.euros(t.totalCents))
        }
        let perCoalition = ImpulseFunding.perCoalition(amounts, coalitions: coverage.members) { code in
            (names[code] ?? code) + " " + req.t("funding.own")
        }
        return try await req.view.render("national/funding", NationalFundingPage(
            page: try await req.pageMeta(title: req.t("funding.title")),
            isDemo: data.hasDemo,
            rates: [Tranche.one, .two, .three].map { .init(label: labels.tranche($0), rate: ImpulseFunding.rate(rates.cents(for: $0))) },
            gidsMinimum: ImpulseFunding.rate(rates.gidsMinimumCentsPerInhabitant),
            tranches: [Tranche.one, .two, .three].map { trancheRow(labels.tranche($0), totals.perTranche[$0]!) },
            national: trancheRow(req.t("funding.national"), totals.national),
            coalitions: perCoalition.map { c in
                .init(name: c.name, municipalities: c.codes.compactMap { names[$0] }.joined(separator: ", "),
                      inhabitants: ImpulseFunding.grouped(c.total.inhabitants), base: ImpulseFunding.euros(c.total.baseCents),
                      topUp: ImpulseFunding.euros(c.total.topUpCents), total: ImpulseFunding.euros(c.total.totalCents))
            }))
    }

    // MARK: one municipality

    @Sendable func municipality(req: Request) async throws -> View {
        guard let code = req.parameters.get("code"), let m = try await Municipality.find(code, on: req.db) else { throw PageError.notFound }
        let data = try await NationalData.load(on: req.db)
        guard let row = data.row(code) else { throw PageError.notFound }
        let labels = NationalLabels(language: req.language)
        typealias Fact = NationalMunicipalityPage.Fact
        var facts = [Fact(label: req.t("national.col.province"), value: row.provinceName),
                     Fact(label: req.t("national.col.region"), value: row.ggdName)]
        var funding: [Fact] = []
        if let f = row.facts {
            facts += [Fact(label: req.t("national.col.inhabitants"), value: labels.inhabitants(row)),
                      Fact(label: "GIDS", value: labels.yesNo(f.isGIDS)),
                      Fact(label: req.t("national.col.plan"), value: labels.yesNo(f.hasJointPlan)),
                      Fact(label: req.t("national.col.prenatal"), value: labels.yesNo(f.hasPrenatalVisit)),
                      Fact(label: req.t("national.col.nnz"), value: labels.yesNo(f.hasNNZ))]
            if let input = row.fundingInput, let a = ImpulseFunding.amounts([input], rates: .assumed2020).first, f.tranche.isParticipating {
                funding = [Fact(label: req.t("funding.base"), value: ImpulseFunding.euros(a.baseCents)),
                           Fact(label: req.t("funding.topup"), value: ImpulseFunding.euros(a.topUpCents)),
                           Fact(label: req.t("funding.total"), value: ImpulseFunding.euros(a.totalCents))]
            }
        }
        facts.append(Fact(label: req.t("national.col.stage"), value: labels.stage(row.stage)))
        if let note = row.sourceNote { facts.append(Fact(label: req.t("national.source"), value: note)) }
        if let updated = row.updatedAt { facts.append(Fact(label: req.t("national.updated"), value: DateFormats.dutchDate(updated))) }
        let examples = try await PracticeExample.query(on: req.db).all().filter { $0.municipalityCodes.contains(code) }
            .sorted { $0.title < $1.title }
            .map { NationalMunicipalityPage.Example(title: $0.title, url: NationalURL.example($0.slug)) }
        var editURL: String?
        if let user = req.auth.get(User.self), try await NationalAccess.load(for: user, on: req.db).canEdit(code) != .nothing {
            editURL = NationalURL.edit(code)
        }
        return try await req.view.render("national/municipality", NationalMunicipalityPage(
            page: try await req.pageMeta(title: m.name + " – " + req.t("national.title")),
            code: code, name: m.name, status: labels.tranche(row.tranche) + (row.facts?.isGIDS == true ? " (GIDS)" : ""),
            statusClass: NationalLabels.statusClass(row.tranche), facts: facts, funding: funding, hasRecord: row.facts != nil,
            isDemo: row.isDemo, coalitions: row.coalitions, examples: examples, editURL: editURL))
    }

    // MARK: helpers

    static func tableQuery(_ req: Request, _ data: NationalData) -> (NationalTableQuery, [String]) {
        NationalTableQuery.parse({ req.query[String.self, at: $0] },
                                 provinces: Set(data.provinces.map(\.code)), regions: Set(data.regions.map(\.code)))
    }

    static func figures(_ f: NationalFigures.AreaFigures, _ req: Request) -> [NationalOverviewPage.Figure] {
        NationalFigures.Indicator.allCases.map { i in
            let r = f.ratio(i)
            return .init(key: i.rawValue, label: req.t("national.figure.\(i.rawValue)"), numerator: r.numerator, denominator: r.denominator,
                         percent: r.percentText, note: req.t(i == .prenatalVisit ? "national.figure.of.answered" : "national.figure.of.all"))
        }
    }

    static func legend(_ rows: [NationalRow], _ labels: NationalLabels) -> [NationalOverviewPage.LegendItem] {
        let statuses: [Tranche?] = [.one, .two, .three, .noParticipation, nil]
        return statuses.compactMap { status in
            let members = rows.filter { $0.tranche == status }
            if status == nil && members.isEmpty { return nil }
            let inhabitants = members.compactMap(\.facts?.inhabitants).reduce(0, +)
            return .init(cssClass: NationalLabels.statusClass(status), label: labels.tranche(status), municipalities: members.count,
                         inhabitants: status == nil ? labels.t("national.unknown") : ImpulseFunding.grouped(inhabitants))
        }
    }

    static func filters(_ q: NationalTableQuery, _ data: NationalData, _ req: Request) -> NationalOverviewPage.Filters {
        let labels = NationalLabels(language: req.language)
        func yesNo(_ v: Bool?) -> [SelectOption] {
            [SelectOption(value: "ja", label: req.t("national.yes"), selected: v == true),
             SelectOption(value: "nee", label: req.t("national.no"), selected: v == false)]
        }
        let tranche = NationalTableQuery.TrancheFilter.allCases.map { f -> SelectOption in
            let label: String
            switch f {
            case .participating: label = req.t("national.filter.participating")
            case .unknown: label = labels.tranche(nil)
            default: label = labels.tranche(Tranche(rawValue: f.rawValue))
            }
            return SelectOption(value: f.rawValue, label: label, selected: q.tranche == f)
        }
        return .init(q: q.text, tranche: tranche,
                     provinces: data.provinces.map { SelectOption(value: $0.code, label: $0.name, selected: q.province == $0.code) },
                     regions: data.regions.map { SelectOption(value: $0.code, label: $0.name, selected: q.region == $0.code) },
                     plan: yesNo(q.jointPlan), prenatal: yesNo(q.prenatalVisit), nnz: yesNo(q.nnz),
                     sort: q.sort == .name ? "" : q.sort.rawValue, direction: q.descending ? "af" : "")
    }

    static func columns(_ q: NationalTableQuery, _ req: Request) -> [NationalOverviewPage.Column] {
        let keys: [(NationalTableQuery.SortKey, String, Bool)] = [
            (.name, "national.col.name", false), (.province, "national.col.province", false), (.inhabitants, "national.col.inhabitants", true),
            (.tranche, "national.col.tranche", false), (.jointPlan, "national.col.plan", false),
            (.prenatalVisit, "national.col.prenatal", false), (.nnz, "national.col.nnz", false), (.stage, "national.col.stage", false),
        ]
        return keys.map { key, label, numeric in
            let sorted = q.sort == key
            return .init(label: req.t(label), url: q.sortLink(key, base: NationalURL.overview),
                         ariaSort: sorted ? (q.descending ? "descending" : "ascending") : nil,
                         arrow: sorted ? (q.descending ? "▼" : "▲") : "", numeric: numeric)
        }
    }

    static func row(_ r: NationalRow, _ labels: NationalLabels) -> NationalOverviewPage.Row {
        .init(name: r.name, url: NationalURL.municipality(r.code), province: r.provinceName,
              inhabitants: labels.inhabitants(r, markDemo: false), status: labels.tranche(r.tranche) + (r.facts?.isGIDS == true ? " (GIDS)" : ""),
              statusClass: NationalLabels.statusClass(r.tranche),
              plan: labels.yesNo(r.facts?.hasJointPlan), prenatal: labels.yesNo(r.facts?.hasPrenatalVisit), nnz: labels.yesNo(r.facts?.hasNNZ),
              stage: labels.stage(r.stage), isDemo: r.isDemo)
    }
}
