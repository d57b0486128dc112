import Fluent
import FluentPostgresDriver
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting
@testable import KansrijkApp

/// The package root, so Leaf and the reference data are found wherever `swift test` runs.
let packageRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    while url.path != "/" {
        url.deleteLastPathComponent()
        if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url.path + "/" }
    }
    return FileManager.default.currentDirectoryPath + "/"
}()

let testPassword = "test-wachtwoord-1"

/// True when the suite runs against the throw-away PostgreSQL of `scripts/test`.
let usesPostgres = (ProcessInfo.processInfo.environment["DATABASE_URL"] ?? "").hasPrefix("postgres")

/// Builds the app as `kansrijk serve` would (in-memory SQLite, or a database of this test's own on
/// the test PostgreSQL of DATABASE_URL), migrated, with the demo data loaded, and runs `body` against it.
func withApp(demo: Bool = true, _ body: (Application) async throws -> Void) async throws {
    try await withTestDatabase(demo ? .demo : .migrated) { url in
        // on PostgreSQL the database is a copy of a template that already holds the migrations and the demo
        try await withApp(databaseURL: url, prepare: url == nil, demo: demo, body)
    }
}

/// The app on `databaseURL` (nil: in-memory SQLite); `prepare` migrates and loads the demo first.
func withApp(databaseURL: String?, prepare: Bool, demo: Bool = true, _ body: (Application) async throws -> Void) async throws {
    let app = try await Application.make(.testing)
    app.logger.logLevel = .warning
    do {
        try await configure(app, settings: try Settings.fromEnvironment(testEnvironment(databaseURL: databaseURL)))
        if prepare {
            try await app.autoMigrate()
            if demo { try await DemoData(password: testPassword).load(on: app) }
        }
        try await app.directory.reload(on: app.db)
        app.isReady = true
        try await body(app)
    } catch {
        try? await app.asyncShutdown()
        throw error
    }
    try await app.asyncShutdown()
}

/// A signed-in browser-like client: keeps the session cookie and the CSRF token.
struct Browser {
    let app: Application
    /// The `Cookie` header sent with every request: the cookies the server set, or what a test set.
    var cookie: String?
    private var jar: [String: String] = [:]
    var csrf: String?

    init(_ app: Application) { self.app = app }

    /// Signs in through the real log-in form.
    static func signedIn(_ app: Application, as email: String) async throws -> Browser {
        var b = Browser(app)
        try await b.refreshToken(path: "/inloggen")
        let res = try await b.post("/inloggen", form: ["email": email, "password": testPassword])
        #expect(res.status == .seeOther, "log-in as \(email) should redirect, got \(res.status)")
        try await b.refreshToken(path: "/aanbod")
        return b
    }

    /// Reads the CSRF token from a page's form (as a browser would post it back).
    mutating func refreshToken(path: String) async throws {
        let res = try await get(path)
        if let range = res.body.string.range(of: #"name="csrf" value=""#) {
            let rest = res.body.string[range.upperBound...]
            csrf = String(rest.prefix { $0 != "\"" })
        }
    }

    mutating func get(_ path: String) async throws -> TestingHTTPResponse {
        var result: TestingHTTPResponse?
        let cookie = self.cookie
        try await app.testing().test(.GET, path, beforeRequest: { req in
            if let cookie { req.headers.add(name: .cookie, value: cookie) }
        }, afterResponse: { res in result = res })
        remember(result!)
        return result!
    }

    mutating func post(_ path: String, form: [String: String], withToken: Bool = true) async throws -> TestingHTTPResponse {
        var fields = form
        if withToken, fields["csrf"] == nil, let csrf { fields["csrf"] = csrf }
        return try await post(path, body: Self.encode(fields))
    }

    mutating func post(_ path: String, body: String) async throws -> TestingHTTPResponse {
        var result: TestingHTTPResponse?
        let cookie = self.cookie
        try await app.testing().test(.POST, path, beforeRequest: { req in
            if let cookie { req.headers.add(name: .cookie, value: cookie) }
            req.headers.contentType = .urlEncodedForm
            req.body = ByteBuffer(string: body)
        }, afterResponse: { res in result = res })
        remember(result!)
        return result!
    }

    /// Keeps every cookie the server sets (the session, the log-in form's token), drops expired ones.
    private mutating func remember(_ res: TestingHTTPResponse) {
        var changed = false
        for value in res.headers[.setCookie] {
            let pair = String(value.prefix { $0 != ";" })
            guard let eq = pair.firstIndex(of: "=") else { continue }
            let name = String(pair[..<eq]), content = String(pair[pair.index(after: eq)...])
            let expired = content.isEmpty || value.contains("Max-Age=0") || value.contains("1970")
            jar[name] = expired ? nil : content
            changed = true
        }
        if changed { cookie = jar.isEmpty ? nil : jar.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") }
    }

    static func encode(_ fields: [String: String]) -> String {
        fields.sorted { $0.key < $1.key }.map { k, v in
            "\(k.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)=\(v.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)"
        }.joined(separator: "&")
    }
}
