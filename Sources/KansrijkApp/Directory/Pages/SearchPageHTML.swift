/// The content of the search page ("Wie kan helpen?"), rendered in Swift: the filter form and
/// the result list. LeafKit's serializer was most of the cost of a search at national scale
/// (a dictionary look-up and retain/release per variable), so this writes the same markup
/// directly; the layout around it still comes from `layout/base.leaf` (see `SearchPageLayout`).
struct SearchPageHTML {
    let page: SearchPage
    let language: UILanguage

    private func t(_ key: String) -> String { Strings.text(key, language) }

    /// The content as text (`SearchPageRenderTests` read it so).
    func render() -> String {
        var w = HTMLWriter()
        write(&w)
        return w.html
    }

    /// Writes the content where `w` stands: the anonymous page writes it straight into its body.
    func write(_ w: inout HTMLWriter) {
        w.raw("<h1>"); w.text(t("search.heading")); w.raw("</h1>\n<div class=\"search-layout\">\n")
        form(&w)
        w.raw("<section class=\"results\" aria-labelledby=\"results-h\">\n")
        if page.errors.isEmpty { results(&w) } else { errors(&w) }
        w.raw("</section>\n</div>\n")
    }

    private func form(_ w: inout HTMLWriter) {
        w.raw("<form class=\"filters\" method=\"get\" action=\"/aanbod\" role=\"search\" aria-label=\"")
        w.text(t("search.filters")); w.raw("\">\n  <div class=\"field\">\n    <label for=\"q\">"); w.text(t("search.q"))
        w.raw("</label>\n    <input id=\"q\" name=\"q\" type=\"search\" value=\""); w.text(page.q)
        w.raw("\" placeholder=\""); w.text(t("home.search.placeholder")); w.raw("\">\n  </div>\n")
        w.raw("  <div class=\"field\">\n    <label for=\"gemeente\">"); w.text(t("search.municipality"))
        w.raw("</label>\n    <select id=\"gemeente\" name=\"gemeente\">\n      <option value=\"\">"); w.text(t("search.any.municipality"))
        w.raw("</option>\n      "); municipalityOptions(&w)
        w.raw("\n    </select>\n    <p class=\"hint\">"); w.text(t("search.municipality.hint")); w.raw("</p>\n  </div>\n")
        select(&w, "fase", label: "search.phase", page.phases)
        select(&w, "thema", label: "search.theme", page.themes)
        select(&w, "doelgroep", label: "search.group", page.groups)
        select(&w, "taal", label: "search.language", page.languages)
        w.raw("  <button type=\"submit\" class=\"button\">"); w.text(t("search.button"))
        w.raw("</button>\n  <a class=\"reset\" href=\"/aanbod\">"); w.text(t("search.reset")); w.raw("</a>\n</form>\n")
    }

    private func municipalityOptions(_ w: inout HTMLWriter) {
        let html = page.municipalityOptions
        guard let offset = page.municipalitySelectedAt else { return w.raw(html) }
        let at = html.utf8.index(html.utf8.startIndex, offsetBy: offset)
        w.raw(html[..<at]); w.raw(" selected"); w.raw(html[at...])
    }

    private func select(_ w: inout HTMLWriter, _ name: String, label: String, _ options: [SelectOption]) {
        w.raw("  <div class=\"field\">\n    <label for=\""); w.raw(name); w.raw("\">"); w.text(t(label))
        w.raw("</label>\n    <select id=\""); w.raw(name); w.raw("\" name=\""); w.raw(name)
        w.raw("\">\n      <option value=\"\">"); w.text(t("search.any")); w.raw("</option>\n      ")
        for o in options {
            if let html = o.html { w.raw(o.selected ? html.selected : html.plain) } else { o.write(&w) }
        }
        w.raw("\n    </select>\n  </div>\n")
    }

    private func errors(_ w: inout HTMLWriter) {
        w.raw("  <div class=\"error-summary\" role=\"alert\">\n    <h2 id=\"results-h\">"); w.text(t("search.errors"))
        w.raw("</h2>\n    <ul>")
        for e in page.errors { w.raw("<li>"); w.text(e); w.raw("</li>") }
        w.raw("</ul>\n  </div>\n")
    }

    private func results(_ w: inout HTMLWriter) {
        w.raw("  <h2 id=\"results-h\" class=\"results-count\" aria-live=\"polite\">")
        if page.searched {
            w.text(page.total); w.raw(" "); w.text(t(page.total == 1 ? "search.found.one" : "search.found"))
            if let name = page.municipalityName { w.raw(" · "); w.text(t("search.localfirst")); w.raw(" "); w.text(name) }
        } else {
            w.text(t("search.all")); w.raw(" ("); w.text(page.total); w.raw(")")
        }
        w.raw("</h2>\n")
        if page.total == 0 {
            w.raw("  <div class=\"empty\">\n    <p>"); w.text(t("search.none"))
            w.raw("</p>\n    <ul><li>"); w.text(t("search.none.tip1")); w.raw("</li><li>"); w.text(t("search.none.tip2"))
            w.raw("</li></ul>\n  </div>\n")
        }
        for item in page.results { result(&w, item) }
        if page.totalPages > 1 { pager(&w) }
    }

    private func result(_ w: inout HTMLWriter, _ item: SearchResultItem) {
        w.raw(item.fragment.head)
        if let locality = item.locality { w.raw(" · <span class=\"locality\">"); w.text(locality); w.raw("</span>") }
        w.raw(item.fragment.tail)
    }

    private func pager(_ w: inout HTMLWriter) {
        w.raw("  <nav class=\"pager\" aria-label=\""); w.text(t("search.pages")); w.raw("\">\n    ")
        if let previous = page.previousURL {
            w.raw("<a href=\""); w.text(previous); w.raw("\" rel=\"prev\">"); w.text(t("search.previous")); w.raw("</a>")
        }
        w.raw("\n    <span>"); w.text(t("search.page")); w.raw(" "); w.text(page.pageNumber); w.raw(" ")
        w.text(t("search.of")); w.raw(" "); w.text(page.totalPages); w.raw("</span>\n    ")
        if let next = page.nextURL {
            w.raw("<a href=\""); w.text(next); w.raw("\" rel=\"next\">"); w.text(t("search.next")); w.raw("</a>")
        }
        w.raw("\n  </nav>\n")
    }
}

extension SelectOption {
    /// `<option value="…" selected>label</option>`, escaped.
    func write(_ w: inout HTMLWriter) {
        w.raw("<option value=\""); w.text(value); w.raw(selected ? "\" selected>" : "\">"); w.text(label); w.raw("</option>")
    }

    func rendered() -> String {
        var w = HTMLWriter(capacity: 128)
        write(&w)
        return w.html
    }
}
