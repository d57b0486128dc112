import Fluent
import Testing
import Vapor
import VaporTesting
@testable import KansrijkApp

/// Every route of the coalition workspace, with every kind of visitor. Each visitor gets a fresh
/// app, so the posts that succeed (deleting a stage, a goal, a story) cannot change what the
/// next visitor sees.
@Suite("Coalition workspace routes and who may use them", .serialized)
struct WorkspaceRouteAccessTests {
    enum Visitor: String, CaseIterable {
        case anonymous
        case partnerProfessional = "professional@zeist.demo"
        case otherProfessional = "professional@apeldoorn.demo"
        case coordinator = "coordinator@zeist.demo"
        case otherCoordinator = "coordinator@borsele.demo"
        case policy = "policy@zeist.demo"
        case admin = "admin@kansrijk.demo"

        var readsZeist: Bool { ![.anonymous, .otherProfessional, .otherCoordinator].contains(self) }
        var editsZeist: Bool { self == .coordinator || self == .admin }
    }

    /// `extraCare`: the register of extra care (issue 15): Zeist's coordinator, also its named
    /// decision-maker in the demo; the admin neither reads nor chooses (ADR 0029).
    enum Access { case everyone, read, edit, admin, extraCare }

    /// What a visitor gets: 303 to the log-in page (anonymous GET), 401 (anonymous POST), 403, or
    /// `allowed` when the rule lets them in.
    static func expected(_ v: Visitor, _ access: Access, method: HTTPMethod, allowed: UInt) -> UInt {
        // an anonymous post has no session token: refused before its body is read (issue #13)
        if v == .anonymous { return method == .GET ? 303 : 403 }
        switch access {
        case .everyone: return allowed
        case .read: return v.readsZeist ? allowed : 403
        case .edit: return v.editsZeist ? allowed : 403
        case .admin: return v == .admin ? allowed : 403
        case .extraCare: return v == .coordinator ? allowed : 403
        }
    }

    static let z = Zeist.base
    static let gets: [(String, Access)] = [
        ("/coalities", .everyone),
        ("/coalities/nieuw", .admin),
        (z, .read),
        ("\(z)/bewerken", .edit),
        ("\(z)/fasen", .read),
        ("\(z)/extra-zorg", .extraCare),
        ("\(z)/ouders-aanspreken", .read),
        ("\(z)/partners", .read),
        ("\(z)/partners/nieuw", .edit),
        ("\(z)/partners/\(Zeist.partner)/bewerken", .edit),
        ("\(z)/ambities", .read),
        ("\(z)/ambities/nieuw", .edit),
        ("\(z)/ambities/\(Zeist.ambition)", .read),
        ("\(z)/ambities/\(Zeist.ambition)/bewerken", .edit),
        ("\(z)/activiteiten/\(Zeist.activity)/bewerken", .edit),
        ("\(z)/overleggen", .read),
        ("\(z)/overleggen/nieuw", .edit),
        ("\(z)/overleggen/\(Zeist.nextCore)", .read),
        ("\(z)/overleggen/\(Zeist.nextCore)/bewerken", .edit),
        ("\(z)/agenda.ics", .read),
        ("\(z)/afspraken", .read),
        ("\(z)/afspraken/nieuw", .edit),
        ("\(z)/afspraken/\(Zeist.agreement)", .read),
        ("\(z)/afspraken/\(Zeist.agreement)/bewerken", .edit),
        ("\(z)/afspraken/\(Zeist.agreement)/document", .read),
        ("\(z)/verhalen", .read),
        ("\(z)/verhalen/nieuw", .edit),
        ("\(z)/verhalen/\(Zeist.story)/bewerken", .edit),
        ("\(z)/leden", .read),
        ("\(z)/sociale-kaart", .edit),
        ("\(z)/sociale-kaart/sjabloon.xlsx", .edit),
        ("\(z)/sociale-kaart/sjabloon.csv", .edit),
    ]

