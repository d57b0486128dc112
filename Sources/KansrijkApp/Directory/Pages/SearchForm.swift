import Vapor

/// The filters of the search page as they arrive in the query string, checked.
struct SearchForm: Sendable {
    var q: String = ""
    var gemeente: String?
    var fase: String?
    var thema: String?
    var doelgroep: String?
    var taal: String?
    var page = 1
    var errors: [String] = []

    /// The raw query values, decoded from the query string once (each `req.query[_, at:]`
    /// would parse the whole string again).
    private struct Values: Decodable {
        var q, gemeente, fase, thema, doelgroep, taal, pagina: String?
    }

    init(req: Request, snapshot: DirectorySnapshot) {
        let values = (try? req.query.decode(Values.self)) ?? Values()
        func value(_ key: KeyPath<Values, String?>) -> String? {
            guard let v = values[keyPath: key]?.trimmingCharacters(in: .whitespaces), !v.isEmpty else { return nil }
            return v
        }
        q = String((value(\.q) ?? "").prefix(200))
        if let g = value(\.gemeente) {
            if snapshot.municipalities[g] != nil { gemeente = g } else { errors.append(req.t("search.error.municipality")) }
        }
        if let f = value(\.fase) { if Term.find(.fase, f) != nil { fase = f } else { errors.append(req.t("search.error.phase")) } }
        if let t = value(\.thema) { if Term.find(.thema, t) != nil { thema = t } else { errors.append(req.t("search.error.theme")) } }
        if let d = value(\.doelgroep) { if Term.find(.doelgroep, d) != nil { doelgroep = d } else { errors.append(req.t("search.error.group")) } }
        if let l = value(\.taal) { if LanguageCatalog.byCode[l] != nil { taal = l } else { errors.append(req.t("search.error.language")) } }
        if let p = value(\.pagina) {
            if let n = Int(p), n >= 1, n <= 10_000 { page = n } else { errors.append(req.t("search.error.page")) }
        }
    }

    var query: DirectoryQuery {
        DirectoryQuery(text: q, municipality: gemeente, phase: fase, theme: thema, targetGroup: doelgroep, language: taal, page: page, perPage: 20)
    }

    var isEmpty: Bool { q.isEmpty && gemeente == nil && fase == nil && thema == nil && doelgroep == nil && taal == nil }

    /// Query string for another page of the same search.
    func link(page: Int, base: String) -> String {
        var items: [URLQueryItem] = []
        if !q.isEmpty { items.append(.init(name: "q", value: q)) }
        for (k, v) in [("gemeente", gemeente), ("fase", fase), ("thema", thema), ("doelgroep", doelgroep), ("taal", taal)] {
            if let v { items.append(.init(name: k, value: v)) }
        }
        items.append(.init(name: "pagina", value: String(page)))
        var c = URLComponents()
        c.queryItems = items
        return base + "?" + (c.percentEncodedQuery ?? "")
    }
}

/// An option of a select list.
struct SelectOption: Encodable, Sendable {
    var value: String
    var label: String
    var selected: Bool
}

extension SelectOption {
    static func terms(_ vocabulary: Vocabulary, selected: String?, english: Bool) -> [SelectOption] {
        vocabulary.terms.map { SelectOption(value: $0.code, label: $0.label(english: english), selected: $0.code == selected) }
    }

    static func municipalities(_ snapshot: DirectorySnapshot, selected: String?) -> [SelectOption] {
        snapshot.municipalitiesByName.map { SelectOption(value: $0.code, label: $0.name, selected: $0.code == selected) }
    }

    /// The 342 `<option>`s of a municipality select as ready HTML. Rendering them through Leaf
    /// on every search was the largest cost of the page; the names are escaped once per snapshot.
    static func municipalityOptionsHTML(_ snapshot: DirectorySnapshot, selected: String?) -> String {
        let html = snapshot.municipalityOptionsHTML
        guard let selected, let offset = snapshot.municipalityOptionSelectAt[selected] else { return html }
        // an offset, not a text search: `range(of:)` over the 342 options was a tenth of a search request
        let at = html.utf8.index(html.utf8.startIndex, offsetBy: offset)
        return String(html[..<at]) + " selected" + html[at...]
    }

    static func languages(selected: String?, english: Bool) -> [SelectOption] {
        LanguageCatalog.names.map { SelectOption(value: $0.code, label: english ? $0.english : $0.name, selected: $0.code == selected) }
    }
}
