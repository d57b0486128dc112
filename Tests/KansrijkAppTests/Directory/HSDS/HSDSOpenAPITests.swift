import Foundation
import Testing
import Vapor
@testable import KansrijkApp

@Suite("HSDS OpenAPI document")
struct HSDSOpenAPITests {
    func document(_ app: Application) async throws -> [String: Any] {
        let res = try await app.hsdsGet("/api/openapi.json")
        #expect(res.status == .ok && res.contentType.hasPrefix("application/json"))
        return res.json
    }

    /// `/api/hsds/services/{id}` for the route `api/hsds/services/:id`, without a trailing slash.
    func documentPath(_ route: Route) -> String {
        "/" + route.path.map { $0.description.hasPrefix(":") ? "{\($0.description.dropFirst())}" : $0.description }.joined(separator: "/")
    }

    func withoutTrailingSlash(_ path: String) -> String { path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path }

    /// Every `$ref` value anywhere in the document.
    func references(in node: Any) -> [String] {
        if let object = node as? [String: Any] {
            let own = (object["$ref"] as? String).map { [$0] } ?? []
            return own + object.values.flatMap(references)
        }
        return (node as? [Any])?.flatMap(references) ?? []
    }

    @Test("every route under /api/ is in the document's paths with its method, and every path is a route")
    func complete() async throws {
        try await withApp { app in
            // setup
            let paths = try #require(try await document(app)["paths"] as? [String: [String: Any]])
            let documented = Dictionary(uniqueKeysWithValues: paths.map { (withoutTrailingSlash($0.key), $0.value) })
            // act
            let routes = app.routes.all.filter { $0.path.first?.description == "api" }
            // check
            #expect(Set(routes.map(documentPath)) == Set(documented.keys))
            for route in routes {
                #expect(documented[documentPath(route)]?[route.method.rawValue.lowercased()] != nil, "\(route.method) \(documentPath(route)) is not documented")
            }
        }
    }

    @Test("local references resolve, and the phase and theme lists are our vocabularies")
    func truthful() async throws {
        try await withApp { app in
            let doc = try await document(app)
            let local = references(in: doc).filter { $0.hasPrefix("#/") }
            #expect(!local.isEmpty)
            for ref in local {
                let target = ref.dropFirst(2).split(separator: "/").reduce(doc as Any?) { node, key in (node as? [String: Any])?[String(key)] }
                #expect(target != nil, "\(ref) does not resolve")
            }
            #expect(references(in: doc).filter { !$0.hasPrefix("#/") }.allSatisfy { $0.hasPrefix("https://raw.githubusercontent.com/openreferral/specification/3.0/schema/") })
            let parameters = try #require((doc["components"] as? [String: Any])?["parameters"] as? [String: [String: Any]])
            func schema(_ name: String) -> [String: Any]? { parameters[name]?["schema"] as? [String: Any] }
            #expect(schema("phase")?["enum"] as? [String] == Term.phases.map(\.code))
            #expect(schema("theme")?["enum"] as? [String] == Term.themes.map(\.code))
            #expect(schema("per_page")?["maximum"] as? Int == HSDSPaging.maxPerPage)
            #expect(schema("per_page")?["default"] as? Int == HSDSPaging.defaultPerPage)
        }
    }
}