    /// GETs whose allowed answer is not the page itself: the column step without an upload sends
    /// the coordinator back to the upload form (issue 16).
    static let otherGets: [(String, Access, UInt)] = [
        ("\(z)/sociale-kaart/kolommen", .edit, 303),
    ]

    /// Posts with an empty form: editors get the form back with messages (422) or, for the
    /// actions at the end, the redirect after deleting (303).
    static let posts: [(String, Access, UInt)] = [
        ("/coalities/nieuw", .admin, 422),
        ("\(z)/bewerken", .edit, 422),
        ("\(z)/fasen", .edit, 422),
        ("\(z)/extra-zorg/beslissers", .extraCare, 422),
        ("\(z)/ouders-aanspreken", .edit, 422),
        ("\(z)/partners/nieuw", .edit, 422),
        ("\(z)/partners/\(Zeist.partner)/bewerken", .edit, 422),
        ("\(z)/ambities/nieuw", .edit, 422),
        ("\(z)/ambities/\(Zeist.ambition)/bewerken", .edit, 422),
        ("\(z)/ambities/\(Zeist.ambition)/doelen", .edit, 422),
        ("\(z)/ambities/\(Zeist.ambition)/activiteiten", .edit, 422),
        ("\(z)/activiteiten/\(Zeist.activity)/bewerken", .edit, 422),
        ("\(z)/overleggen/nieuw", .edit, 422),
        ("\(z)/overleggen/\(Zeist.nextCore)/bewerken", .edit, 422),
        ("\(z)/overleggen/\(Zeist.nextCore)/actiepunten", .edit, 422),
        ("\(z)/overleggen/\(Zeist.nextCore)/actiepunten/\(Zeist.openPoint)/afgerond", .edit, 422),
        ("\(z)/afspraken/nieuw", .edit, 422),
        ("\(z)/afspraken/\(Zeist.agreement)/bewerken", .edit, 422),
        ("\(z)/verhalen/nieuw", .edit, 422),
        ("\(z)/verhalen/\(Zeist.story)/bewerken", .edit, 422),
        ("\(z)/leden", .edit, 422),
        ("\(z)/fasen/\(Zeist.stage)/verwijderen", .edit, 200),  // the confirmation page (issue 15)
        ("\(z)/ambities/\(Zeist.ambition)/doelen/\(Zeist.goal)/verwijderen", .edit, 200),  // the confirmation page (issue 15)
        ("\(z)/verhalen/\(Zeist.story)/verwijderen", .edit, 200),  // the confirmation page (issue 15)
        ("\(z)/leden/\(Zeist.policyMembership)/verwijderen", .edit, 200),  // the confirmation page (issue 15)
        ("\(z)/sociale-kaart", .edit, 422),  // no file chosen (issue 16)
        ("\(z)/sociale-kaart/kolommen", .edit, 303),  // no upload in this session: back to the upload form
        ("\(z)/sociale-kaart/importeren", .edit, 303),
    ]

