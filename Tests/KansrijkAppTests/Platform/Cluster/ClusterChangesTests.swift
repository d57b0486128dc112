import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting
@testable import KansrijkApp

/// Two instances on one database (SQLite file, or PostgreSQL with DATABASE_URL) see each other's
/// writes through `cluster_versions` (ADR 0040).
@Suite("Several instances see each other's writes", .serialized)
struct ClusterChangesTests {
    /// Polls `check` every 50 ms until it holds; the seconds it took, or nil after `limit`.
    static func eventually(within limit: TimeInterval = 2, _ check: () async throws -> Bool) async throws -> TimeInterval? {
        let start = Date()
        while Date().timeIntervalSince(start) < limit {
            if try await check() { return Date().timeIntervalSince(start) }
            try await Task.sleep(for: .milliseconds(50))
        }
        return try await check() ? Date().timeIntervalSince(start) : nil
    }

    @Test("a service added through instance A is found through instance B within 2 seconds")
    func serviceEditReachesOtherInstance() async throws {
        try await withInstancePair { a, b in
            // setup: both serve (their pollers run, at the default interval)
            try await a.asyncBoot()
            try await b.asyncBoot()
            var search = Browser(b)
            let before = try await search.get("/aanbod?q=clusterproef")
            #expect(!before.body.string.contains("Babycafé Clusterproef"))
            // act
            var coordinator = try await Browser.signedIn(a, as: "coordinator@zeist.demo")
            try await coordinator.refreshToken(path: "/aanbod/nieuw")
            var form = ServiceEditTests.validForm
            form["name"] = "Babycafé Clusterproef"
            let saved = try await coordinator.post("/aanbod/nieuw", form: form)
            #expect(saved.status == .seeOther)
            // check: B's search page (answered from B's memory) shows it within 2 s
            let took = try await Self.eventually {
                try await search.get("/aanbod?q=clusterproef").body.string.contains("Babycafé Clusterproef")
            }
            #expect(took != nil, "instance B did not find the new service within 2 s")
        }
    }

    @Test("an organisation that stops receiving referrals on A is known on B within 2 seconds")
    func receivingReachesOtherInstance() async throws {
        try await withInstancePair { a, b in
            try await b.referralReceiving.reload(on: b.db)
            try await a.asyncBoot()
            try await b.asyncBoot()
            let id = DemoData.orgID("meanderomnium")
            #expect(b.referralReceiving.current?.optedOut.contains(id) == false)
            // act: a save through A's database (its model middleware bumps the topic)
            let organisation = try #require(try await Organisation.find(id, on: a.db))
            organisation.receivesReferrals = false
            try await organisation.save(on: a.db)
            // check
            let took = try await Self.eventually { b.referralReceiving.current?.optedOut.contains(id) == true }
            #expect(took != nil, "instance B still had the organisation as receiving after 2 s")
        }
    }

    @Test("new counts written through A empty B's monitor snapshot within 2 seconds")
    func monitoringReachesOtherInstance() async throws {
        try await withInstancePair { a, b in
            try await b.monitoringSnapshot.refresh(on: b.db)
            #expect(b.monitoringSnapshot.areas != nil)
            b.monitoringSnapshot.pages.keep(ByteBuffer(string: "oude pagina"), for: "nl /monitor")
            try await a.asyncBoot()
            try await b.asyncBoot()
            // act: an import's write
            let row = CountStore.Row(element: "kinderen_ge24", areaCode: "GM0355", period: "2019", year: 2019,
                                     breakdown: "", breakdownValue: "", count: 123)
            try await CountStore.replace(ReplacedCells(elements: ["kinderen_ge24"], areasByPeriod: ["2019": ["GM0355"]]),
                                         with: [row], source: "test", on: a.db)
            // check: B dropped what it computed and rendered from the old counts
            let took = try await Self.eventually { b.monitoringSnapshot.areas == nil }
            #expect(took != nil, "instance B kept its old monitor snapshot after 2 s")
            #expect(b.monitoringSnapshot.pages.page("nl /monitor") == nil)
        }
    }

