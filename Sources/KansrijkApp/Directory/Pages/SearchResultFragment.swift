/// One result article of the search page as ready HTML, without its locality line: that depends
/// on the municipality searched for and goes between `head` and `tail`; nor the search it was
/// found by, which the page writes into the link at `linkEnd` (`?terug=...`, issue 15). Rendered
/// once per directory snapshot and language (`SearchResultFragmentCache`); building the view and
/// writing the article was about a quarter of a search page's CPU time.
struct SearchResultFragment: Sendable {
    let head: String
    let tail: String
    /// UTF-8 offset in `head` just after the service's path in the link.
    let linkEnd: Int

    init(_ r: ServiceSummaryView, language: UILanguage) {
        var head = HTMLWriter(capacity: 256)
        head.raw("  <article class=\"result\">\n    <h2 lang=\"nl\"><a href=\"/aanbod/"); head.text(r.id)
        self.linkEnd = head.buffer.readableBytes
        head.raw("\">"); head.text(r.name)
        head.raw("</a></h2>\n    <p class=\"org\">"); head.text(r.organisation)
        self.head = head.html
        var w = HTMLWriter(capacity: 1024)
        w.raw("</p>\n    <p lang=\"nl\">"); w.text(r.summary)
        w.raw("</p>\n    <ul class=\"tags\" aria-label=\""); w.text(Strings.text("service.phases", language)); w.raw("\">\n      ")
        for p in r.phases { w.raw("<li class=\"tag tag-phase\">"); w.text(p); w.raw("</li>") }
        w.raw("\n      ")
        for theme in r.themes { w.raw("<li class=\"tag\">"); w.text(theme); w.raw("</li>") }
        w.raw("\n    </ul>\n    <p class=\"meta\"><span class=\""); w.raw(r.capacityWarning ? "capacity-warn" : r.capacityLimited ? "capacity-limited" : "capacity-ok")
        w.raw("\">"); w.text(r.capacity); w.raw("</span> · "); w.text(r.access)
        if let note = r.statusNote { w.raw(" · <strong>"); w.text(note); w.raw("</strong>") }
        w.raw("</p>\n  </article>\n")
        self.tail = w.html
    }
}

/// A result on the page: its article and, when a municipality was searched for, where it helps.
struct SearchResultItem: Sendable {
    var fragment: SearchResultFragment
    var locality: String?
    /// Ready HTML of how the service receives referrals (`ReceivingBadges`), kept out of the cached article.
    var route: String? = nil

    init(fragment: SearchResultFragment, locality: String?, route: String? = nil) {
        self.fragment = fragment
        self.locality = locality
        self.route = route
    }

    /// A view rendered on the spot, its own locality included.
    init(_ view: ServiceSummaryView, language: UILanguage) {
        self.init(fragment: SearchResultFragment(view, language: language), locality: view.locality)
    }
}
