import Fluent
import NIOConcurrencyHelpers
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import KansrijkApp

/// Issue 17 (ADR 0048): signed-in users get the shared rendering of a dashboard inside their own
/// layout; the shared part follows imports; concurrent first requests compute once.
@Suite("Monitoring: dashboards shared between readers", .serialized)
struct DashboardSharedRenderingTests {
    static let zeist = "/monitor/gemeente/GM0355"

    /// The page through the shared path twice (the second from what the first kept), then through
    /// Leaf anew; all three must be the same.
    static func sharedAndFresh(_ app: Application, _ browser: inout Browser, _ path: String) async throws -> (shared: String, fresh: String, hits: Bool) {
        let pages = app.monitoringSnapshot.pages
        let first = try await browser.get(path)
        let before = pages.computations
        let second = try await browser.get(path)
        let hits = pages.computations == before
        pages.fresh = true
        defer { pages.fresh = false }
        let fresh = try await browser.get(path)
        #expect(first.status == .ok && second.status == .ok && fresh.status == .ok)
        #expect(first.body.string == second.body.string)
        return (second.body.string, fresh.body.string, hits)
    }

    /// Births with known Big2 figures (`DashboardFixtures`), imported as the monitor's import does.
    static func importBirths(_ app: Application) async throws {
        let areas = try await AreaDimension.load(on: app.db)
        _ = try await CountStore.store(try BirthsImporter(areas: areas).aggregate(path: try MonitoringFixtures.file(DashboardFixtures.births())), on: app.db)
    }

    static func organisationName(_ app: Application, _ email: String) async throws -> (user: String, organisation: String) {
        let user = try #require(try await User.query(on: app.db).filter(\.$email == email).first())
        let org = try #require(try await Organisation.find(user.$organisation.id, on: app.db))
        return (user.name, org.name)
    }

    @Test("a signed-in dashboard (public part or a coalition reader's) equals the fresh rendering, and is served from the shared body")
    func equalsFresh() async throws {
        try await withApp { app in
            app.monitoringSnapshot.pages.lifetime = 60
            var reader = try await Browser.signedIn(app, as: "coordinator@zeist.demo")
            var outsider = try await Browser.signedIn(app, as: "professional@apeldoorn.demo")
            var visitor = Browser(app)
            for path in [Self.zeist, Self.zeist + "?periode=jaar&vergelijk=grootte", "/monitor/coalitie/zeist", "/monitor/ggd-regio/GG2514"] {
                let r = try await Self.sharedAndFresh(app, &reader, path)
                #expect(r.shared == r.fresh, "reader: \(path)")
                #expect(r.hits, "reader: the second request reuses the shared part of \(path)")
                let o = try await Self.sharedAndFresh(app, &outsider, path)
                #expect(o.shared == o.fresh, "outsider: \(path)")
                #expect(o.hits, "outsider: \(path)")
                let v = try await Self.sharedAndFresh(app, &visitor, path)
                #expect(v.shared == v.fresh, "visitor: \(path)")
            }
        }
    }

