import Fluent
import Vapor

/// The public monitor: a dashboard per municipality, GGD region and coalition, and the landing
/// page to pick one. Published figures are public, like the national overview: no log-in needed.
struct DashboardController: RouteCollection {
    let snapshot: MonitoringSnapshot

    func boot(routes: any RoutesBuilder) throws {
        routes.get(MonitoringURL.components(MonitoringURL.landing), use: landing)
        routes.get(MonitoringURL.components(MonitoringURL.choose), use: choose)
        routes.get(MonitoringURL.components(MonitoringURL.municipality(":code")), use: area)
        routes.get(MonitoringURL.components(MonitoringURL.region(":code")), use: area)
        routes.get(MonitoringURL.components(MonitoringURL.coalition(":slug")), use: coalition)
        routes.get(MonitoringURL.components(MonitoringURL.processCSV(MonitoringURL.municipality(":code"))), use: areaProcessCSV)
        routes.get(MonitoringURL.components(MonitoringURL.processCSV(MonitoringURL.region(":code"))), use: areaProcessCSV)
        routes.get(MonitoringURL.components(MonitoringURL.processCSV(MonitoringURL.coalition(":slug"))), use: coalitionProcessCSV)
    }

    @Sendable func landing(req: Request) async throws -> Response {
        try await renderLanding(req, errors: [], status: .ok)
    }

    /// The landing page's forms: `gebied=GM0355` or `coalitie=zeist`, then on to the dashboard.
    @Sendable func choose(req: Request) async throws -> Response {
        let area = (req.query[String.self, at: "gebied"] ?? "").trimmingCharacters(in: .whitespaces).uppercased()
        let slug = (req.query[String.self, at: "coalitie"] ?? "").trimmingCharacters(in: .whitespaces)
        try await snapshot.refresh(on: req.readDB)
        if !area.isEmpty, let areas = snapshot.areas, DashboardSubject.area(area, areas: areas) != nil {
            return req.redirect(to: MonitoringURL.area(area))
        }
        if !slug.isEmpty, try await Coalition.query(on: req.readDB).filter(\.$slug == slug).first() != nil {
            return req.redirect(to: MonitoringURL.coalition(slug))
        }
        return try await renderLanding(req, errors: [req.t("monitor.error.choose")], status: .badRequest)
    }

    @Sendable func area(req: Request) async throws -> Response {
        var code = (req.parameters.get("code") ?? "").uppercased()
        let wantsCSV = code.hasSuffix(".CSV")
        if wantsCSV { code.removeLast(4) }
        if !wantsCSV, let kept = snapshot.pages.cached(req) { return kept }
        let (subject, coalitions) = try await areaSubject(req, code: code)
        return try await respond(req, subject: subject, coalitions: coalitions, csv: wantsCSV)
    }

    /// The municipality or region named in the path, with the coalitions that work there; 404 otherwise.
    func areaSubject(_ req: Request, code: String) async throws -> (DashboardSubject, [Coalition]) {
        try await snapshot.refresh(on: req.readDB)
        guard let areas = snapshot.areas, let subject = DashboardSubject.area(code, areas: areas),
              req.url.path.hasPrefix(MonitoringURL.region("")) == (subject.kind == .region) else { throw PageError.notFound }
        return (subject, try await Self.coalitions(covering: code, on: req.readDB))
    }

    @Sendable func coalition(req: Request) async throws -> Response {
        var key = req.parameters.get("slug") ?? ""
        let wantsCSV = key.lowercased().hasSuffix(".csv")
        if wantsCSV { key.removeLast(4) }
        if !wantsCSV, let kept = snapshot.pages.cached(req) { return kept }
        let (subject, coalition) = try await coalitionSubject(req, key: key)
        return try await respond(req, subject: subject, coalitions: [coalition], csv: wantsCSV)
    }

    /// The coalition named in the path by slug or id, as a dashboard subject; 404 otherwise.
    func coalitionSubject(_ req: Request, key: String) async throws -> (DashboardSubject, Coalition) {
        let query = Coalition.query(on: req.readDB)
        if let id = UUID(uuidString: key) { query.filter(\.$id == id) } else { query.filter(\.$slug == key) }
        guard let coalition = try await query.first() else { throw PageError.notFound }
        try await snapshot.refresh(on: req.readDB)
        guard let areas = snapshot.areas else { throw PageError.notFound }
        let subject = DashboardSubject.coalition(slug: coalition.slug, name: coalition.name,
                                                 municipalities: try await coalition.municipalityCodes(on: req.readDB), areas: areas)
        guard !subject.members.isEmpty else { throw PageError.notFound }
        return (subject, coalition)
    }

    // MARK: helpers

    /// What a dashboard and its download show, after the GET form is read.
    struct Computed {
        var query: DashboardQuery
        var figures: [IndicatorFigures]
        var missing: [IndicatorDefinition]
        var peerLabel: String
        var areas: AreaDimension
    }

