import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting
@testable import KansrijkApp

/// The optional read replica (ADR 0043, issue 17): `KANSRIJK_DATABASE_READ_URL` sends the read-only
/// heavy paths to a second PostgreSQL database, the pages after one's own write stay on the primary,
/// and `kansrijk_db_reads_total{target}` counts where the reads went.
@Suite("Read replica", .serialized)
struct ReadReplicaTests {
    static let marker = " [replica-kopie]"

    @Test("the read URL is taken with PostgreSQL and refused on SQLite or with another scheme")
    func settings() throws {
        let pg = try Settings.fromEnvironment(["DATABASE_URL": "postgres://u@primary/db", "KANSRIJK_DATABASE_READ_URL": "postgres://u@replica/db"])
        #expect(pg.readDatabaseURL == "postgres://u@replica/db")
        #expect(try Settings.fromEnvironment(["DATABASE_URL": "postgres://u@primary/db"]).readDatabaseURL == nil)
        do {
            _ = try Settings.fromEnvironment(["KANSRIJK_DATABASE_READ_URL": "postgres://u@replica/db"])
            Issue.record("a read URL on SQLite must be refused")
        } catch let error as SettingsError {
            #expect(error.problems == ["KANSRIJK_DATABASE_READ_URL needs DATABASE_URL (PostgreSQL): SQLite has no read replica"])
        }
        do {
            _ = try Settings.fromEnvironment(["DATABASE_URL": "postgres://u@primary/db", "KANSRIJK_DATABASE_READ_URL": "mysql://u@replica/db"])
            Issue.record("a read URL that is not PostgreSQL must be refused")
        } catch let error as SettingsError {
            #expect(error.problems.count == 1 && error.problems[0].hasPrefix("KANSRIJK_DATABASE_READ_URL must start with postgres://"))
        }
    }

    @Test("without a replica every heavy read goes to the primary and is counted there")
    func withoutReplica() async throws {
        try await withApp { app in
            // setup
            #expect(!app.hasReadReplica)
            let before = Self.reads("primary")
            let replicaBefore = Self.reads("replica")
            // act
            let response = try await app.testing().sendRequest(.GET, "/api/indicators")
            var browser = Browser(app)
            try await browser.refreshToken(path: "/inloggen")
            let login = try await browser.post("/inloggen", form: ["email": "coordinator@zeist.demo", "password": testPassword])
            // check
            #expect(response.status == .ok)
            #expect(Self.reads("primary") > before)
            #expect(Self.reads("replica") == replicaBefore)
            #expect(!login.headers[.setCookie].contains { $0.hasPrefix(PrimaryAfterWriteMiddleware.cookieName) },
                    "no read-your-writes cookie without a replica")
        }
    }

    @Test("with a replica, dashboards and the monitor API read from it; after a write the browser reads the primary",
          .enabled(if: usesPostgres))
    func replicaRouting() async throws {
        try await withTestDatabase(.empty) { primary in
            try await withTestDatabase(.empty) { replica in
                try await Self.routing(primaryURL: try #require(primary), replicaURL: try #require(replica))
            }
        }
    }

    private static func routing(primaryURL: String, replicaURL: String) async throws {
        // setup: a second database on the test server plays the replica, with a marked copy of the indicators
        try await withDatabase(replicaURL, readURL: nil) { replica in
            try await DemoData(password: testPassword).load(on: replica)
            let sql = try #require(replica.db as? any SQLDatabase)
            try await sql.raw("UPDATE indicators SET name = name || \(bind: marker)").run()
        }
        try await withDatabase(primaryURL, readURL: replicaURL) { app in
            try await DemoData(password: testPassword).load(on: app)
            try await app.directory.reload(on: app.db)
            app.isReady = true
            #expect(app.hasReadReplica)
            let replicaBefore = reads("replica")

            // act + check: the monitor API and a dashboard show the replica's names
            let api = try await app.testing().sendRequest(.GET, "/api/indicators")
            #expect(api.status == .ok)
            #expect(api.body.string.contains(marker), "the monitor API reads the replica")
            let dashboard = try await app.testing().sendRequest(.GET, MonitoringURL.municipality("GM0355"))
            #expect(dashboard.status == .ok)
            #expect(dashboard.body.string.contains(marker), "the dashboard reads the replica")
            #expect(reads("replica") > replicaBefore)

            // logging in writes only the session: the first dashboard after it still reads the replica
            var browser = Browser(app)
            try await browser.refreshToken(path: "/inloggen")
            let login = try await browser.post("/inloggen", form: ["email": "policy@zeist.demo", "password": testPassword])
            #expect(login.status == .seeOther)
            #expect(!login.headers[.setCookie].contains { $0.hasPrefix(PrimaryAfterWriteMiddleware.cookieName + "=") })
            #expect(try await browser.get("/api/indicators").body.string.contains(marker))

            // a form's answer sets the short read-your-writes cookie; with it the same reads go to the primary
            try await browser.refreshToken(path: "/account")
            let saved = try await browser.post("/account/gegevens", form: ["name": "Beleid Zeist", "taal": "nl"])
            #expect(saved.status == .seeOther)
            let cookie = saved.headers[.setCookie].first { $0.hasPrefix(PrimaryAfterWriteMiddleware.cookieName + "=") }
            #expect(cookie?.contains("Max-Age=\(PrimaryAfterWriteMiddleware.seconds)") == true)
            let primaryBefore = reads("primary")
            let afterWrite = try await browser.get("/api/indicators")
            #expect(afterWrite.status == .ok)
            #expect(!afterWrite.body.string.contains(marker), "right after one's own write the primary answers")
            #expect(reads("primary") > primaryBefore)

            // the primary itself never held the marked names: the reads above really came from two databases
            let names = try await Indicator.query(on: app.db).all().map(\.name)
            #expect(!names.isEmpty && names.allSatisfy { !$0.contains(marker) })
        }
    }

    /// `kansrijk_db_reads_total{target=...}` as `/metrics` would show it.
    static func reads(_ target: String) -> Int {
        let prefix = "kansrijk_db_reads_total{target=\"\(target)\"} "
        let line = KansrijkMetrics.registry.emitToString().split(separator: "\n").first { $0.hasPrefix(prefix) }
        return line.flatMap { Double($0.dropFirst(prefix.count)) }.map { Int($0) } ?? 0
    }

    /// An application on the empty database at `url` (and the replica at `readURL`), migrated.
    static func withDatabase(_ url: String, readURL: String?, _ body: (Application) async throws -> Void) async throws {
        var env = testEnvironment(databaseURL: url)
        if let readURL { env["KANSRIJK_DATABASE_READ_URL"] = readURL }
        let app = try await Application.make(.testing)
        app.logger.logLevel = .warning
        do {
            try await configure(app, settings: try Settings.fromEnvironment(env))
            try await app.autoMigrate()
            try await body(app)
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }
}
