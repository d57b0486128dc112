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
    /// on the event loop (see `SearchPageLayout.response`).
    @Sendable func search(req: Request) -> EventLoopFuture<Response> {
        let snapshot = req.directory
        let form = SearchForm(req: req, snapshot: snapshot)
        let english = req.isEnglish
        let results = form.errors.isEmpty ? snapshot.search(form.query) : DirectoryResults(hits: [], total: 0, page: 1, perPage: 20)
        let municipalityName = form.gemeente.flatMap { snapshot.municipalities[$0]?.name }
        // the locality line of each tier, written once rather than for every result
        let localityLines = form.gemeente == nil ? nil : [Locality.municipality, .region, .nationwide].map {
            ServiceSummaryView.localityText($0, municipalityName: municipalityName, english: english)
        }
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
            results: zip(results.hits, fragments.fragments(results.hits, snapshot: snapshot, language: req.language)).map { hit, fragment in
                SearchResultItem(fragment: fragment, locality: localityLines.flatMap { $0[hit.locality.rawValue] })
            },
            pageNumber: results.page,
            totalPages: results.totalPages,
            previousURL: results.page > 1 ? form.link(page: results.page - 1, base: "/aanbod") : nil,
            nextURL: results.page < results.totalPages ? form.link(page: results.page + 1, base: "/aanbod") : nil,
            municipalityName: municipalityName,
            municipalitySelectedAt: form.gemeente.flatMap { snapshot.municipalityOptionSelectAt[$0] })
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
            page: try await req.pageMeta(title: record.name), service: detail, canEdit: canEdit, signedIn: user != nil))
    }
}
