import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting
@testable import KansrijkApp

/// Issue #13's access matrix: every registered route x every kind of visitor, with real ids of
/// Zeist and of a client of the Zeist midwife in every path parameter (IDOR), and every post once
/// more without its CSRF token. The rules are data (`AccessMatrixRules.swift`): a new route without
/// a rule, or a rule left behind by a removed route, fails `complete`.
@Suite("Access matrix: every route, every visitor")
struct AccessMatrixTests {
    typealias Visitor = AccessMatrix.Visitor
    typealias Expected = AccessMatrix.Expected

    @Test("every route has a rule, every rule a route, every path parameter a real record")
    func complete() async throws {
        try await withApp(demo: false) { app in
            // setup
            let registered = app.routes.all.map(AccessMatrix.key)
            let ruled = AccessMatrix.table.map(\.route)
            let prefixes = Set(registered.flatMap(AccessMatrix.parameterPrefixes))
            // check
            let twice = Dictionary(grouping: ruled, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted()
            #expect(twice.isEmpty, "rules listed twice: \(twice.joined(separator: ", "))")
            let missing = Set(registered).subtracting(ruled).sorted()
            #expect(missing.isEmpty, "routes without a rule: \(missing.joined(separator: ", "))")
            let stale = Set(ruled).subtracting(registered).sorted()
            #expect(stale.isEmpty, "rules without a route: \(stale.joined(separator: ", "))")
            let unbound = prefixes.subtracting(AccessMatrix.parameters.keys).sorted()
            #expect(unbound.isEmpty, "path parameters without a real record: \(unbound.joined(separator: ", "))")
            let unused = Set(AccessMatrix.parameters.keys).subtracting(prefixes).sorted()
            #expect(unused.isEmpty, "records for parameters no route has: \(unused.joined(separator: ", "))")
            let nested = Set(registered.flatMap { AccessMatrix.parameterPrefixes($0).dropFirst() })
            let unswapped = nested.subtracting(AccessMatrix.foreignChildren.keys).subtracting(AccessMatrix.notRecords).sorted()
            #expect(unswapped.isEmpty, "nested parameters without a record under another parent: \(unswapped.joined(separator: ", "))")
            #expect(Set(AccessMatrix.foreignChildren.keys).isSubset(of: nested), "foreign records for parameters no route nests")
        }
    }

    @Test("each visitor gets what the rules say on every route, and denied answers show nothing of the client",
          arguments: Visitor.allCases)
    func matrix(_ visitor: Visitor) async throws {
        try await withApp { app in
            // setup: a fresh app per visitor, so what one visitor's posts change no other visitor sees
            let fixture = try await MatrixFixture.make(app)
            if visitor == .emergency { try await fixture.grantEmergencyAccess(app) }
            var browser = try await Self.browser(app, visitor)
            for row in try MatrixRow.all(app, fixture) {
                // act
                let res: TestingHTTPResponse
                if row.method == .GET {
                    res = try await browser.get(row.path)
                } else if visitor == .anonymous {
                    res = try await Self.anonymousPost(app, row.path, withToken: true)
                } else {
                    res = try await browser.post(row.path, form: [:])
                }
                // check
                let expected = row.rule.access.expected(for: visitor, row.method)
                let location = res.headers.first(name: .location)
                #expect(expected.matches(res.status.code, location: location, method: row.method, path: row.path),
                        "\(visitor) \(row.method.rawValue) \(row.path): \(res.status.code)\(location.map { " to \($0)" } ?? ""), expected \(expected.rawValue)")
                if expected != .allowed, !row.rule.access.allows(visitor, .GET) {
                    let body = res.body.string
                    #expect(!body.contains(fixture.clientName) && !body.contains(fixture.clientCode),
                            "\(visitor) \(row.method.rawValue) \(row.path) shows the client's name or code")
                }
            }
        }
    }

    @Test("a post without the session's token, or with a wrong one, is refused on every route and changes nothing")
    func csrf() async throws {
        try await withApp { app in
            // setup: on each route, the visitor whose post the rule would allow
            let fixture = try await MatrixFixture.make(app)
            let posts = try MatrixRow.all(app, fixture).filter { $0.method != .GET }
            var browsers: [Visitor: Browser] = [:]
            for row in posts where row.privileged != .anonymous && browsers[row.privileged] == nil {
                browsers[row.privileged] = try await Self.browser(app, row.privileged)
            }
            let before = try await DatabaseDigest.take(app.db)
            // act
            for row in posts {
                let visitor = row.privileged
                for form in [[:], ["csrf": "vervalst"]] {
                    let res: TestingHTTPResponse
                    if visitor == .anonymous {
                        res = try await Self.anonymousPost(app, row.path, withToken: false, form: form)
                    } else {
                        res = try await browsers[visitor]!.post(row.path, form: form, withToken: false)
                    }
                    #expect(res.status == .forbidden, "\(visitor) POST \(row.path) with \(form.isEmpty ? "no" : "a wrong") token: \(res.status.code)")
                }
            }
            // check
            let after = try await DatabaseDigest.take(app.db)
            let changed = Set(before.keys).union(after.keys).filter { before[$0] != after[$0] }.sorted()
            #expect(changed.isEmpty, "refused posts changed \(changed.joined(separator: ", "))")
            for (visitor, var browser) in browsers {
                let res = try await browser.get("/zorg")
                #expect(res.status == .ok, "\(visitor) is still signed in after the refused posts (log-out included)")
            }
        }
    }

    @Test("a record of another coalition, ambition, zorgpad, client or meeting under the right parent is refused, even to those who may use the route")
    func foreignChildren() async throws {
        try await withApp { app in
            // setup: every route with a nested record, with every signed-in visitor its rule allows
            let fixture = try await MatrixFixture.make(app)
            var requests: [(row: MatrixRow, visitor: Visitor)] = []
            for (prefix, name) in AccessMatrix.foreignChildren {
                let foreign = try #require(fixture.values[name], "no \(name)")
                for row in try MatrixRow.all(app, fixture, replacing: [prefix: foreign]) where AccessMatrix.parameterPrefixes(row.route).contains(prefix) {
                    for visitor in Visitor.allCases where visitor.email != nil && visitor != .emergency && row.rule.access.allows(visitor, row.method) {
                        requests.append((row, visitor))
                    }
                }
            }
            let tried = Set(requests.flatMap { AccessMatrix.parameterPrefixes($0.row.route) })
            #expect(tried.isSuperset(of: AccessMatrix.foreignChildren.keys), "a foreign record no visitor tries")
            requests.sort { $0.row.sortKey < $1.row.sortKey }
            var browsers: [Visitor: Browser] = [:]
            for visitor in Set(requests.map(\.visitor)) { browsers[visitor] = try await Self.browser(app, visitor) }
            let before = try await DatabaseDigest.take(app.db)
            // act, check
            for (row, visitor) in requests {
                let res = row.method == .GET ? try await browsers[visitor]!.get(row.path) : try await browsers[visitor]!.post(row.path, form: [:])
                #expect(Expected.denied.matches(res.status.code, location: nil, method: row.method, path: row.path),
                        "\(visitor) \(row.method.rawValue) \(row.path) (\(row.route) with a record of another parent): \(res.status.code)")
            }
            let after = try await DatabaseDigest.take(app.db)
            let changed = Set(before.keys).union(after.keys).filter { before[$0] != after[$0] }.sorted()
            #expect(changed.isEmpty, "requests with records of another parent changed \(changed.joined(separator: ", "))")
        }
    }

    static func browser(_ app: Application, _ visitor: Visitor) async throws -> Browser {
        guard let email = visitor.email else { return Browser(app) }
        return try await Browser.signedIn(app, as: email)
    }

    /// An anonymous post carries only the token the page of the same path hands an anonymous visitor
    /// (the log-in form's cookie, the parent's questionnaire): every other post has none.
    static func anonymousPost(_ app: Application, _ path: String, withToken: Bool, form: [String: String] = [:]) async throws -> TestingHTTPResponse {
        var browser = Browser(app)
        try await browser.refreshToken(path: path)
        return try await browser.post(path, form: form, withToken: withToken)
    }
}

