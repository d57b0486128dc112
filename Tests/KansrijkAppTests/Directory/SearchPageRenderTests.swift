import Foundation
import Testing
import Vapor
import VaporTesting
@testable import KansrijkApp

/// The search page's Swift renderer (`SearchPageHTML`) and its layout cache (`SearchPageLayout`).
@Suite("Search page rendering")
struct SearchPageRenderTests {
    static func summary(name: String = "Schuldhulp", locality: String? = "In Zeist", capacityWarning: Bool = false,
                        statusNote: String? = nil) -> ServiceSummaryView {
        var record = SearchTests.record(name, description: "Hulp bij <geld> & \"schulden\"", phases: ["0-1"])
        record.id = UUID(uuidString: "0F0F0F0F-0000-4000-8000-000000000001")!
        var view = ServiceSummaryView(record, locality: nil, municipalityName: nil, english: false)
        view.locality = locality
        view.themes = ["Financiën"]
        view.capacityWarning = capacityWarning
        view.statusNote = statusNote
        return view
    }

    static func page(results: [ServiceSummaryView] = [summary()], total: Int = 1, errors: [String] = [],
                     pageNumber: Int = 1, totalPages: Int = 1, previousURL: String? = nil, nextURL: String? = nil) -> SearchPage {
        SearchPage(
            q: "schuld \"hulp\"", municipalityOptions: "<option value=\"GM0355\" selected>Zeist</option>",
            phases: SelectOption.terms(.fase, selected: "0-1", english: false), themes: [], groups: [], languages: [],
            errors: errors, searched: true, total: total, results: results.map { SearchResultItem($0, language: .nl) }, pageNumber: pageNumber, totalPages: totalPages,
            previousURL: previousURL, nextURL: nextURL, municipalityName: "Zeist")
    }

    @Test("a result is the same article as before, with every text escaped")
    func resultMarkup() {
        let html = SearchPageHTML(page: Self.page(results: [Self.summary(name: "Tom & Jerry <b>")]), language: .nl).render()
        #expect(html.contains("""
              <article class="result">
                <h2 lang="nl"><a href="/aanbod/0f0f0f0f-0000-4000-8000-000000000001">Tom &amp; Jerry &lt;b&gt;</a></h2>
                <p class="org">Org · <span class="locality">In Zeist</span></p>
                <p lang="nl">Hulp bij &lt;geld&gt; &amp; &quot;schulden&quot;</p>
                <ul class="tags" aria-label="Fasen">
                  <li class="tag tag-phase">Na de geboorte: 0 tot 1 jaar</li>
                  <li class="tag">Financiën</li>
                </ul>
                <p class="meta"><span class="capacity-ok">Plek beschikbaar</span> · Ouders melden zich zelf aan</p>
              </article>
            """), "\(html)")
    }

    @Test("the form keeps what was asked: text escaped, chosen filters selected")
    func formKeepsTheQuery() {
        let html = SearchPageHTML(page: Self.page(), language: .nl).render()
        #expect(html.contains(#"<input id="q" name="q" type="search" value="schuld &quot;hulp&quot;""#))
        #expect(html.contains(#"<option value="GM0355" selected>Zeist</option>"#))
        #expect(html.contains(#"<option value="0-1" selected>Na de geboorte: 0 tot 1 jaar</option>"#))
        #expect(html.contains(#"<option value="1-2">Na de geboorte: 1 tot 2 jaar</option>"#))
        #expect(html.contains(#"<h2 id="results-h" class="results-count" aria-live="polite">1 "#
            + Strings.text("search.found.one", .nl) + " · " + Strings.text("search.localfirst", .nl) + " Zeist</h2>"))
    }

    @Test("errors replace the results; no results explain what to try; pages link both ways")
    func errorsEmptyAndPager() {
        let failed = SearchPageHTML(page: Self.page(errors: ["Kies een <gemeente>"]), language: .nl).render()
        #expect(failed.contains(#"<div class="error-summary" role="alert">"#))
        #expect(failed.contains("<li>Kies een &lt;gemeente&gt;</li>"))
        #expect(!failed.contains("article"))

        let empty = SearchPageHTML(page: Self.page(results: [], total: 0), language: .en).render()
        #expect(empty.contains("<p>" + Strings.text("search.none", .en) + "</p>"))
        #expect(empty.contains("<h1>Who can help?</h1>"))

        let paged = SearchPageHTML(page: Self.page(total: 45, pageNumber: 2, totalPages: 3,
                                                   previousURL: "/aanbod?q=a&pagina=1", nextURL: "/aanbod?q=a&pagina=3"),
                                   language: .nl).render()
        #expect(paged.contains(#"<a href="/aanbod?q=a&amp;pagina=1" rel="prev">"#))
        #expect(paged.contains(#"<a href="/aanbod?q=a&amp;pagina=3" rel="next">"#))
        #expect(paged.contains("<span>" + Strings.text("search.page", .nl) + " 2 " + Strings.text("search.of", .nl) + " 3</span>"))
    }

    @Test("a waiting list warns; a service that is not active says so")
    func capacityAndStatus() {
        let html = SearchPageHTML(page: Self.page(results: [Self.summary(capacityWarning: true, statusNote: "Gestopt")]), language: .nl).render()
        #expect(html.contains(#"<span class="capacity-warn">"#))
        #expect(html.contains(" · <strong>Gestopt</strong></p>"))
    }

    @Test("the layout is cut at its markers wherever they are")
    func cutAtMarkers() {
        #expect(SearchPageLayout.cut("<title>\u{1}T</title><a href=\"\u{1}U\">\u{1}C</a>\u{1}T") == [
            .markup("<title>"), .title, .markup("</title><a href=\""), .otherLangURL, .markup("\">"), .content, .markup("</a>"), .title,
        ])
        #expect(SearchPageLayout.cut("plain") == [.markup("plain")])
    }

    @Test("the cached layout gives the same page as Leaf, in Dutch and in English")
    func cachedLayoutMatchesLeaf() async throws {
        try await withApp(demo: false) { app in
            let layout = SearchPageLayout()
            for url in ["/aanbod?q=schuld&gemeente=GM0355", "/aanbod?q=%22a%22%20%26%20b&lang=en"] {
                for _ in 0..<2 {  // the first request fills the cache, the second reads it
                    let req = Request(application: app, method: .GET, url: URI(string: url), on: app.eventLoopGroup.any())
                    let page = try await LanguageMiddleware().respond(to: req, chainingTo: Compare(layout: layout)).get()
                    #expect(page.status == .ok)
                }
            }
        }
    }

    /// Renders the page both ways inside the language middleware and compares them.
    struct Compare: AsyncResponder {
        let layout: SearchPageLayout

        func respond(to req: Request) async throws -> Response {
            let content = "<p>Inhoud &amp; meer</p>"
            let cached = try await layout.response(req, title: req.t("search.title"), content: content, status: .ok).get()
            let leaf = try await SearchPageLayout.leaf(req, meta: try await req.pageMeta(title: req.t("search.title")), content: content)
            let cachedHTML = cached.body.string ?? ""
            #expect(cachedHTML == String(buffer: leaf.data))
            #expect(cachedHTML.contains("<html lang=\"\(req.language.rawValue)\">"))
            #expect(cached.headers.contentType == .html)
            return cached
        }
    }
}
