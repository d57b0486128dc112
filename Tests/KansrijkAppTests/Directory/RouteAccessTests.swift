import Fluent
import Testing
import Vapor
import VaporTesting
@testable import KansrijkApp

/// Every page route of the directory, with every kind of visitor: what each may see.
@Suite("Page routes and who may use them", .serialized)
struct RouteAccessTests {
    static let service = DemoData.serviceID("Centering Pregnancy").uuidString.lowercased()
    static let borseleService = DemoData.serviceID("POP-poli").uuidString.lowercased()
    static let pathway = StableID.make("demo:pathway:zeist-financien").uuidString.lowercased()

    enum Visitor: String, CaseIterable {
        case anonymous
        case professional = "professional@zeist.demo"
        case coordinator = "coordinator@zeist.demo"
        case otherCoordinator = "coordinator@borsele.demo"
        case policy = "policy@zeist.demo"
        case admin = "admin@kansrijk.demo"
    }

    /// GET routes and the status each visitor gets (303 = sent to the log-in page).
    static let table: [(path: String, expect: [Visitor: UInt])] = [
        ("/", [:]),
        ("/aanbod", [:]),
        ("/aanbod?q=schuld&gemeente=GM0355&fase=0-1&thema=financien&doelgroep=alle-ouders&taal=nl", [:]),
        ("/aanbod/\(service)", [:]),
        ("/ouders", [:]),
        ("/ouders?gemeente=GM0355&situatie=zwanger&onderwerp=financien", [:]),
        ("/ouders/aanbod/\(service)", [:]),
        // signed-in users are sent on from the log-in page
        ("/inloggen", [.professional: 303, .coordinator: 303, .otherCoordinator: 303, .policy: 303, .admin: 303]),
        ("/health/ready", [:]),
        ("/aanbod/nieuw", [.anonymous: 303, .professional: 403, .policy: 403]),
        ("/aanbod/\(service)/bewerken", [.anonymous: 303, .professional: 403, .policy: 403, .otherCoordinator: 403]),
        ("/aanbod/\(borseleService)/bewerken", [.anonymous: 303, .professional: 403, .policy: 403, .coordinator: 403]),
        ("/zorgpaden", [.anonymous: 303]),
        ("/zorgpaden/\(pathway)", [.anonymous: 303]),
        ("/zorgpaden/\(pathway)/afdrukken", [.anonymous: 303]),
        ("/zorgpaden/nieuw", [.anonymous: 303, .professional: 403, .policy: 403]),
        ("/zorgpaden/\(pathway)/bewerken", [.anonymous: 303, .professional: 403, .policy: 403, .otherCoordinator: 403]),
        ("/dekking?coalitie=zeist", [.anonymous: 303]),
        ("/dekking?gemeente=GM0654", [.anonymous: 303]),
    ]

    @Test("each GET route answers each visitor as the access rules say")
    func getRoutes() async throws {
        try await withApp { app in
            for visitor in Visitor.allCases {
                var browser = visitor == .anonymous ? Browser(app) : try await Browser.signedIn(app, as: visitor.rawValue)
                for row in Self.table {
                    let res = try await browser.get(row.path)
                    let expected = row.expect[visitor] ?? 200
                    #expect(res.status.code == expected, "\(visitor) GET \(row.path): \(res.status.code), expected \(expected)")
                    if expected == 303 && visitor == .anonymous { #expect(res.headers.first(name: .location)?.hasPrefix("/inloggen?terug=") == true) }
                }
            }
        }
    }

    @Test("unknown and malformed ids give the Dutch 404 page; bad filters a 400 with the reason")
    func badInput() async throws {
        try await withApp { app in
            var browser = try await Browser.signedIn(app, as: Visitor.admin.rawValue)
            for path in ["/aanbod/\(UUID())", "/aanbod/niet-een-id", "/zorgpaden/\(UUID())", "/zorgpaden/xyz/afdrukken",
                         "/aanbod/\(UUID())/bewerken", "/ouders/aanbod/\(UUID())", "/dekking?coalitie=bestaat-niet", "/bestaat/niet"] {
                let res = try await browser.get(path)
                #expect(res.status == .notFound, "GET \(path): \(res.status)")
                #expect(res.body.string.contains("Pagina niet gevonden"), "GET \(path) shows the Dutch 404 page")
            }
            let bad = try await browser.get("/aanbod?gemeente=GM9999&fase=geen&pagina=-1")
            #expect(bad.status == .badRequest)
            #expect(bad.body.string.contains("Deze gemeente kennen we niet"))
            #expect(bad.body.string.contains("Deze fase bestaat niet"))
            var anonymousParent = Browser(app)
            let parents = try await anonymousParent.get("/ouders?gemeente=GM9999")
            #expect(parents.status == .badRequest)
        }
    }

    @Test("every form post needs the session's CSRF token")
    func csrf() async throws {
        try await withApp { app in
            var browser = try await Browser.signedIn(app, as: Visitor.coordinator.rawValue)
            let posts = ["/uitloggen", "/aanbod/nieuw", "/aanbod/\(Self.service)/bewerken", "/zorgpaden/nieuw",
                         "/zorgpaden/\(Self.pathway)/bewerken", "/zorgpaden/\(Self.pathway)/stappen"]
            for path in posts {
                let missing = try await browser.post(path, form: ["title": "x"], withToken: false)
                #expect(missing.status == .forbidden, "POST \(path) without token: \(missing.status)")
                let wrong = try await browser.post(path, form: ["title": "x", "csrf": "vervalst"], withToken: false)
                #expect(wrong.status == .forbidden, "POST \(path) with a wrong token: \(wrong.status)")
            }
            // anonymous log-in without a token is refused too
            var anonymous = Browser(app)
            let login = try await anonymous.post("/inloggen", form: ["email": "admin@kansrijk.demo", "password": testPassword], withToken: false)
            #expect(login.status == .forbidden)
            // the signed-in session still works: the failed posts changed nothing
            let r1 = try await browser.get("/zorgpaden")

            #expect(r1.status == .ok)
        }
    }
}