/// One request of the matrix: a registered route with its parameters filled in from the fixture.
struct MatrixRow {
    var method: HTTPMethod
    /// "GET /zorg/clienten/:client", as `AccessMatrix.table` names it.
    var route: String
    var path: String
    var rule: AccessMatrix.Rule
    var position: Int

    /// Who posts in the CSRF test: the most privileged visitor the rule allows.
    var privileged: AccessMatrix.Visitor {
        AccessMatrix.Visitor.byPrivilege.first { rule.access.expected(for: $0, method) == .allowed } ?? .admin
    }

    struct MissingRecord: Error, CustomStringConvertible {
        var description: String
    }

    /// Every route with a rule: the GETs first, then the posts, each destructive kind after the ones it could spoil.
    /// `replacing` puts another value in the parameter at a path prefix (a record under another parent).
    static func all(_ app: Application, _ fixture: MatrixFixture, replacing: [String: String] = [:]) throws -> [MatrixRow] {
        let rules = Dictionary(AccessMatrix.table.enumerated().map { ($1.route, ($0, $1.rule)) }, uniquingKeysWith: { a, _ in a })
        var rows: [MatrixRow] = []
        for route in app.routes.all {
            guard let (position, rule) = rules[AccessMatrix.key(route)] else { continue }  // `complete` names it
            let parts = route.path.map(\.description)
            let filled = try parts.indices.map { i -> String in
                guard parts[i].hasPrefix(":") else { return parts[i] }
                let prefix = "/" + parts[...i].joined(separator: "/")
                if let value = replacing[prefix] { return value }
                guard let name = AccessMatrix.parameters[prefix], let value = fixture.values[name] else {
                    throw MissingRecord(description: "no record for \(prefix) in \(AccessMatrix.key(route))")
                }
                return value
            }
            let query = fixture.values.reduce(rule.query) { $0.replacingOccurrences(of: "{\($1.key)}", with: $1.value) }
            rows.append(MatrixRow(method: route.method, route: AccessMatrix.key(route), path: "/" + filled.joined(separator: "/") + query,
                                  rule: rule, position: position))
        }
        return ordered(rows)
    }