    func compute(_ req: Request, subject: DashboardSubject) async throws -> Computed {
        guard let areas = snapshot.areas else { throw PageError.notFound }
        let query = DashboardQuery.parse(DashboardQuery.items(req.url.query), subject: subject, areas: areas, births: snapshot.births)
        var figures: [IndicatorFigures] = []
        var missing: [IndicatorDefinition] = []
        for d in try await Indicator.definitions(on: req.readDB, english: req.isEnglish) where d.periodKind == .year {
            if let f = try await snapshot.figures(d, subject: subject, peer: query.peer, mode: query.mode, on: req.readDB) { figures.append(f) } else { missing.append(d) }
        }
        return Computed(query: query, figures: figures, missing: missing, peerLabel: Self.peerLabel(query.peer, areas: areas, req), areas: areas)
    }

    func respond(_ req: Request, subject: DashboardSubject, coalitions: [Coalition], csv: Bool) async throws -> Response {
        if csv {
            let c = try await compute(req, subject: subject)
            guard c.query.errors.isEmpty else { throw Abort(.badRequest, reason: c.query.errors.map(req.t).joined(separator: " ")) }
            return DashboardExport.response(c.figures, subject: subject, peerLabel: c.peerLabel, req)
        }
        return try await page(req, subject: subject, coalitions: coalitions)
    }

    func renderLanding(_ req: Request, errors: [String], status: HTTPStatus) async throws -> Response {
        try await snapshot.refresh(on: req.readDB)
        let areas = snapshot.areas
        let coalitions = try await Coalition.allSorted(on: req.readDB)
        let latest = snapshot.years(of: IndicatorCatalog.rivm[0]).last
        let own = try await OwnMunicipality.code(req, areas: areas)
        let page = DashboardLandingPage(
            page: try await req.pageMeta(title: req.t("monitor.title")),
            municipalities: (areas?.places ?? []).sorted { $0.name.folding(options: .diacriticInsensitive, locale: nil) < $1.name.folding(options: .diacriticInsensitive, locale: nil) }
                .map { SelectOption(value: $0.code, label: $0.name, selected: $0.code == own) },
            regions: (areas?.regionNames ?? [:]).sorted { $0.value < $1.value }.map { SelectOption(value: $0.key, label: $0.value, selected: false) },
            coalitions: coalitions.map { SelectOption(value: $0.slug, label: $0.name, selected: false) },
            errors: errors, mapURL: MonitoringURL.map, latestYear: latest.map(String.init),
            own: own.map { SelectOption(value: MonitoringURL.area($0), label: areas?.name(of: $0) ?? $0, selected: true) })
        return try await req.view.render("monitoring/dashboard-landing", page).encodeResponse(status: status, for: req)
    }

    static func peerLabel(_ peer: PeerGroup, areas: AreaDimension, _ req: Request) -> String {
        switch peer {
        case .region(let code): return areas.name(of: code) ?? code
        case .province(let code): return req.t("monitor.peer.province") + " " + (areas.name(of: code) ?? code)
        case .size(let c):
            let (low, high) = c.range
            return high.map { MonitoringStrings.fill(req.t("monitor.peer.size.range"), String(low), String($0)) } ?? MonitoringStrings.fill(req.t("monitor.peer.size.above"), String(low))
        case .chosen(let codes): return MonitoringStrings.fill(req.t("monitor.peer.chosen.label"), String(codes.count))
        }
    }

    static func coalitions(covering code: String, on db: any Database) async throws -> [Coalition] {
        let links = try await CoalitionMunicipality.query(on: db).filter(\.$municipalityCode == code).all()
        guard !links.isEmpty else { return [] }
        return try await Coalition.query(on: db).filter(\.$id ~~ links.map { $0.$coalition.id }).sort(\.$name).all()
    }

    /// Stories shared with consent (the consent date has come), newest first: a coalition's readers
    /// see all of its stories, everyone else only those its authors marked public.
    static func stories(of coalitions: [Coalition], readerOf: Set<UUID>, now: Date, _ req: Request) async throws -> [(DashboardPhase, DashboardPage.Story)] {
        guard !coalitions.isEmpty else { return [] }
        let names = Dictionary(uniqueKeysWithValues: coalitions.compactMap { c in c.id.map { ($0, c.name) } })
        let stories = try await CoalitionStory.shown(of: Array(names.keys), membersOf: readerOf, now: now, limit: 12, on: req.readDB)
        return stories.map { s in
            (DashboardPhase(storyPhase: s.phase),
             DashboardPage.Story(title: s.title, excerpt: StoryExcerpt.make(s.body), teller: req.t("story.teller.\(s.teller.rawValue)"),
                                 told: req.date(s.toldOn), coalition: names[s.$coalition.id] ?? ""))
        }
    }
}
