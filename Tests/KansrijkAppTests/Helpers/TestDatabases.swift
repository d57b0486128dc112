import FluentPostgresDriver
import Foundation
import Logging
import PostgresKit
import Testing
import Vapor
@testable import KansrijkApp

/// On PostgreSQL (`DATABASE_URL`) every test gets a database of its own on the test server, copied
/// from a template and dropped afterwards (ADR 0049). The templates are made once per test process:
/// one migrated, one migrated with the demo data. A copy (`CREATE DATABASE ... TEMPLATE`) takes a
/// fraction of what migrating and loading the demo again took, and tests no longer wait for each
/// other: at most `KANSRIJK_TEST_PG_PARALLEL` (default 4) hold a database at once, which keeps the
/// server's connections (every application opens its own pool) well below `max_connections`.
actor TestDatabases {
    static let shared = TestDatabases()

    /// What a test's database holds when it gets it.
    enum Start: Sendable, Hashable {
        /// Nothing: the test migrates (or restores into) it itself.
        case empty
        /// Every migration.
        case migrated
        /// Every migration and the demo data, as `withApp()` had them.
        case demo
    }

    private let server: SQLPostgresConfiguration?
    private let baseURL: URLComponents?
    private let prefix = "kr_\(ProcessInfo.processInfo.processIdentifier)"
    private var made = 0
    private var templates: Task<[Start: String], any Error>?
    private var free: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init() {
        let url = ProcessInfo.processInfo.environment["DATABASE_URL"] ?? ""
        server = try? SQLPostgresConfiguration(url: url)
        baseURL = URLComponents(string: url)
        let parallel = Int(ProcessInfo.processInfo.environment["KANSRIJK_TEST_PG_PARALLEL"] ?? "") ?? 4
        free = max(1, parallel)
    }

    /// The URL of a fresh database that starts as `start`; hand it back with `giveBack`.
    func lease(_ start: Start) async throws -> String {
        let templates = try await self.templateNames()
        await acquire()
        let name = nextName()
        do {
            try await create(name, from: templates[start])
            return try url(of: name)
        } catch {
            release()
            throw error
        }
    }

    /// Drops a database `lease` gave (whoever is still connected is disconnected).
    func giveBack(_ url: String) async {
        if let name = URLComponents(string: url)?.path.dropFirst(), !name.isEmpty {
            try? await drop(String(name))
        }
        release()
    }

    // MARK: templates

    private func templateNames() async throws -> [Start: String] {
        if let templates { return try await templates.value }
        let prefix = self.prefix
        let task = Task { () async throws -> [Start: String] in
            let migrated = "\(prefix)_template_migrated", demo = "\(prefix)_template_demo"
            try await self.create(migrated, from: nil)
            try await Self.withTemplateApp(url: try self.url(of: migrated)) { app in try await app.autoMigrate() }
            try await self.create(demo, from: migrated)
            try await Self.withTemplateApp(url: try self.url(of: demo)) { app in
                try await DemoData(password: testPassword).load(on: app)
            }
            return [.migrated: migrated, .demo: demo]
        }
        templates = task
        return try await task.value
    }

    private static func withTemplateApp(url: String, _ body: (Application) async throws -> Void) async throws {
        let app = try await Application.make(.testing)
        app.logger.logLevel = .warning
        do {
            try await configure(app, settings: try Settings.fromEnvironment(testEnvironment(databaseURL: url)))
            try await body(app)
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }

    // MARK: the server

    private func nextName() -> String {
        made += 1
        return "\(prefix)_\(made)"
    }

    private func url(of database: String) throws -> String {
        guard var url = baseURL, server != nil else { throw TestDatabaseProblem.noPostgres }
        url.path = "/" + database
        guard let text = url.string else { throw TestDatabaseProblem.noPostgres }
        return text
    }

    /// `CREATE DATABASE`, copied from `template` when given. A template still held by a connection
    /// that is closing (an application just shut down) is refused for a moment: retried.
    private func create(_ name: String, from template: String?) async throws {
        let sql = template.map { "CREATE DATABASE \"\(name)\" TEMPLATE \"\($0)\"" } ?? "CREATE DATABASE \"\(name)\""
        var attempt = 0
        while true {
            do {
                try await run(sql)
                return
            } catch let error as PSQLError where error.serverInfo?[.sqlState] == "55006" && attempt < 100 {
                attempt += 1
                try await Task.sleep(for: .milliseconds(50))
            }
        }
    }

    private func drop(_ name: String) async throws {
        try await run("DROP DATABASE IF EXISTS \"\(name)\" WITH (FORCE)")
    }

    /// One statement on a connection of its own to the database of `DATABASE_URL` (names are ours,
    /// made above, never from input).
    private func run(_ statement: String) async throws {
        guard let server else { throw TestDatabaseProblem.noPostgres }
        let connection = try await PostgresConnection.connect(configuration: server.coreConfiguration, id: 1,
                                                              logger: Logger(label: "kansrijk.test-databases"))
        do {
            _ = try await connection.query(PostgresQuery(unsafeSQL: statement), logger: Logger(label: "kansrijk.test-databases"))
        } catch {
            try? await connection.close()
            throw error
        }
        try await connection.close()
    }

    // MARK: how many at once

    private func acquire() async {
        if free > 0 { free -= 1; return }
        await withCheckedContinuation { waiting.append($0) }
    }

    private func release() {
        if waiting.isEmpty { free += 1 } else { waiting.removeFirst().resume() }
    }
}

enum TestDatabaseProblem: Error, CustomStringConvertible {
    case noPostgres
    var description: String { "DATABASE_URL is not a PostgreSQL URL this test can use" }
}

/// The settings a test application runs with, on `databaseURL` (PostgreSQL) or in-memory SQLite.
func testEnvironment(databaseURL: String? = nil) -> [String: String] {
    var env = ["KANSRIJK_DATABASE_PATH": ":memory:", "KANSRIJK_BCRYPT_COST": "4",
               "KANSRIJK_DEMO_PASSWORD": testPassword, "KANSRIJK_ROOT": packageRoot]
    if let databaseURL { env["DATABASE_URL"] = databaseURL }
    return env
}

/// On PostgreSQL: `body` gets the URL of a database of this test's own (see `TestDatabases`),
/// dropped afterwards. On SQLite: `body` gets nil, and the test makes its own file or in-memory database.
func withTestDatabase(_ start: TestDatabases.Start, _ body: (String?) async throws -> Void) async throws {
    guard usesPostgres else { return try await body(nil) }
    let url = try await TestDatabases.shared.lease(start)
    do {
        try await body(url)
    } catch {
        await TestDatabases.shared.giveBack(url)
        throw error
    }
    await TestDatabases.shared.giveBack(url)
}
