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
    /// The query string named a municipality, also an empty one ("Alle gemeenten"): only
    /// without it does a signed-in search start in the user's own municipality (issue 15).
    var gemeenteGiven = false
    /// The municipality is the signed-in user's own, not one she chose.
    var gemeenteIsOwn = false

    init(req: Request, snapshot: DirectorySnapshot) {
        // the query string is read once, by hand (see `QueryString`)
        let values = QueryString(req.url.query)
        func value(_ name: String) -> String? {
            guard let v = values[name].map(Self.trimmed), !v.isEmpty else { return nil }
            return v
        }
        q = String((value("q") ?? "").prefix(200))
        gemeenteGiven = values["gemeente"] != nil
        if let g = value("gemeente") {
            if snapshot.municipalities[g] != nil { gemeente = g } else { errors.append(req.t("search.error.municipality")) }
        }
        if let f = value("fase") { if Term.find(.fase, f) != nil { fase = f } else { errors.append(req.t("search.error.phase")) } }
        if let t = value("thema") { if Term.find(.thema, t) != nil { thema = t } else { errors.append(req.t("search.error.theme")) } }
        if let d = value("doelgroep") { if Term.find(.doelgroep, d) != nil { doelgroep = d } else { errors.append(req.t("search.error.group")) } }
        if let l = value("taal") { if LanguageCatalog.byCode[l] != nil { taal = l } else { errors.append(req.t("search.error.language")) } }
        if let p = value("pagina") {
            if let n = Int(p), n >= 1, n <= 10_000 { page = n } else { errors.append(req.t("search.error.page")) }
        }
    }

    /// Without the spaces around it (`CharacterSet.whitespaces`); Foundation is asked only when
    /// the text starts or ends with a space, a tab or a non-ASCII character, which is rare.
    static func trimmed(_ text: String) -> String {
        func plain(_ byte: UInt8?) -> Bool { byte.map { $0 < 0x80 && $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") } ?? true }
        guard plain(text.utf8.first), plain(text.utf8.last) else { return text.trimmingCharacters(in: .whitespaces) }
        return text
    }

    var query: DirectoryQuery {
        DirectoryQuery(text: q, municipality: gemeente, phase: fase, theme: thema, targetGroup: doelgroep, language: taal, page: page, perPage: 20)
    }

    var isEmpty: Bool { q.isEmpty && gemeente == nil && fase == nil && thema == nil && doelgroep == nil && taal == nil }

    /// Query string for another page of the same search.
    func link(page: Int, base: String) -> String {
        var items = parameters
        items.append(("pagina", String(page)))
        return base + "?" + Self.encodedQuery(items)
    }

    /// The search's text and filters as query parameters, without the page.
    var parameters: [(name: String, value: String)] {
        var items: [(name: String, value: String)] = []
        if !q.isEmpty { items.append(("q", q)) }
        for (k, v) in [("gemeente", gemeente), ("fase", fase), ("thema", thema), ("doelgroep", doelgroep), ("taal", taal)] {
            if let v { items.append((k, v)) }
        }
        return items
    }

    /// This search's page as a path, for the way back from a result (`SearchReturn`); its own
    /// municipality is written out, so the way back shows the same results.
    var path: String {
        var items = parameters
        if page > 1 { items.append(("pagina", String(page))) }
        return items.isEmpty ? "/aanbod" : "/aanbod?" + Self.encodedQuery(items)
    }

    /// How many filters other than the text are set, for the filter button on a phone.
    var filterCount: Int { [gemeente, fase, thema, doelgroep, taal].compactMap { $0 }.count }

    /// `name=value&…` as `URLComponents` percent-encodes it; without Foundation when there is
    /// nothing to encode (the usual search: words and codes).
    static func encodedQuery(_ items: [(name: String, value: String)]) -> String {
        if items.allSatisfy({ $0.name.utf8.allSatisfy(\.isURLUnreserved) && $0.value.utf8.allSatisfy(\.isURLUnreserved) }) {
            return items.map { $0.name + "=" + $0.value }.joined(separator: "&")
        }
        var c = URLComponents()
        c.queryItems = items.map { URLQueryItem(name: $0.name, value: $0.value) }
        return c.percentEncodedQuery ?? ""
    }
}

/// An option of a select list.
struct SelectOption: Encodable, Sendable {
    var value: String
    var label: String
    var selected: Bool
    /// The option as ready HTML, for the fixed lists built once (`Lists`): the search page wrote
    /// some sixty options, two texts each to escape, on every request. Nil for an option made on
    /// the spot. Not part of a template's context.
    var html: Markup? = nil

    struct Markup: Sendable {
        let plain: String
        let selected: String
    }

    private enum CodingKeys: String, CodingKey { case value, label, selected }
}

extension SelectOption {
    static func terms(_ vocabulary: Vocabulary, selected: String?, english: Bool) -> [SelectOption] {
        (english ? Lists.englishTerms : Lists.dutchTerms)[vocabulary, default: []].marking(selected)
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
        (english ? Lists.englishLanguages : Lists.dutchLanguages).marking(selected)
    }

    /// The fixed lists, built once: the search page showed four of them on every request.
    private enum Lists {
        static let dutchTerms = termLists(english: false), englishTerms = termLists(english: true)
        static let dutchLanguages = languageList(english: false), englishLanguages = languageList(english: true)

        static func termLists(english: Bool) -> [Vocabulary: [SelectOption]] {
            Dictionary(uniqueKeysWithValues: Vocabulary.allCases.map { vocabulary in
                (vocabulary, vocabulary.terms.map { ready(value: $0.code, label: $0.label(english: english)) })
            })
        }

        static func languageList(english: Bool) -> [SelectOption] {
            LanguageCatalog.names.map { ready(value: $0.code, label: english ? $0.english : $0.name) }
        }

        static func ready(value: String, label: String) -> SelectOption {
            var option = SelectOption(value: value, label: label, selected: false)
            let chosen = SelectOption(value: value, label: label, selected: true)
            option.html = Markup(plain: option.rendered(), selected: chosen.rendered())
            return option
        }
    }
}

extension [SelectOption] {
    /// The list with the option of value `selected` (if any) selected.
    func marking(_ selected: String?) -> [SelectOption] {
        guard let selected, let i = firstIndex(where: { $0.value == selected }) else { return self }
        var marked = self
        marked[i].selected = true
        return marked
    }
}