    @Test("two users of different organisations get their own name, organisation, menu and reader's part around the same figures")
    func ownLayout() async throws {
        try await withApp { app in
            app.monitoringSnapshot.pages.lifetime = 60
            try await Self.importBirths(app)
            var zeist = try await Browser.signedIn(app, as: "coordinator@zeist.demo")
            var apeldoorn = try await Browser.signedIn(app, as: "professional@apeldoorn.demo")
            let kim = try await Self.organisationName(app, "coordinator@zeist.demo")
            let sam = try await Self.organisationName(app, "professional@apeldoorn.demo")
            // act: the same dashboard, the outsider first, so the reader's page is built on what the outsider's request computed
            let outsiderPage = try await apeldoorn.get(Self.zeist).body.string
            let readerPage = try await zeist.get(Self.zeist).body.string
            var visitor = Browser(app)
            let anonymous = try await visitor.get(Self.zeist).body.string
            // check: each sees herself, never the other
            #expect(readerPage.contains(HTML.escape(kim.user)) && readerPage.contains(HTML.escape(kim.organisation)))
            #expect(!readerPage.contains(HTML.escape(sam.user)) && !readerPage.contains(HTML.escape(sam.organisation)))
            #expect(outsiderPage.contains(HTML.escape(sam.user)) && outsiderPage.contains(HTML.escape(sam.organisation)))
            #expect(!outsiderPage.contains(HTML.escape(kim.user)) && !outsiderPage.contains(HTML.escape(kim.organisation)))
            #expect(!anonymous.contains(HTML.escape(kim.user)) && !anonymous.contains(HTML.escape(sam.user)))
            #expect(readerPage.contains(zeist.csrf ?? "-") && outsiderPage.contains(apeldoorn.csrf ?? "-"))
            #expect(!readerPage.contains(apeldoorn.csrf ?? "-") && !outsiderPage.contains(zeist.csrf ?? "-"))
            // each role's menu
            for item in Menu.items(for: .coordinator, language: .nl) { #expect(readerPage.contains("href=\"\(item.href)\"")) }
            for item in Menu.items(for: .professional, language: .nl) { #expect(outsiderPage.contains("href=\"\(item.href)\"")) }
            let coordinatorOnly = Set(Menu.items(for: .coordinator, language: .nl).map(\.href)).subtracting(Menu.items(for: .professional, language: .nl).map(\.href))
            #expect(!coordinatorOnly.isEmpty)
            for href in coordinatorOnly { #expect(!outsiderPage.contains("<li><a href=\"\(href)\">")) }
            // the coalition's member sees every process count; the outsider and the visitor the public text
            let members = HTML.escape(Strings.text("monitor.process.members", .nl))
            #expect(readerPage.contains(members))
            #expect(!outsiderPage.contains(members) && !anonymous.contains(members))
            // the figures are the same for all three
            let card = DashboardFixtures.card(readerPage, "big2")
            #expect(!card.isEmpty)
            #expect(DashboardFixtures.card(outsiderPage, "big2") == card && DashboardFixtures.card(anonymous, "big2") == card)
        }
    }

    @Test("after an import the figures change for signed-in users too, also when another instance announces it")
    func followsImports() async throws {
        try await withApp { app in
            let pages = app.monitoringSnapshot.pages
            pages.lifetime = 60
            var reader = try await Browser.signedIn(app, as: "coordinator@zeist.demo")
            var outsider = try await Browser.signedIn(app, as: "professional@apeldoorn.demo")
            let path = Self.zeist + "?periode=jaar"
            let before = try await reader.get(path).body.string
            let outsiderBefore = try await outsider.get(path).body.string
            #expect(!DashboardFixtures.card(before, "big2").contains("90 van 300"))
            // act: an import of births with known Big2 figures for Zeist
            try await Self.importBirths(app)
            let after = try await reader.get(path).body.string
            let outsiderAfter = try await outsider.get(path).body.string
            // check
            #expect(after != before && outsiderAfter != outsiderBefore)
            #expect(DashboardFixtures.card(after, "big2").contains("90 van 300"))
            #expect(DashboardFixtures.card(outsiderAfter, "big2").contains("90 van 300"))
            pages.fresh = true
            let fresh = try await reader.get(path).body.string
            pages.fresh = false
            #expect(after == fresh)
            // a change announced by another instance (the monitoring topic's reload) drops the shared parts
            let computed = pages.computations
            _ = try await reader.get(path)
            #expect(pages.computations == computed, "kept")
            try await app.clusterChanges.reloadNow(.monitoring, app: app)
            _ = try await reader.get(path)
            #expect(pages.computations == computed + 1, "computed again after the reload")
        }
    }

    @Test("concurrent first requests of one dashboard compute its body and its tables once")
    func concurrentFirstRequests() async throws {
        try await withApp { app in
            let snapshot = app.monitoringSnapshot
            snapshot.pages.lifetime = 60
            try await Self.importBirths(app)
            var browsers: [Browser] = []
            for email in ["professional@apeldoorn.demo", "coordinator@borsele.demo", "professional@zeist.demo", "jgz@zeist.demo"] {
                browsers.append(try await Browser.signedIn(app, as: email))
            }
            for _ in 0..<2 { browsers.append(Browser(app)) }
            snapshot.invalidate()
            let (bodies, tables) = try await Self.concurrently(app, browsers, Self.zeist + "?periode=vijf-jaar")
            // the reader's (professional@zeist.demo, jgz@zeist.demo) and the public body: at most two computations
            #expect(snapshot.pages.computations <= 2)
            #expect(bodies.allSatisfy { $0.contains("id=\"ind-big2\"") })
            // one request alone computes as many tables as the six together
            snapshot.invalidate()
            let before = snapshot.tableComputations
            _ = try await browsers[0].get(Self.zeist + "?periode=vijf-jaar")
            #expect(snapshot.tableComputations - before == tables)
            #expect(tables > 0)
        }
    }

    static func concurrently(_ app: Application, _ browsers: [Browser], _ path: String) async throws -> ([String], Int) {
        let before = app.monitoringSnapshot.tableComputations
        let bodies = try await withThrowingTaskGroup(of: String.self) { group in
            for b in browsers {
                group.addTask { var b = b; return try await b.get(path).body.string }
            }
            var out: [String] = []
            for try await body in group { out.append(body) }
            return out
        }
        return (bodies, app.monitoringSnapshot.tableComputations - before)
    }

    @Test("the map is shared by readers of one municipality; each sees her own municipality marked and her own layout; equal to the fresh rendering")
    func map() async throws {
        try await withApp { app in
            app.monitoringSnapshot.pages.lifetime = 60
            try await Self.importBirths(app)
            var zeist = try await Browser.signedIn(app, as: "policy@zeist.demo")
            var borsele = try await Browser.signedIn(app, as: "coordinator@borsele.demo")
            let path = "/monitor/kaart?indicator=big2"
            let z = try await Self.sharedAndFresh(app, &zeist, path)
            let b = try await Self.sharedAndFresh(app, &borsele, path)
            #expect(z.shared == z.fresh && b.shared == b.fresh)
            #expect(z.hits && b.hits)
            #expect(z.shared.contains("Uw gemeente: Zeist (dikke rand)") && !z.shared.contains("Uw gemeente: Borsele"))
            #expect(b.shared.contains("Uw gemeente: Borsele") && !b.shared.contains("Uw gemeente: Zeist"))
            #expect(z.shared.contains(zeist.csrf ?? "-") && !z.shared.contains(borsele.csrf ?? "-"))
        }
    }

    @Test("single-flight: callers that ask while a value is computed wait for that computation")
    func singleFlight() async throws {
        let pages = RenderedPages(lifetime: 0)
        let runs = ManagedCounter()
        let values = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    try await pages.shared("k") { () async throws -> Int in
                        runs.add()
                        try await Task.sleep(for: .milliseconds(500))
                        return 42
                    }
                }
            }
            var out: [Int] = []
            for try await v in group { out.append(v) }
            return out
        }
        #expect(values == Array(repeating: 42, count: 8))
        #expect(runs.value == 1)
        #expect(pages.computations == 1)
        // nothing is kept with a lifetime of 0: the next caller computes again
        _ = try await pages.shared("k") { () async throws -> Int in runs.add(); return 43 }
        #expect(runs.value == 2)
        // a failed computation is not kept and is tried again
        await #expect(throws: Abort.self) { try await pages.shared("e") { () async throws -> Int in throw Abort(.badRequest) } }
        #expect(try await pages.shared("e") { () async throws -> Int in 7 } == 7)
    }

    @Test("the body is cut at its slots; text between control characters that is no slot stays")
    func cut() {
        let html = "<p>a</p>" + DashboardController.marker("fase-voor") + "<p>\u{1}slot:nope\u{1}</p>" + DashboardController.marker("process")
        let segments = DashboardController.cut(html)
        #expect(segments == [.markup("<p>a</p>"), .slot("fase-voor"), .markup("<p>\u{1}slot:nope\u{1}</p>"), .slot("process")])
        let parts = DashboardController.Parts(stories: ["fase-voor": "<aside>s</aside>"], storyPhases: [.before], processNav: "", process: "<section/>")
        #expect(DashboardController.fill(segments, parts) == "<p>a</p><aside>s</aside><p>\u{1}slot:nope\u{1}</p><section/>")
    }
}

final class ManagedCounter: Sendable {
    private let box = NIOLockedValueBox(0)
    func add() { box.withLockedValue { $0 += 1 } }
    var value: Int { box.withLockedValue { $0 } }
}
