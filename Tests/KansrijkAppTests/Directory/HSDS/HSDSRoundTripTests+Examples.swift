import Foundation
import Testing
import Vapor
@testable import KansrijkApp

/// Issue #16, "lose nothing": every official example that holds organisations or services goes in,
/// and every non-empty value comes back at the same place, on the API and in the export.
@Suite("HSDS round trip: the official examples, value by value", .serialized)
struct HSDSExampleRoundTripTests {
    /// The official examples (`shared/standards/hsds-3.0/examples`) that hold directory records.
    static let directoryRecords = ["organization_full.json", "organization_list.json", "service_full.json", "service_list.json",
                                   "service_at_location_full.json", "service_at_location_list.json"]
    /// The other examples, and why they are no directory records of their own.
    static let notDirectoryRecords = [
        "base.json": "the API root (`/`: version, profile, openapi_url), checked by the API tests",
        "taxonomy.json": "a taxonomy: it comes in with the attributes of a service, not on its own",
        "taxonomy_list.json": "a page of taxonomies, as above",
        "taxonomy_term.json": "a taxonomy term, as above",
        "taxonomy_term_list.json": "a page of taxonomy terms, as above",
        "tabular.json": "the description of the CSV data package, whose round trip HSDSDataPackageRoundTripTests proves",
        "location.json": "a location on its own names no organisation (our model needs one); the same location, values and all, is nested in organization_full.json, which is tested here",
    ]

    /// An official example by name: the fixtures keep the examples the tests use, unchanged.
    static func example(_ name: String) throws -> JSONValue {
        let root = hsdsFixtures.appendingPathComponent(name)
        let url = FileManager.default.fileExists(atPath: root.path) ? root : hsdsFixtures.appendingPathComponent("official/\(name)")
        return try JSONValue.parse(Data(contentsOf: url))
    }

    /// The records of a file: a page's `contents`, else the one record.
    static func records(_ file: JSONValue) -> [JSONValue] { file["contents"]?.arrayValue ?? [file] }

    @Test("every example is classified: the directory records are tested, the others say why not")
    func classification() throws {
        let shared = URL(fileURLWithPath: packageRoot).deletingLastPathComponent().appendingPathComponent("shared/standards/hsds-3.0/examples")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: shared.path))?.filter { $0.hasSuffix(".json") } ?? []
        for name in names {
            #expect(Self.directoryRecords.contains(name) || Self.notDirectoryRecords[name] != nil, "\(name) is not classified")
        }
        for name in Self.directoryRecords { #expect(!Self.records(try Self.example(name)).isEmpty, "\(name)") }
    }

    @Test("import, then the API record and the export hold every value of the file", arguments: directoryRecords)
    func official(name: String) async throws {
        try await withApp(demo: false) { app in
            // setup
            let file = try Self.example(name)
            let path = try hsdsTemporaryFile(try file.data(), name: name)
            // act
            let report = try await HSDSImporter(app: app).run(path: path)
            // check
            #expect(report.outcome == .imported, "\(report.text)")
            let exported = try await HSDSExporter.organizationRecords(app)
            var misses: [String] = []
            for record in Self.records(file) {
                misses += try await HSDSRoundTrip.apiMisses(record, app: app)
                misses += HSDSRoundTrip.exportMisses(record, exported: exported)
            }
            #expect(misses.isEmpty, "\(name): \(misses.count) values lost:\n\(misses.joined(separator: "\n"))")
            let again = try await HSDSImporter(app: app).run(path: path)
            #expect(again.outcome == .imported && !again.changed, "\(again.text)")
        }
    }
}

/// Where each kind of record comes back, and what of it is missing there.
enum HSDSRoundTrip {
    enum Kind { case organization, service, serviceAtLocation }

    static func kind(_ record: JSONValue) -> Kind {
        if record["name"] == nil, record["service"]?.objectValue != nil { return .serviceAtLocation }
        let serviceKeys = ["status", "organization", "organization_id", "service_areas", "service_at_locations", "application_process"]
        return serviceKeys.contains { record[$0] != nil } ? .service : .organization
    }

    static func id(_ record: JSONValue?) -> String { record?["id"]?.stringValue?.lowercased() ?? "" }

    /// The record as the API serves it at its own `/{id}`, compared with the input.
    static func apiMisses(_ record: JSONValue, app: Application) async throws -> [String] {
        let path: String
        switch kind(record) {
        case .organization: path = "/api/hsds/organizations/\(id(record))?full_service=true"
        case .service: path = "/api/hsds/services/\(id(record))"
        case .serviceAtLocation: path = "/api/hsds/service_at_locations/\(id(record))"
        }
        let response = try await app.hsdsGet(path)
        guard response.status == .ok else { return ["GET \(path): \(response.status)"] }
        return HSDSValueComparison.misses(record, try JSONValue.parse(response.body), path: "GET \(path) ")
    }

    /// The record inside the export (organisations, their services, their links to locations).
    static func exportMisses(_ record: JSONValue, exported: [JSONValue]) -> [String] {
        func organization(_ id: String) -> JSONValue? { exported.first { self.id($0) == id } }
        func service(_ id: String) -> JSONValue? {
            exported.lazy.compactMap { $0["services"]?.arrayValue?.first { self.id($0) == id } }.first
        }
        switch kind(record) {
        case .organization:
            return HSDSValueComparison.misses(record, organization(id(record)), path: "export ")
        case .service:
            // in the export a service sits in its organisation, which is therefore not repeated in it
            var misses = HSDSValueComparison.misses(without(record, "organization"), service(id(record)), path: "export service ")
            if let nested = record["organization"] {
                misses += HSDSValueComparison.misses(nested, organization(id(nested)), path: "export organization ")
            }
            return misses
        case .serviceAtLocation:
            let link = service(id(record["service"]))?["service_at_locations"]?.arrayValue?.first { id($0) == id(record) }
            return HSDSValueComparison.misses(without(record, "service"), link, path: "export service_at_location ")
                + exportMisses(record["service"] ?? .null, exported: exported)
        }
    }

    static func without(_ record: JSONValue, _ key: String) -> JSONValue {
        guard case .object(var object) = record else { return record }
        object[key] = nil
        return .object(object)
    }
}