    @Test("the writing instance does not load its own write twice; the other loads it once")
    func pollReloadsOnlyWhatChangedElsewhere() async throws {
        try await withInstancePair { a, b in
            // setup: no background polls during the test, the polls below are explicit
            for app in [a, b] {
                app.clusterChanges.interval = .seconds(600)
                try await app.asyncBoot()
            }
            #expect(try await a.clusterChanges.poll(a).isEmpty)
            #expect(try await b.clusterChanges.poll(b).isEmpty)
            // act: an organisation's name changes through A's admin page (OrganisationDesk + reload)
            var admin = try await Browser.signedIn(a, as: "admin@kansrijk.demo")
            let id = DemoData.orgID("meanderomnium")
            try await admin.refreshToken(path: AdminPaths.editOrganisation(id))
            let page = try await admin.get(AdminPaths.editOrganisation(id))
            #expect(page.status == .ok)
            var form = ReferralLandingTests.formFields(of: page.body.string)
            form["name"] = "Meander Omnium Clusterproef"
            let saved = try await admin.post(AdminPaths.editOrganisation(id), form: form)
            #expect(saved.status == .seeOther, "\(saved.body.string.prefix(400))")
            // check: A shows it at once and its poll finds nothing new for the directory
            #expect(a.directory.snapshot.services.contains { $0.organisationName == "Meander Omnium Clusterproef" })
            #expect(!(try await a.clusterChanges.poll(a)).contains(.directory))
            // B has the old name until its poll, which reloads the directory once
            #expect(!b.directory.snapshot.services.contains { $0.organisationName == "Meander Omnium Clusterproef" })
            #expect(try await b.clusterChanges.poll(b).contains(.directory))
            #expect(b.directory.snapshot.services.contains { $0.organisationName == "Meander Omnium Clusterproef" })
            #expect(!(try await b.clusterChanges.poll(b)).contains(.directory))
        }
    }

    @Test("a bump in a transaction that rolls back changes no version")
    func bumpIsTransactional() async throws {
        try await withApp(demo: false) { app in
            let before = try await ClusterChanges.versions(on: app.db)[.areas] ?? 0
            struct Rollback: Error {}
            await #expect(throws: Rollback.self) {
                try await app.db.writeTransaction { db in
                    try await ClusterChanges.bump(.areas, on: db)
                    throw Rollback()
                }
            }
            #expect(try await ClusterChanges.versions(on: app.db)[.areas] ?? 0 == before)
            try await app.db.writeTransaction { db in
                try await ClusterChanges.bump(.areas, on: db)
                try await ClusterChanges.bump(.areas, on: db)
            }
            #expect(try await ClusterChanges.versions(on: app.db)[.areas] == before + 2)
        }
    }

    @Test("a user's save bumps receiving only when it changes who receives referrals")
    func userSavesBumpOnlyWhenRelevant() async throws {
        try await withApp { app in
            let user = try #require(try await User.query(on: app.db).filter(\.$email == "professional@zeist.demo").first())
            let start = try await ClusterChanges.versions(on: app.db)[.receiving] ?? 0
            // a new name leaves receiving alone: no version, so no instance reloads
            user.name = "Andere Naam"
            try await user.save(on: app.db)
            #expect(try await ClusterChanges.versions(on: app.db)[.receiving] ?? 0 == start)
            // deactivating the account does change it
            user.isActive = false
            try await user.save(on: app.db)
            #expect(try await ClusterChanges.versions(on: app.db)[.receiving] == start + 1)
        }
    }

    @Test("KANSRIJK_CLUSTER_POLL_MS: default 500 ms, a sane number, or a clear refusal")
    func pollInterval() throws {
        #expect(try ClusterChanges.interval(from: [:]) == .milliseconds(500))
        #expect(try ClusterChanges.interval(from: ["KANSRIJK_CLUSTER_POLL_MS": "250"]) == .milliseconds(250))
        for bad in ["0", "-5", "abc", "600000"] {
            #expect(throws: SettingsError.self) { try ClusterChanges.interval(from: ["KANSRIJK_CLUSTER_POLL_MS": bad]) }
        }
    }
}
