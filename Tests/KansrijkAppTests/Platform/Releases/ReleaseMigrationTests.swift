import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import ZIPFoundation
@testable import KansrijkApp

/// A database written by the previous tagged release (made by its own binary with
/// `scripts/release_fixture.py`, docs/releases.md) is migrated by the current code, and every row is
/// still there: the row count of every table, the ids the manifest spot-checks, and an intact audit
/// chain ending at the same head. The SQLite file path runs whatever database the suite is on.
@Suite struct ReleaseMigrationTests {
    static let releases = packageRoot + "Tests/Fixtures/releases/"

    /// Tables a later migration renamed or dropped on purpose, with where their rows went
    /// (old name -> new name); empty while none was.
    static let movedTables: [String: String] = [:]

    @Test(arguments: ["v0.16.0"])
    func theCurrentCodeMigratesThePreviousReleaseWithoutLosingARow(release: String) async throws {
        // setup
        let manifest = try ReleaseFixtureManifest.read(Self.releases + release + "/manifest.json")
        let folder = try ReleaseFixture.unzip(Self.releases + release + "/database.zip")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("kansrijk.sqlite").path
        // act: what `kansrijk serve` does on the old file (migrate, drain, load)
        try await withSQLiteFileApp(path: path) { app in
            try await app.prepareForServing()
            guard let sql = app.db as? any SQLDatabase else { Issue.record("no SQL database"); return }
            // check: every table, its rows and its spot-checked ids
            let applied = try await sql.raw("SELECT count(*) AS n FROM _fluent_migrations").first()?.decode(column: "n", as: Int.self) ?? 0
            #expect(applied > manifest.tables["_fluent_migrations"]?.rows ?? 0, "the current code adds migrations")
            for (table, expected) in manifest.tables where table != "_fluent_migrations" {
                let name = Self.movedTables[table] ?? table
                let count = try await sql.raw("SELECT count(*) AS n FROM \(ident: name)").first()?.decode(column: "n", as: Int.self)
                #expect(count == expected.rows, "\(table): \(count.map(String.init) ?? "missing") rows, the release had \(expected.rows)")
                for id in expected.ids ?? [] {
                    let found = try await sql.raw("SELECT count(*) AS n FROM \(ident: name) WHERE id = \(bind: id)").first()?
                        .decode(column: "n", as: Int.self)
                    #expect(found == 1, "\(table): id \(id) not found")
                }
            }
            let head = try await AuditHead.current(on: app.db, now: Date())
            #expect(head?.token == manifest.auditHead)
            #expect(try await AuditVerification.verify(on: app.db) == .intact(count: head?.sequence ?? -1))
        }
    }

    @Test func theFixtureIsSmallAndHasRowsToFind() throws {
        let zip = try FileManager.default.attributesOfItem(atPath: Self.releases + "v0.16.0/database.zip")[.size] as? Int ?? 0
        #expect(zip < 1_000_000, "a fixture is kept small: \(zip) bytes")
        let manifest = try ReleaseFixtureManifest.read(Self.releases + "v0.16.0/manifest.json")
        for table in ["organisations", "services", "users", "care_clients", "care_referrals", "coalitions", "audit_events", "monitoring_counts"] {
            #expect((manifest.tables[table]?.rows ?? 0) > 0, "\(table) has rows in the fixture")
        }
    }
}

/// `manifest.json` of a release fixture: per file, per table, its rows and spot-checked ids.
struct ReleaseFixtureManifest: Decodable {
    struct Table: Decodable {
        var rows: Int
        var ids: [String]?
    }

    var release: String
    var files: [String: [String: Table]]
    var auditHead: String?

    /// Every table of both files.
    var tables: [String: Table] { files.values.reduce(into: [:]) { $0.merge($1) { first, _ in first } } }

    static func read(_ path: String) throws -> ReleaseFixtureManifest {
        try JSONDecoder().decode(ReleaseFixtureManifest.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
    }
}

enum ReleaseFixture {
    /// The zip's files in a new temporary folder.
    static func unzip(_ path: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kansrijk-release-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        for entry in archive { _ = try archive.extract(entry, to: folder.appendingPathComponent(entry.path)) }
        return folder
    }
}

/// An application on the SQLite file at `path` (the audit file beside it), as `kansrijk serve`
/// configures it, without the demo data; `body` decides what else runs.
func withSQLiteFileApp(path: String, _ body: (Application) async throws -> Void) async throws {
    let env = ["KANSRIJK_DATABASE_PATH": path, "KANSRIJK_BCRYPT_COST": "4", "KANSRIJK_DEMO_PASSWORD": testPassword,
               "KANSRIJK_ROOT": packageRoot, "KANSRIJK_LOAD_DEMO": "0"]
    let app = try await Application.make(.testing)
    app.logger.logLevel = .warning
    do {
        try await configure(app, settings: try Settings.fromEnvironment(env))
        try await body(app)
    } catch {
        try? await app.asyncShutdown()
        throw error
    }
    try await app.asyncShutdown()
}