    @Test("each GET and POST route answers each visitor as the access rules say", arguments: Visitor.allCases)
    func routes(visitor: Visitor) async throws {
        try await withApp { app in
            var browser: Browser
            if visitor == .anonymous {
                browser = Browser(app)
                try await browser.refreshToken(path: "/inloggen")
            } else {
                browser = try await Browser.signedIn(app, as: visitor.rawValue)
            }
            for (path, access) in Self.gets {
                let res = try await browser.get(path)
                let expected = Self.expected(visitor, access, method: .GET, allowed: 200)
                #expect(res.status.code == expected, "\(visitor) GET \(path): \(res.status.code), expected \(expected)")
                if expected == 303 { #expect(res.headers.first(name: .location)?.hasPrefix("/inloggen?terug=") == true) }
                if expected == 403 { #expect(!res.body.string.contains("Sanne Voorbeeld"), "\(path) leaks nothing") }
            }
            for (path, access, allowed) in Self.otherGets {
                let res = try await browser.get(path)
                let expected = Self.expected(visitor, access, method: .GET, allowed: allowed)
                #expect(res.status.code == expected, "\(visitor) GET \(path): \(res.status.code), expected \(expected)")
            }
            for (path, access, allowed) in Self.posts {
                let res = try await browser.post(path, form: [:])
                let expected = Self.expected(visitor, access, method: .POST, allowed: allowed)
                #expect(res.status.code == expected, "\(visitor) POST \(path): \(res.status.code), expected \(expected)")
            }
        }
    }

    @Test("the tables above hold every route under /coalities, so none escapes the access test")
    func everyRouteIsListed() async throws {
        try await withApp { app in
            // route parameters and the ids in the tables both become ":x"
            func shape(_ components: [String]) -> String {
                components.map { c in
                    c.hasPrefix(":") || c == "zeist" || UUID(uuidString: c) != nil ? ":x" : c
                }.joined(separator: "/")
            }
            let registered = Set(app.routes.all.filter { $0.path.first?.description == "coalities" }
                .map { "\($0.method.rawValue) " + shape($0.path.map(\.description)) })
            let tested = Set(Self.gets.map { "GET " + shape($0.0.split(separator: "/").map(String.init)) }
                + Self.otherGets.map { "GET " + shape($0.0.split(separator: "/").map(String.init)) }
                + Self.posts.map { "POST " + shape($0.0.split(separator: "/").map(String.init)) })
            #expect(registered.count == 61)
            #expect(registered == tested, "untested: \(registered.subtracting(tested)), unknown: \(tested.subtracting(registered))")
        }
    }

    @Test("the list shows only the coalitions a visitor may read")
    func list() async throws {
        try await withApp { app in
            var partner = try await Browser.signedIn(app, as: Visitor.partnerProfessional.rawValue)
            let mine = try await partner.get("/coalities").body.string
            #expect(mine.contains("Kansrijke Start Zeist") && !mine.contains("Kansrijke Start Borsele"))
            var other = try await Browser.signedIn(app, as: Visitor.otherCoordinator.rawValue)
            let theirs = try await other.get("/coalities").body.string
            #expect(theirs.contains("Kansrijke Start Borsele") && !theirs.contains("Kansrijke Start Zeist"))
            var admin = try await Browser.signedIn(app, as: Visitor.admin.rawValue)
            let all = try await admin.get("/coalities").body.string
            #expect(all.contains("Kansrijke Start Zeist") && all.contains("Kansrijke Start Borsele") && all.contains("Kansrijke Start Apeldoorn"))
        }
    }

    @Test("unknown coalitions, ids of another coalition and malformed ids give 404")
    func notFound() async throws {
        try await withApp { app in
            var admin = try await Browser.signedIn(app, as: Visitor.admin.rawValue)
            let borseleAmbition = DemoCoalitions.ambitionID("borsele", 1).uuidString.lowercased()
            for path in ["/coalities/bestaat-niet", "/coalities/bestaat-niet/partners", "\(Zeist.base)/ambities/\(borseleAmbition)",
                         "\(Zeist.base)/ambities/geen-id", "\(Zeist.base)/overleggen/\(UUID())", "\(Zeist.base)/afspraken/\(UUID())/document"] {
                let res = try await admin.get(path)
                #expect(res.status == .notFound, "GET \(path): \(res.status)")
            }
        }
    }

    @Test("every workspace form post needs the session's CSRF token")
    func csrf() async throws {
        try await withApp { app in
            var browser = try await Browser.signedIn(app, as: Visitor.coordinator.rawValue)
            for (path, _, _) in Self.posts {
                let res = try await browser.post(path, form: ["title": "x"], withToken: false)
                #expect(res.status == .forbidden, "POST \(path) without token: \(res.status)")
            }
            #expect(try await StageMilestone.find(DemoCoalitions.stageID("zeist", .monitoring), on: app.db) != nil)
        }
    }
}
