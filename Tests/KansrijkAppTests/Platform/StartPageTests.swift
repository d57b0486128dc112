import Fluent
import Testing
import Vapor
import VaporTesting
@testable import KansrijkApp

/// Every role its own start and a menu of only what it may open (issue 15).
@Suite("Start pages and menus per role", .serialized)
struct StartPageTests {
    /// The header menu's links of a rendered page (the wide list; the phone's copy is the same).
    static func menuLinks(_ html: String) -> [String] {
        guard let start = html.range(of: "<ul class=\"wrap menu-wide\">"),
              let end = html.range(of: "</ul>", range: start.upperBound..<html.endIndex) else { return [] }
        return html[start.upperBound..<end.lowerBound].components(separatedBy: "href=\"").dropFirst()
            .compactMap { $0.split(separator: "\"").first.map(String.init) }
    }

    @Test("each role lands on its own start page at / with its own sections",
          arguments: [
              ("professional@zeist.demo", "professional", ["/zorg/verwijzingen?lijst=inkomend", "Nieuw voor u", "name=\"gemeente\" value=\"GM0355\""]),
              ("jgz@zeist.demo", "professional", ["/zorg/verwijzingen?lijst=uitgaand", "Zoek hulp in Zeist"]),
              ("vrijwilligers@zeist.demo", "professional", ["/zorg/vrijwilligers", "open vrijwilligersverzoeken"]),
              ("coordinator@zeist.demo", "coordinator", ["/coalities/zeist", "Gaten in het aanbod", "/dekking?coalitie=zeist", "Zorgpaden om na te kijken"]),
              ("policy@zeist.demo", "policy", ["/monitor/gemeente/GM0355", "/monitor/coalitie/zeist", "/monitor/rapportage"]),
              ("admin@kansrijk.demo", "admin", ["/beheer/mensen", "/beheer/organisaties", "/beheer/email?staat=failed"]),
          ])
    func startPerRole(_ email: String, _ role: String, _ expected: [String]) async throws {
        try await withApp { app in
            // setup
            var b = try await Browser.signedIn(app, as: email)
            // act
            let res = try await b.get("/")
            // check
            #expect(res.status == .ok)
            let html = res.body.string
            #expect(html.contains("data-start=\"\(role)\""), "\(email) lands on the \(role) start")
            for text in expected { #expect(html.contains(text), "\(email)'s start shows \(text)") }
            #expect(html.contains("<form class=\"search-hero\"") == (role == "professional"), "only a professional's start searches")
        }
    }

    @Test("the start page and the menu speak English when asked")
    func english() async throws {
        try await withApp { app in
            var b = try await Browser.signedIn(app, as: "professional@zeist.demo")
            let html = try await b.get("/?lang=en").body.string
            #expect(html.contains("Your worklist") && html.contains("New for you") && html.contains(">Who can help?</a>"))
            #expect(!html.contains("Uw werklijst"))
        }
    }

    @Test("a visitor who is not signed in gets the public front page")
    func anonymousFront() async throws {
        try await withApp { app in
            let res = try await app.sendRequest(.GET, "/")
            #expect(res.status == .ok)
            #expect(!res.body.string.contains("data-start="))
            #expect(Self.menuLinks(res.body.string) == ["/aanbod", "/monitor", "/landelijk", "/ouders"])
        }
    }

    @Test("the menu shows exactly the entries a role may open, in the layout",
          arguments: [
              ("professional@zeist.demo", ["/zorg", "/aanbod", "/zorgpaden", "/dekking", "/coalities", "/monitor", "/landelijk", "/ouders"]),
              ("coordinator@zeist.demo", ["/zorg", "/aanbod", "/zorgpaden", "/dekking", "/coalities", "/monitor", "/landelijk", "/ouders", "/beheer"]),
              ("policy@zeist.demo", ["/zorg", "/aanbod", "/zorgpaden", "/dekking", "/coalities", "/monitor", "/landelijk", "/ouders"]),
              ("admin@kansrijk.demo", ["/zorg", "/aanbod", "/zorgpaden", "/dekking", "/coalities", "/monitor", "/landelijk", "/ouders", "/beheer"]),
          ])
    func menuPerRole(_ email: String, _ expected: [String]) async throws {
        try await withApp { app in
            var b = try await Browser.signedIn(app, as: email)
            let html = try await b.get("/").body.string
            #expect(Self.menuLinks(html) == expected)
            // the phone's menu is the same list behind one <details> button
            #expect(html.contains("<details class=\"menu-phone wrap\">"))
            // and none of them answers 403, 404 or an error to this role
            for path in expected {
                let res = try await b.get(path)
                #expect(![403, 404].contains(res.status.code) && res.status.code < 500, "\(email) GET \(path): \(res.status.code)")
            }
        }
    }

    @Test("the menu agrees with the access matrix: an entry is shown to a role exactly when its route allows it")
    func menuMatchesAccessRules() throws {
        let visitors: [AccessMatrix.Visitor] = [.anonymous, .midwife, .coordinator, .policy, .admin]
        let rules = Dictionary(AccessMatrix.table.map { ($0.route, $0.rule) }, uniquingKeysWith: { a, _ in a })
        for entry in Menu.entries {
            let rule = try #require(rules["GET \(entry.path)"], "no access rule for the menu's \(entry.path)")
            for visitor in visitors {
                let shown = Menu.entries(for: visitor.role).contains { $0.path == entry.path }
                #expect(shown == rule.access.allows(visitor, .GET), "\(visitor) and \(entry.path)")
            }
        }
    }

    @Test("a midwife's monitor page no longer links to the import she may not open; a policy advisor's does")
    func importLinkFollowsPermission() async throws {
        try await withApp { app in
            var midwife = try await Browser.signedIn(app, as: "professional@zeist.demo")
            #expect(!(try await midwife.get("/monitor").body.string.contains("href=\"/monitor/import\"")))
            #expect(try await midwife.get("/monitor/import").status == .forbidden)
            var policy = try await Browser.signedIn(app, as: "policy@zeist.demo")
            #expect(try await policy.get("/monitor").body.string.contains("href=\"/monitor/import\""))
        }
    }
}