    /// GETs first, then posts by their `Order`, each in the table's order.
    var sortKey: (Int, Int, Int) { (method == .GET ? 0 : 1, rule.order.rawValue, position) }

    static func ordered(_ rows: [MatrixRow]) -> [MatrixRow] {
        rows.sorted { $0.sortKey < $1.sortKey }
    }
}

/// A digest of every table's rows (sessions aside: their clock moves with every request), to show
/// that refused requests wrote nothing. On SQLite the audit file's tables are included.
enum DatabaseDigest {
    static let skipped: Set<String> = ["main._fluent_sessions", "public._fluent_sessions"]

    static func take(_ db: any Database) async throws -> [String: String] {
        guard let sql = db as? any SQLDatabase else { return [:] }
        var digest: [String: String] = [:]
        for table in try await tables(sql) where !skipped.contains(table) {
            let query: SQLQueryString
            if sql.dialect.name == "sqlite" {
                let (schema, name) = split(table)
                let columns = try await sql.raw("SELECT name FROM pragma_table_info('\(unsafeRaw: name)', '\(unsafeRaw: schema)')").all()
                    .map { try $0.decode(column: "name", as: String.self) }
                let row = columns.map { "quote(\"\($0)\")" }.joined(separator: " || '|' || ")
                query = "SELECT \(unsafeRaw: row) AS r FROM \(unsafeRaw: schema).\"\(unsafeRaw: name)\""
            } else {
                query = "SELECT t::text AS r FROM \(unsafeRaw: table) t"
            }
            let rows = try await sql.raw(query).all().map { try $0.decode(column: "r", as: String.self) }
            digest[table] = "\(rows.count) rows, \(rows.sorted().hashValue)"
        }
        return digest
    }

    private static func tables(_ sql: any SQLDatabase) async throws -> [String] {
        guard sql.dialect.name == "sqlite" else {
            return try await sql.raw("SELECT 'public.' || tablename AS t FROM pg_tables WHERE schemaname = 'public'").all()
                .map { try $0.decode(column: "t", as: String.self) }
        }
        var tables: [String] = []
        let schemas = try await sql.raw("SELECT name FROM pragma_database_list").all().map { try $0.decode(column: "name", as: String.self) }
        for schema in schemas where schema != "temp" {
            tables += try await sql.raw("SELECT name FROM \(unsafeRaw: schema).sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all()
                .map { "\(schema).\(try $0.decode(column: "name", as: String.self))" }
        }
        return tables
    }

    private static func split(_ table: String) -> (String, String) {
        let dot = table.firstIndex(of: ".")!
        return (String(table[..<dot]), String(table[table.index(after: dot)...]))
    }
}
