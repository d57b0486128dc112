import Foundation
import Testing
import Vapor
import VaporTesting
@testable import KansrijkApp

/// The search form read from the query string, its page links, and the municipality list it shows.
@Suite("Search form")
struct SearchFormTests {
    static let snapshot = DirectorySnapshot(services: [], municipalities: [
        .init(code: "GM0355", name: "Zeist", ggdCode: "GG3214"), .init(code: "GM0344", name: "Utrecht", ggdCode: "GG3214"),
        .init(code: "GM0014", name: "Groningen", ggdCode: "GG0701"),
    ], loadedAt: Date(timeIntervalSince1970: 1))

    static func form(_ query: String, in app: Application) -> SearchForm {
        let req = Request(application: app, method: .GET, url: URI(string: "/aanbod?" + query), on: app.eventLoopGroup.any())
        return SearchForm(req: req, snapshot: snapshot)
    }

    @Test("filters are read from the query: trimmed, checked, the first of a repeated one counts")
    func readsTheQuery() async throws {
        try await withApp(demo: false) { app in
            let form = Self.form("q=+schuld%20hulp+&gemeente=GM0355&fase=0-1&fase=geen&pagina=2", in: app)
            #expect(form.q == "schuld hulp")
            #expect(form.gemeente == "GM0355")
            #expect(form.fase == "0-1")
            #expect(form.page == 2)
            #expect(form.errors.isEmpty)
        }
    }

    @Test("a malformed or unknown value is an error in Dutch, never a crash; empty values are no filter")
    func badValues() async throws {
        try await withApp(demo: false) { app in
            let form = Self.form("q=100%&gemeente=GM%zz&thema=&pagina=0&taal=%FF", in: app)
            #expect(form.q == "100%")
            #expect(form.gemeente == nil && form.thema == nil)
            #expect(form.errors == [Strings.text("search.error.municipality", .nl), Strings.text("search.error.language", .nl),
                                    Strings.text("search.error.page", .nl)])
        }
    }

    @Test("values are trimmed as Foundation trims whitespace, also when it does not need to be asked")
    func trimming() {
        for text in ["schuld", " schuld\t", "\u{00A0}schuld\u{2003}", "crèche", "é", "", " ", "a b", "\nregel\n", "x\u{3000}"] {
            #expect(SearchForm.trimmed(text) == text.trimmingCharacters(in: .whitespaces), "\(text.unicodeScalars.map(\.value))")
        }
    }

    @Test("page links are encoded as Foundation encodes them, with or without anything to encode")
    func pageLinks() {
        let plain: [(name: String, value: String)] = [("q", "schulden"), ("gemeente", "GM0355"), ("fase", "zwangerschap-t2"), ("pagina", "2")]
        let other: [(name: String, value: String)] = [("q", "schuld & \"hulp\""), ("q2", "a+b=c"), ("q3", "crèche"), ("pagina", "3")]
        for items in [plain, other] {
            var c = URLComponents()
            c.queryItems = items.map { URLQueryItem(name: $0.name, value: $0.value) }
            #expect(SearchForm.encodedQuery(items) == c.percentEncodedQuery)
        }
        #expect(SearchForm.encodedQuery(plain) == "q=schulden&gemeente=GM0355&fase=zwangerschap-t2&pagina=2")
    }

    @Test("the fixed lists' ready options are the options written on the spot, chosen one included")
    func readyOptions() {
        for english in [false, true] {
            var lists = Vocabulary.allCases.map { vocabulary in { SelectOption.terms(vocabulary, selected: $0, english: english) } }
            lists.append { SelectOption.languages(selected: $0, english: english) }
            for list in lists {
                let options = list(nil)
                #expect(!options.isEmpty && options.allSatisfy { $0.html != nil && !$0.selected })
                for chosen in options.map(\.value) {
                    let marked = list(chosen)
                    #expect(marked.filter(\.selected).map(\.value) == [chosen])
                    for o in marked { #expect(o.html.map { o.selected ? $0.selected : $0.plain } == o.rendered()) }
                }
            }
        }
        #expect(SelectOption.terms(.fase, selected: "0-1", english: false).first { $0.selected }?.html?.selected
            == #"<option value="0-1" selected>Na de geboorte: 0 tot 1 jaar</option>"#)
    }

    @Test("the chosen municipality is marked in place, as in the shared option list")
    func municipalityMarkedInPlace() {
        for selected in ["GM0355", "GM0344", "GM0014", nil] {
            var page = SearchPageRenderTests.page()
            page.municipalityOptions = Self.snapshot.municipalityOptionsHTML
            page.municipalitySelectedAt = selected.flatMap { Self.snapshot.municipalityOptionSelectAt[$0] }
            let html = SearchPageHTML(page: page, language: .nl).render()
            #expect(html.contains("</option>\n      " + SelectOption.municipalityOptionsHTML(Self.snapshot, selected: selected) + "\n    </select>"))
        }
    }
}
