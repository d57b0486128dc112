import Foundation
import Testing
import Vapor
@testable import KansrijkApp

/// What our HSDS API serves for the demo data, checked record by record with the product's own
/// `HSDSSchemaValidator` against the official HSDS 3.0 schemas (the browser part checks the same
/// responses with Python's jsonschema and Schemathesis; this one runs with `swift test`).
@Suite("HSDS API: responses valid against the HSDS 3.0 schemas")
struct HSDSSchemaConformanceTests {
    /// Every item of every page of a list.
    func allItems(_ app: Application, _ list: String) async throws -> [JSONValue] {
        var items: [JSONValue] = []
        var page = 1
        while true {
            let body = try JSONValue.parse(try await app.hsdsGet("\(list)\(list.contains("?") ? "&" : "?")per_page=200&page=\(page)").body)
            items += body["contents"]?.arrayValue ?? []
            guard body["last_page"] == .bool(false) else { return items }
            page += 1
        }
    }

    func errors(_ validator: HSDSSchemaValidator, _ value: JSONValue, _ record: HSDSSchemaValidator.Record, _ path: String) -> [String] {
        var found = validator.validate(value, as: record, at: path).map(\.description)
        // the official organization.json has no `services`, and service_at_location.json no `service`:
        // ours carry them (as compiled/organization.json and our detail do), so each is checked as a service
        for (key, nested) in [("services", value["services"]), ("service", value["service"])] {
            switch nested {
            case .array(let list)?:
                for (i, s) in list.enumerated() { found += validator.validate(s, as: .service, at: "\(path).\(key)[\(i)]").map(\.description) }
            case .object?:
                found += validator.validate(nested ?? .null, as: .service, at: "\(path).\(key)").map(\.description)
            default:
                break
            }
        }
        return found
    }

    @Test("lists and details of services, organizations, service_at_locations, taxonomies and terms")
    func demoData() async throws {
        try await withApp { app in
            // setup
            let validator = try HSDSSchemaValidator.load(root: app.settings.rootDirectory)
            let lists: [(String, HSDSSchemaValidator.Record, String)] = [
                ("/api/hsds/services", .service, ""), ("/api/hsds/organizations", .organization, "?full_service=true"),
                ("/api/hsds/service_at_locations", .serviceAtLocation, ""), ("/api/hsds/taxonomies", .taxonomy, ""),
                ("/api/hsds/taxonomy_terms", .taxonomyTerm, ""),
            ]
            var checked = 0
            var problems: [String] = []
            for (list, record, detailQuery) in lists {
                // act
                let items = try await allItems(app, list)
                #expect(!items.isEmpty, "\(list) lists nothing")
                for (i, item) in items.enumerated() {
                    problems += errors(validator, item, record, "\(list)[\(i)]")
                    let id = try #require(item["id"]?.stringValue)
                    let detail = try JSONValue.parse(try await app.hsdsGet("\(list)/\(id)\(detailQuery)").body)
                    problems += errors(validator, detail, record, "\(list)/\(id)")
                    checked += 2
                }
            }
            // check
            #expect(problems.isEmpty, "\(problems.prefix(20).joined(separator: "\n"))")
            #expect(checked > 100)
        }
    }

    @Test("the validator would notice: a served service with its status removed is reported")
    func notices() async throws {
        try await withApp { app in
            let validator = try HSDSSchemaValidator.load(root: app.settings.rootDirectory)
            let first = try #require(try await allItems(app, "/api/hsds/services").first)
            var broken = try JSONValue.parse(try await app.hsdsGet("/api/hsds/services/\(first["id"]?.stringValue ?? "")").body)
            #expect(validator.validate(broken, as: .service).isEmpty)
            if case .object(var members) = broken { members["status"] = nil; broken = .object(members) }
            #expect(validator.validate(broken, as: .service).map(\.path) == ["status"])
        }
    }
}
