import Foundation
import Testing
import Vapor
@testable import KansrijkApp

/// Every query parameter of every operation in the official HSDS 3.0 `openapi.json` (a copy in
/// Fixtures/hsds/official), sent with values of the wrong kind, is a 400 problem that names it
/// (issue 16: `full=foo`, `minimal=3`, `top_only=x` answered 200).
@Suite("HSDS API: wrong-typed parameters of the official operations")
struct HSDSParameterTests {
    /// Wrong values for each parameter the official document declares, by name. Empty: any text
    /// is a valid value (free text).
    static let wrongValues: [String: [String]] = [
        "page": ["abc", "1.5", "0", "-3", ""],
        "per_page": ["-1", "veel", "0", "201", "2.0"],
        "full": ["foo", "1", "", "TRUE"],
        "minimal": ["3", "ja", ""],
        "full_service": ["misschien", "0"],
        "top_only": ["x", "yes", ""],
        "modified_after": ["gisteren", "2025-13-01", "31-01-2025"],
        "taxonomy_term_id": ["12"],
        "taxonomy_id": ["x"],
        "organization_id": ["abc"],
        "parent_id": ["1"],
        "format": ["xml", "ndjson"],
        "postcode": ["3701 AB"],
        "proximity": ["500"],
        "search": [],
    ]

    /// GET operations of the official document with their query parameters, `$ref`s resolved.
    static func officialOperations() throws -> [(path: String, parameters: [String])] {
        let data = try Data(contentsOf: hsdsFixtures.appendingPathComponent("official/openapi.json"))
        let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        let shared = ((document["components"] as? [String: Any])?["parameters"] as? [String: [String: Any]]) ?? [:]
        return try paths.keys.sorted().map { path in
            let get = try #require(paths[path]?["get"] as? [String: Any], "\(path) has no GET")
            let parameters = (get["parameters"] as? [[String: Any]] ?? []).compactMap { p -> [String: Any]? in
                guard let ref = p["$ref"] as? String else { return p }
                return shared[String(ref.split(separator: "/").last ?? "")]
            }
            return (path, parameters.filter { $0["in"] as? String == "query" }.compactMap { $0["name"] as? String })
        }
    }

    /// The official path with `{id}` replaced by a real id of the demo data.
    func concrete(_ path: String, _ app: Application) async throws -> String {
        guard path.hasSuffix("/{id}") else { return "/api/hsds" + path }
        let list = "/api/hsds" + path.dropLast("/{id}".count)
        let page = try await app.hsdsGet(list + "?per_page=1")
        let first = try #require((page.json["contents"] as? [[String: Any]])?.first?["id"] as? String, "\(list) lists nothing")
        return list + "/" + first
    }

    @Test("the official document declares no query parameter this test has no wrong values for")
    func everyParameterKnown() throws {
        let declared = Set(try Self.officialOperations().flatMap(\.parameters))
        #expect(declared.count >= 14)
        #expect(declared.subtracting(Self.wrongValues.keys).isEmpty)
    }

    @Test("each wrong value of each parameter of each operation is a 400 problem naming the parameter")
    func wrongTyped() async throws {
        try await withApp { app in
            var sent = 0
            for (path, parameters) in try Self.officialOperations() {
                let target = try await concrete(path, app)
                for name in parameters {
                    for value in Self.wrongValues[name] ?? [] {
                        let encoded = value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? value
                        let detail = try await app.hsdsProblem("\(target)?\(name)=\(encoded)", .badRequest)
                        #expect(detail.contains(name), "\(path)?\(name)=\(value): \(detail)")
                        sent += 1
                    }
                }
            }
            #expect(sent > 60)
        }
    }

    @Test("a parameter given as a list, or without a value, is a 400 naming it", arguments: [
        ("/api/hsds/services?page%5B%5D=1", "page"), ("/api/hsds/services?full%5Ba%5D=1", "full"),
        ("/api/hsds/taxonomy_terms?top_only", "top_only"), ("/api/hsds/organizations?full_service%5B%5D=true", "full_service"),
    ])
    func unreadable(path: String, names parameter: String) async throws {
        try await withApp { app in
            let detail = try await app.hsdsProblem(path, .badRequest)
            #expect(detail.contains("parameter \(parameter)"), "\(detail)")
        }
    }

    @Test("right values are accepted: format=json, minimal, false flags and free text")
    func rightValues() async throws {
        try await withApp { app in
            let plain = try await app.hsdsGet("/api/hsds/services?per_page=5")
            for query in ["format=json", "minimal=true", "minimal=false", "full=false", "search=", "format="] {
                let res = try await app.hsdsGet("/api/hsds/services?per_page=5&\(query)")
                #expect(res.status == .ok, "\(query)")
                #expect(try JSONValue.parse(res.body) == JSONValue.parse(plain.body), "\(query)")
            }
            for path in ["/api/hsds/taxonomy_terms?top_only=false&format=json", "/api/hsds/organizations?full=false&full_service=false",
                         "/api/hsds/service_at_locations?full=false&postcode=&format=json", "/api/hsds/taxonomies?format=json"] {
                #expect(try await app.hsdsGet(path).status == .ok, "\(path)")
            }
        }
    }

    @Test("full=true nests every list item exactly as its own /{id} does")
    func fullLists() async throws {
        try await withApp { app in
            for (list, detailQuery) in [("/api/hsds/services?full=true", ""), ("/api/hsds/service_at_locations?full=true", ""),
                                        ("/api/hsds/organizations?full=true", ""), ("/api/hsds/organizations?full_service=true", "?full_service=true")] {
                let page = try JSONValue.parse(try await app.hsdsGet(list + "&per_page=4").body)
                let items = try #require(page["contents"]?.arrayValue)
                #expect(items.count == 4, "\(list)")
                let base = String(list.prefix { $0 != "?" })
                for item in items {
                    let id = try #require(item["id"]?.stringValue)
                    let detail = try JSONValue.parse(try await app.hsdsGet("\(base)/\(id)\(detailQuery)").body)
                    #expect(item == detail, "\(list): item \(id) differs from its detail")
                }
            }
            let summary = try JSONValue.parse(try await app.hsdsGet("/api/hsds/organizations?per_page=1").body)
            #expect(summary["contents"]?.arrayValue?.first?["services"] == nil)
        }
    }
}
