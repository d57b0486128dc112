import Fluent
import Vapor

/// What the search page shows; rendered by `SearchPageHTML`.
struct SearchPage: Sendable {
    var q: String
    /// Ready HTML: see `SelectOption.municipalityOptionsHTML`.
    var municipalityOptions: String
    var phases: [SelectOption]
    var themes: [SelectOption]
    var groups: [SelectOption]
    var languages: [SelectOption]
    var errors: [String]
    var searched: Bool
    var total: Int
    var results: [SearchResultItem]
    var pageNumber: Int
    var totalPages: Int
    var previousURL: String?
    var nextURL: String?
    var municipalityName: String?
    /// Where ` selected` goes in `municipalityOptions` (a UTF-8 offset), for the page to write it
    /// in place rather than build another copy of the 342 options.
    var municipalitySelectedAt: Int? = nil
    /// Ranked search (issue 15): the words no result matched, and what to try when nothing was found.
    var unmatchedWords: [String] = []
    var rankedByWords = false
    var suggestion: SearchSuggestion? = nil
    /// `?terug=...` after each result's link, so the service page leads back to this search.
    var resultLinkSuffix: String? = nil
    /// The filter button on a phone: how many filters are set, and whether it starts open.
    var filterCount = 0
    var filtersOpen = false
    var municipalityIsOwn = false
}

/// The layout around the search page's Swift-rendered content.
struct SearchShell: Encodable {
    var page: PageMeta
    var content: String
}

struct ServicePage: Encodable {
    var page: PageMeta
    var service: ServiceDetailView
    var canEdit: Bool
    var signedIn: Bool
    /// How the service receives referrals, and whether the reader may refer from here (issue #15).
    var route: ReceivingModeView? = nil
    var canRefer = false
    /// The breadcrumb back: the search the service was found by (`SearchReturn`, issue 15).
    var backURL = SearchReturn.searchPage
}

/// "Wie kan helpen?": the search page for professionals and the service page.
struct DirectoryController: RouteCollection {
    let layout = SearchPageLayout()
    let fragments = SearchResultFragmentCache()

    func boot(routes: any RoutesBuilder) throws {
        routes.get("aanbod", use: search)
        routes.get("aanbod", ":id", use: show)
    }

    /// Answers from the in-memory snapshot without an `async` step, so an anonymous search stays
    /// on the event loop (see `SearchPageLayout.response`). A signed-in user's search starts in
    /// her organisation's municipality, and when nothing is found suggests the theme's published
    /// zorgpaden there (issue 15): two reads of the database.
    @Sendable func search(req: Request) -> EventLoopFuture<Response> {
        guard let user = req.auth.get(User.self) else { return page(req, SearchRun(req: req, ownMunicipality: nil), pathways: []) }
        return req.eventLoop.makeFutureWithTask {
            let run = SearchRun(req: req, ownMunicipality: try await SearchRun.ownMunicipality(of: user, on: req))
            var pathways: [SearchSuggestion.PathwayLink] = []
            if run.suggestsThemes, let municipality = run.form.gemeente {
                pathways = try await SearchSuggestion.pathways(themes: run.results.themes, municipality: municipality, on: req.db)
            }
            return try await self.page(req, run, pathways: pathways).get()
        }
    }

    /// The page of a search that has run.
    private func page(_ req: Request, _ run: SearchRun, pathways: [SearchSuggestion.PathwayLink]) -> EventLoopFuture<Response> {
        let snapshot = run.snapshot
        let form = run.form
        let english = req.isEnglish
        let results = run.results
        let municipalityName = form.gemeente.flatMap { snapshot.municipalities[$0]?.name }
        // the locality line of each tier, written once rather than for every result
        let localityLines = form.gemeente == nil ? nil : [Locality.municipality, .region, .nationwide].map {
            ServiceSummaryView.localityText($0, municipalityName: municipalityName, english: english)
        }
        // how each result receives referrals: beside the cached articles, so it follows people's accounts (issue #15)
        let routes = ReceivingBadges.badges(results.hits, app: req.application, language: req.language,
                                            refer: req.auth.get(User.self)?.role == .professional)
        let page = SearchPage(
            q: form.q,
            municipalityOptions: snapshot.municipalityOptionsHTML,
            phases: SelectOption.terms(.fase, selected: form.fase, english: english),
            themes: SelectOption.terms(.thema, selected: form.thema, english: english),
            groups: SelectOption.terms(.doelgroep, selected: form.doelgroep, english: english),
            languages: SelectOption.languages(selected: form.taal, english: english),
            errors: form.errors,
            searched: !form.isEmpty,
            total: results.total,
            results: zip(results.hits, fragments.fragments(results.hits, snapshot: snapshot, language: req.language)).enumerated().map { i, pair in
                SearchResultItem(fragment: pair.1, locality: localityLines.flatMap { $0[pair.0.locality.rawValue] }, route: routes[i])
            },
            pageNumber: results.page,
            totalPages: results.totalPages,
            previousURL: results.page > 1 ? form.link(page: results.page - 1, base: "/aanbod") : nil,
            nextURL: results.page < results.totalPages ? form.link(page: results.page + 1, base: "/aanbod") : nil,
            municipalityName: municipalityName,
            municipalitySelectedAt: form.gemeente.flatMap { snapshot.municipalityOptionSelectAt[$0] },
            unmatchedWords: results.unmatchedWords,
            rankedByWords: results.partialMatches,
            suggestion: run.suggestsThemes ? SearchSuggestion(themes: run.themesWithServices, municipality: form.gemeente,
                                                              municipalityName: municipalityName, pathways: pathways, english: english) : nil,
            resultLinkSuffix: SearchReturn.linkSuffix(for: form.path),
            filterCount: form.filterCount,
            filtersOpen: form.fase != nil || form.thema != nil || form.doelgroep != nil || form.taal != nil || (form.gemeenteGiven && form.gemeente != nil),
            municipalityIsOwn: form.gemeenteIsOwn)
        let status: HTTPResponseStatus = form.errors.isEmpty ? .ok : .badRequest
        let html = SearchPageHTML(page: page, language: req.language)
        return layout.response(req, title: req.t("search.title"), status: status) { html.write(&$0) }
    }

    @Sendable func show(req: Request) async throws -> View {
        guard let id = req.parameters.get("id", as: UUID.self), let record = req.directory.service(id) else {
            throw PageError.notFound
        }
        let user = req.auth.get(User.self)
        var canEdit = false
        if let user {
            let access = try await DirectoryAccess.load(for: user, on: req.db)
            let org = try await Organisation.find(record.organisationID, on: req.db)
            canEdit = access.canEdit(service: record, organisationMunicipality: org?.municipalityCode)
        }
        let pathways = user == nil ? [] : try await PathwaySteps.pathways(using: id, on: req.db)
        let detail = ServiceDetailView(record, snapshot: req.directory, english: req.isEnglish, showContacts: user != nil, pathways: pathways)
        return try await req.view.render("directory/service", ServicePage(
            page: try await req.pageMeta(title: record.name), service: detail, canEdit: canEdit, signedIn: user != nil,
            route: ReceivingModeView(try await req.referralReceiving().mode(of: record), t: req.t),
            canRefer: user?.role == .professional && record.status == .active,
            backURL: SearchReturn.back(req.query[String.self, at: SearchReturn.parameter], roots: req.application.internalRoots)))
    }
}
