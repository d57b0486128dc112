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
        // on a phone the filters fold behind one button; on a wide screen the style sheet shows them (issue 15)
        w.raw(page.filtersOpen ? "  <details class=\"filter-more\" open>\n" : "  <details class=\"filter-more\">\n")
        w.raw("  <summary>"); w.text(t("search.filters.toggle"))
        if page.filterCount > 0 { w.raw(" <span class=\"filter-count\">("); w.text(page.filterCount); w.raw(" "); w.text(t("search.filters.chosen")); w.raw(")</span>") }
        w.raw("</summary>\n")
        w.raw("  <div class=\"field\">\n    <label for=\"gemeente\">"); w.text(t("search.municipality"))
        w.raw("</label>\n    <select id=\"gemeente\" name=\"gemeente\" aria-describedby=\"gemeente-hint\">\n      <option value=\"\">"); w.text(t("search.any.municipality"))
        w.raw("</option>\n      "); municipalityOptions(&w)
        w.raw("\n    </select>\n    <p class=\"hint\" id=\"gemeente-hint\">"); w.text(t(page.municipalityIsOwn ? "search.municipality.own" : "search.municipality.hint")); w.raw("</p>\n  </div>\n")
        select(&w, "fase", label: "search.phase", page.phases)
        select(&w, "thema", label: "search.theme", page.themes)
        select(&w, "doelgroep", label: "search.group", page.groups)
        select(&w, "taal", label: "search.language", page.languages)
        w.raw("  </details>\n")
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
        // with nothing found the empty box says it all; naming a word would blame the wrong thing
        if page.total > 0 && (!page.unmatchedWords.isEmpty || page.rankedByWords) { words(&w) }
        if page.total == 0 {
            w.raw("  <div class=\"empty\">\n    <p>"); w.text(t("search.none")); w.raw("</p>\n")
            if let suggestion = page.suggestion { suggest(&w, suggestion) }
            w.raw("    <ul><li>"); w.text(t("search.none.tip1")); w.raw("</li><li>"); w.text(t("search.none.tip2"))
            w.raw("</li></ul>\n  </div>\n")
        }
        for item in page.results { result(&w, item) }
        if page.totalPages > 1 { pager(&w) }
    }

    /// Which words found nothing, and that the rest is ranked by how many words match (issue 15).
    private func words(_ w: inout HTMLWriter) {
        w.raw("  <div class=\"search-words\">\n")
        if !page.unmatchedWords.isEmpty {
            w.raw("    <p class=\"unmatched\">"); w.text(t("search.unmatched"))
            for (i, word) in page.unmatchedWords.enumerated() {
                w.raw(i == 0 ? " <strong>" : ", <strong>"); w.text(word); w.raw("</strong>")
            }
            w.raw(". "); w.text(t("search.unmatched.hint"))
            w.raw("</p>\n")
        }
        if page.rankedByWords { w.raw("    <p class=\"hint\">"); w.text(t("search.ranked")); w.raw("</p>\n") }
        w.raw("  </div>\n")
    }

    /// Nothing found: the themes the words stand for, and their zorgpaden where the search looked.
    private func suggest(_ w: inout HTMLWriter, _ suggestion: SearchSuggestion) {
        guard !suggestion.themes.isEmpty || !suggestion.pathways.isEmpty else { return }
        w.raw("    <div class=\"suggestion\">\n      <h3>"); w.text(t("search.suggest.heading")); w.raw("</h3>\n      <ul>\n")
        for theme in suggestion.themes {
            w.raw("        <li><a href=\""); w.text(theme.link); w.raw("\">"); w.text(t("search.suggest.services")); w.raw(" ")
            w.text(theme.label); w.raw("</a></li>\n")
        }
        for pathway in suggestion.pathways {
            w.raw("        <li><a href=\""); w.text(pathway.link); w.raw("\">")
            // "Zorgpad: Zorgpad geldzorgen" would say it twice
            if !pathway.title.lowercased().hasPrefix(t("search.suggest.pathway").lowercased()) {
                w.text(t("search.suggest.pathway")); w.raw(": ")
            }
            w.text(pathway.title); w.raw("</a></li>\n")
        }
        w.raw("      </ul>\n    </div>\n")
    }

    private func result(_ w: inout HTMLWriter, _ item: SearchResultItem) {
        let head = item.fragment.head
        if let suffix = page.resultLinkSuffix {
            let at = head.utf8.index(head.utf8.startIndex, offsetBy: item.fragment.linkEnd)
            w.raw(head[..<at]); w.text(suffix); w.raw(head[at...])
        } else {
            w.raw(head)
        }
        if let locality = item.locality { w.raw(" · <span class=\"locality\">"); w.text(locality); w.raw("</span>") }
        if let route = item.route { w.raw(route) }
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
