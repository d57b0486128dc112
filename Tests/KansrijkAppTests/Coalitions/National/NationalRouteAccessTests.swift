import Fluent
import Testing
import Vapor
import VaporTesting
@testable import KansrijkApp

/// Every route of the national overview and the library, with every kind of visitor.
@Suite("National overview routes and who may use them", .serialized)
struct NationalRouteAccessTests {
    enum Visitor: String, CaseIterable {
        case anonymous
        case professional = "professional@zeist.demo"
        case coordinator = "coordinator@zeist.demo"
        case otherCoordinator = "coordinator@borsele.demo"
        case policy = "policy@zeist.demo"
        case admin = "admin@kansrijk.demo"
    }

    static let readers: [Visitor: UInt] = [:]
    static let onlyAdmin: [Visitor: UInt] = [.anonymous: 303, .professional: 403, .coordinator: 403, .otherCoordinator: 403, .policy: 403]

    /// GET routes and the status each visitor gets (200 unless listed; 303 = sent to log in).
    static let table: [(path: String, expect: [Visitor: UInt])] = [
        ("/landelijk", readers),
        ("/landelijk?q=ze&tranche=deelnemend&provincie=PV26&ggd=GG2514&plan=ja&prenataal=ja&nnz=ja&sorteer=inwoners&richting=af", readers),
        ("/landelijk/gemeenten.csv", readers),
        ("/landelijk/gemeenten.csv?tranche=3", readers),
        ("/landelijk/cijfers", readers),
        ("/landelijk/financiering", readers),
        ("/landelijk/gemeenten/GM0355", readers),
        ("/landelijk/gemeenten/GM0355/bewerken", [.anonymous: 303, .professional: 403, .otherCoordinator: 403, .policy: 403]),
        ("/landelijk/gemeenten/GM0654/bewerken", [.anonymous: 303, .professional: 403, .coordinator: 403, .policy: 403]),
        ("/landelijk/gemeenten/GM0014/bewerken", onlyAdmin),
        ("/landelijk/importeren", onlyAdmin),
        ("/praktijkvoorbeelden", readers),
        ("/praktijkvoorbeelden?q=klantroute&thema=financien&fase=0-1&interventie=mdo&gemeente=GM0654", readers),
        ("/praktijkvoorbeelden/borsele-samen-iets-concreets", readers),
    ]

    static func browser(_ app: Application, _ visitor: Visitor) async throws -> Browser {
        if visitor == .anonymous {
            var b = Browser(app)
            try await b.refreshToken(path: "/inloggen")  // a session and a token, so the access rule itself answers
            return b
        }
        return try await Browser.signedIn(app, as: visitor.rawValue)
    }

    @Test("each GET route answers each visitor as the access rules say")
    func getRoutes() async throws {
        try await withApp { app in
            for visitor in Visitor.allCases {
                var browser = try await Self.browser(app, visitor)
                for row in Self.table {
                    let res = try await browser.get(row.path)
                    let expected = row.expect[visitor] ?? 200
                    #expect(res.status.code == expected, "\(visitor) GET \(row.path): \(res.status.code), expected \(expected)")
                    if expected == 303 { #expect(res.headers.first(name: .location)?.hasPrefix("/inloggen?terug=") == true) }
                }
            }
        }
    }

    @Test("each POST route answers each visitor as the access rules say")
    func postRoutes() async throws {
        try await withApp { app in
            let denied: [Visitor: UInt] = [.anonymous: 403, .professional: 403, .policy: 403]
            let posts: [(path: String, form: [String: String], expect: [Visitor: UInt])] = [
                ("/landelijk/gemeenten/GM0355/bewerken", ["gezamenlijk_plan": "ja"], denied.merging([.coordinator: 303, .otherCoordinator: 403, .admin: 422]) { a, _ in a }),
                ("/landelijk/gemeenten/GM0654/bewerken", ["nnz": "ja"], denied.merging([.coordinator: 403, .otherCoordinator: 303, .admin: 422]) { a, _ in a }),
            ]
            for visitor in Visitor.allCases {
                let browser = try await Self.browser(app, visitor)
                var b = browser
                for p in posts {
                    let res = try await b.post(p.path, form: p.form)
                    #expect(res.status.code == p.expect[visitor], "\(visitor) POST \(p.path): \(res.status.code)")
                }
                let upload = try await browser.postMultipart("/landelijk/importeren", fields: [:], file: ("bestand", "deelname.csv", NationalFixtures.good))
                let expected: UInt = [.admin: 303][visitor] ?? 403
                #expect(upload.status.code == expected, "\(visitor) POST /landelijk/importeren: \(upload.status.code)")
            }
        }
    }

    @Test("posts need the session's CSRF token; unknown municipalities and examples are a Dutch 404")
    func csrfAndNotFound() async throws {
        try await withApp { app in
            var admin = try await Browser.signedIn(app, as: Visitor.admin.rawValue)
            let missing = try await admin.post("/landelijk/gemeenten/GM0355/bewerken", form: ["nnz": "ja"], withToken: false)
            #expect(missing.status == .forbidden)
            var tokenless = admin
            tokenless.csrf = nil
            let upload = try await tokenless.postMultipart("/landelijk/importeren", fields: [:], file: ("bestand", "x.csv", NationalFixtures.good))
            #expect(upload.status == .forbidden)
            for path in ["/landelijk/gemeenten/GM9999", "/landelijk/gemeenten/GM9999/bewerken", "/praktijkvoorbeelden/bestaat-niet"] {
                let res = try await admin.get(path)
                #expect(res.status == .notFound, "GET \(path): \(res.status)")
                #expect(res.body.string.contains("Pagina niet gevonden"))
            }
            let bad = try await admin.get("/landelijk?tranche=9&plan=misschien")
            #expect(bad.status == .badRequest)
            #expect(bad.body.string.contains("Deze tranche bestaat niet"))
            let badCSV = try await admin.get("/landelijk/gemeenten.csv?provincie=PV99")
            #expect(badCSV.status == .badRequest)
            let badLibrary = try await admin.get("/praktijkvoorbeelden?interventie=toveren")
            #expect(badLibrary.status == .badRequest)
            #expect(badLibrary.body.string.contains("Deze interventie kennen we niet"))
        }
    }
}
