import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import KansrijkApp

/// Everyday phrases on the demo directory, and the page around them (issue 15): ranked results,
/// the word nothing matched, the theme and its zorgpad when nothing is found, the user's own
/// municipality, and the way back from a service to the search.
@Suite("Search on the demo directory", .serialized)
struct SearchDemoTests {
    static func themes(_ hit: DirectoryHit) -> Set<String> { Set(hit.service.terms(.thema).map(\.code)) }

    @Test("everyday phrases of several words, synonyms and typos rank the right services first")
    func phrases() async throws {
        try await withApp { app in
            let snapshot = app.directory.snapshot
            func search(_ text: String, _ municipality: String? = DemoCatalog.zeist) -> DirectoryResults {
                snapshot.search(DirectoryQuery(text: text, municipality: municipality))
            }
            // the issue's example: "psychische klachten" in Zeist finds the mental-health services first
            let psychisch = search("psychische klachten")
            #expect(psychisch.total >= 3)
            #expect(psychisch.hits.prefix(3).allSatisfy { Self.themes($0).contains("psychische-gezondheid") },
                    "\(psychisch.hits.prefix(3).map(\.service.name))")
            #expect(psychisch.unmatchedWords.isEmpty)
            for phrase in ["somber en angstig", "postnatale depressie", "depression", "depresie"] {
                let hits = search(phrase).hits
                #expect(hits.first.map { Self.themes($0).contains("psychische-gezondheid") } == true, "\(phrase): \(hits.map(\.service.name))")
            }
            for phrase in ["hulp bij huurachterstand", "betalingsachterstand", "geldzorgen", "debt", "schuldhulpverleninh"] {
                let names = search(phrase).hits.prefix(3).map(\.service.name)
                #expect(names.contains("Schuldhulpverlening"), "\(phrase): \(names)")
            }
            #expect(search("voedselbnak").hits.first?.service.name == "Voedselbank")
            // a word that only stands for a theme puts the services about that theme alone before a many-themed MDO
            #expect(search("debt").hits.first?.service.name == "Schuldhulpverlening")
            // one unknown word no longer empties the page, and is named
            let unknown = search("moedergroep kwispelstaart")
            #expect(unknown.hits.first?.service.name == "Moedergroep Zeist")
            #expect(unknown.unmatchedWords == ["kwispelstaart"])
        }
    }

    @Test("the page names the word nothing matched and says the results are ranked")
    func unmatchedOnThePage() async throws {
        try await withApp { app in
            var browser = Browser(app)
            let page = try await browser.get("/aanbod?q=psychische+klachten+kwispelstaart&gemeente=GM0355").body.string
            #expect(page.contains("<p class=\"unmatched\">Niet gevonden: <strong>kwispelstaart</strong>. De resultaten passen bij de andere zoekwoorden.</p>"))
            let first = try #require(page.range(of: "<article class=\"result\">"))
            #expect(!page[..<first.lowerBound].contains("Stevig Ouderschap") && page.contains("Stevig Ouderschap"))
            let english = try await browser.get("/aanbod?q=debt+kwispelstaart&gemeente=GM0355&lang=en").body.string
            #expect(english.contains("Not found: <strong>kwispelstaart</strong>"))
        }
    }

    @Test("nothing found: the theme is suggested, and for a professional its published zorgpad; a draft is not")
    func suggestion() async throws {
        try await withApp { app in
            // setup: nothing in Tigrinya about money in Zeist
            let path = "/aanbod?q=huurachterstand&gemeente=GM0355&taal=ti"
            var anonymous = Browser(app)
            let open = try await anonymous.get(path).body.string
            #expect(open.contains("Geen aanbod gevonden."))
            #expect(open.contains("<a href=\"/aanbod?thema=financien&amp;gemeente=GM0355\">Al het aanbod voor Financiën en schulden in Zeist</a>"))
            #expect(!open.contains("/zorgpaden/"), "pathways are for signed-in professionals")
            #expect(!open.contains("thema=wonen"), "no link to a theme without services here")
            var professional = try await Browser.signedIn(app, as: "professional@zeist.demo")
            let money = try #require(try await Pathway.query(on: app.db).filter(\.$title == "Zorgpad geldzorgen en schulden").first())
            let signedIn = try await professional.get(path).body.string
            #expect(signedIn.contains("<a href=\"/zorgpaden/\(money.id!.uuidString.lowercased())\">Zorgpad geldzorgen en schulden</a>"))
            // act: the pathway goes back to draft
            money.isPublished = false
            try await money.save(on: app.db)
            // check
            let draft = try await professional.get(path).body.string
            #expect(!draft.contains("/zorgpaden/"))
            #expect(draft.contains("Al het aanbod voor Financiën en schulden in Zeist"))
            // Borsele's own pathway for a word meaning mental health, nothing found in 1-2 years
            let borsele = try await professional.get("/aanbod?q=somber&gemeente=GM0654&fase=1-2").body.string
            #expect(borsele.contains("Route psychische hulp Borsele"))
            #expect(!borsele.contains("Zorgpad psychische klachten rond de zwangerschap"), "Zeist's pathway is not Borsele's")
        }
    }

    @Test("a signed-in search starts in the organisation's municipality, unless another or none is chosen")
    func ownMunicipality() async throws {
        try await withApp { app in
            var professional = try await Browser.signedIn(app, as: "professional@zeist.demo")
            let own = try await professional.get("/aanbod?q=moedergroep").body.string
            #expect(own.contains("<option value=\"GM0355\" selected>"))
            #expect(own.contains("eerst in Zeist"))
            #expect(own.contains("Dit is de gemeente van uw organisatie."))
            let everywhere = try await professional.get("/aanbod?q=moedergroep&gemeente=").body.string
            #expect(!everywhere.contains(" selected>Zeist"))
            #expect(!everywhere.contains("eerst in"))
            let other = try await professional.get("/aanbod?q=moedergroep&gemeente=GM0654").body.string
            #expect(other.contains("eerst in Borsele"))
            var apeldoorn = try await Browser.signedIn(app, as: "professional@apeldoorn.demo")
            #expect(try await apeldoorn.get("/aanbod").body.string.contains("eerst in Apeldoorn"))
            var anonymous = Browser(app)
            let page = try await anonymous.get("/aanbod?q=moedergroep").body.string
            #expect(!page.contains("eerst in"), "an anonymous search looks everywhere, as before")
        }
    }

    @Test("a result leads to the service and its breadcrumb back to the same search; nowhere else")
    func wayBack() async throws {
        try await withApp { app in
            var browser = Browser(app)
            let page = try await browser.get("/aanbod?q=psychische+klachten&gemeente=GM0355&pagina=1").body.string
            let link = #/<h2 lang="nl"><a href="(/aanbod/[0-9a-f-]{36})\?terug=([^"]+)">/#
            let match = try #require(page.firstMatch(of: link))
            #expect(String(match.2) == "/aanbod%3Fq%3Dpsychische%2520klachten%26gemeente%3DGM0355")
            let service = try await browser.get(String(match.1) + "?terug=" + String(match.2)).body.string
            #expect(service.contains("<a href=\"/aanbod?q=psychische%20klachten&amp;gemeente=GM0355\">Wie kan helpen?</a>"))
            // the way back is the search page or nothing: other pages, other sites and header tricks fall back
            for hostile in ["//evil.example/aanbod", "https%3A%2F%2Fevil.example%2F", "/zorg/clienten", "/aanbod%0D%0ASet-Cookie:x=1",
                            "/aanbod/../beheer", "%2F%2Fevil.example"] {
                let other = try await browser.get(String(match.1) + "?terug=" + hostile).body.string
                #expect(other.contains("<a href=\"/aanbod\">Wie kan helpen?</a>"), "\(hostile)")
            }
            // the bare search page adds nothing to its links
            let all = try await browser.get("/aanbod").body.string
            #expect(all.contains("<h2 lang=\"nl\"><a href=\"/aanbod/") && !all.contains("?terug="))
        }
    }

    @Test("on a phone the filters fold behind one button, open when one is chosen")
    func filterButton() async throws {
        try await withApp { app in
            var browser = Browser(app)
            let plain = try await browser.get("/aanbod?q=schulden").body.string
            #expect(plain.contains("<details class=\"filter-more\">\n  <summary>Filters</summary>"))
            let chosen = try await browser.get("/aanbod?q=schulden&gemeente=GM0355&fase=0-1").body.string
            #expect(chosen.contains("<details class=\"filter-more\" open>\n  <summary>Filters <span class=\"filter-count\">(2 gekozen)</span></summary>"))
            // every filter is inside the one button, the search words and the button outside it
            let details = try #require(chosen.range(of: "<details class=\"filter-more\""))
            let end = try #require(chosen.range(of: "</details>", range: details.upperBound..<chosen.endIndex))
            let inside = chosen[details.lowerBound..<end.upperBound]
            for name in ["gemeente", "fase", "thema", "doelgroep", "taal"] { #expect(inside.contains("name=\"\(name)\"")) }
            #expect(!inside.contains("name=\"q\"") && !inside.contains("type=\"submit\""))
        }
    }
}
