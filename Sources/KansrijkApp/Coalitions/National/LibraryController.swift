import Fluent
import Vapor

/// "Leren van elkaar": the library of practice examples, searchable by theme, phase,
/// intervention and municipality. Public.
struct LibraryController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(NationalURL.components(NationalURL.library), use: list)
        routes.get(NationalURL.components(NationalURL.example(":slug")), use: show)
    }

    @Sendable func list(req: Request) async throws -> Response {
        let english = req.isEnglish
        let entries = try await PracticeExample.query(on: req.db).all().map(\.entry)
        let names = try await NationalData.municipalityNames(on: req.db)
        let (query, errors) = Self.parse(req, names: names)
        let found = PracticeLibrary.search(entries, query, municipalityNames: names)
        let mentioned = Set(entries.flatMap(\.municipalityCodes))
        let page = LibraryPage(
            page: try await req.pageMeta(title: req.t("library.title")),
            q: query.text,
            themes: SelectOption.terms(.thema, selected: query.theme, english: english),
            phases: SelectOption.terms(.fase, selected: query.phase, english: english),
            interventions: PracticeIntervention.all.map { SelectOption(value: $0.code, label: $0.label(english: english), selected: $0.code == query.intervention) },
            municipalities: mentioned.compactMap { code in names[code].map { SelectOption(value: code, label: $0, selected: code == query.municipality) } }
                .sorted { $0.label.localizedCompare($1.label) == .orderedAscending },
            errors: errors.map(req.t),
            searched: !query.isEmpty,
            items: found.map { e in
                LibraryPage.Item(
                    title: e.title, url: NationalURL.example(e.slug), summary: e.summary,
                    places: e.municipalityCodes.compactMap { names[$0] }.joined(separator: ", "),
                    source: "\(e.sourceTitle) (\(e.sourcePublisher), \(e.sourceDate))",
                    phases: e.phases.compactMap { Term.find(.fase, $0)?.label(english: english) },
                    themes: e.themes.compactMap { Term.find(.thema, $0)?.label(english: english) },
                    interventions: e.interventions.compactMap { PracticeIntervention.byCode[$0]?.label(english: english) })
            },
            total: found.count)
        return try await req.view.render("national/library", page).encodeResponse(status: errors.isEmpty ? .ok : .badRequest, for: req)
    }

    @Sendable func show(req: Request) async throws -> View {
        guard let slug = req.parameters.get("slug"),
              let example = try await PracticeExample.query(on: req.db).filter(\.$slug == slug).first() else { throw PageError.notFound }
        let english = req.isEnglish
        let names = try await NationalData.municipalityNames(on: req.db)
        let e = example.entry
        func tag(_ label: String?, _ key: String, _ value: String) -> LibraryExamplePage.Tag? {
            label.map { .init(label: $0, url: NationalURL.library + "?\(key)=\(value)") }
        }
        return try await req.view.render("national/example", LibraryExamplePage(
            page: try await req.pageMeta(title: e.title),
            title: e.title, summary: e.summary,
            places: e.municipalityCodes.compactMap { code in names[code].map { .init(name: $0, url: NationalURL.municipality(code)) } },
            sourceTitle: e.sourceTitle, sourcePublisher: e.sourcePublisher, sourceDate: e.sourceDate,
            phases: e.phases.compactMap { tag(Term.find(.fase, $0)?.label(english: english), "fase", $0) },
            themes: e.themes.compactMap { tag(Term.find(.thema, $0)?.label(english: english), "thema", $0) },
            interventions: e.interventions.compactMap { tag(PracticeIntervention.byCode[$0]?.label(english: english), "interventie", $0) }))
    }

    static func parse(_ req: Request, names: [String: String]) -> (PracticeLibrary.Query, [String]) {
        func value(_ key: String) -> String? {
            guard let v = req.query[String.self, at: key]?.trimmingCharacters(in: .whitespaces), !v.isEmpty else { return nil }
            return v
        }
        var q = PracticeLibrary.Query()
        var errors: [String] = []
        q.text = String((value("q") ?? "").prefix(200))
        if let t = value("thema") { if Term.find(.thema, t) != nil { q.theme = t } else { errors.append("search.error.theme") } }
        if let f = value("fase") { if Term.find(.fase, f) != nil { q.phase = f } else { errors.append("search.error.phase") } }
        if let i = value("interventie") { if PracticeIntervention.byCode[i] != nil { q.intervention = i } else { errors.append("library.error.intervention") } }
        if let g = value("gemeente") { if names[g] != nil { q.municipality = g } else { errors.append("search.error.municipality") } }
        return (q, errors)
    }
}
