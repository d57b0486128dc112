import Foundation
import Vapor

/// Writes the directory as HSDS: every organisation fully nested with its locations and full
/// services (what `/organizations/{id}?full_service=true` serves), as JSON or as a tabular
/// data package. Output is sorted and stable, so two exports of the same data are identical.
struct HSDSExporter {
    let builder: HSDSBuilder

    /// The exporter over the directory as the database holds it now.
    static func load(_ app: Application) async throws -> HSDSExporter {
        // a whole-directory read: the replica when there is one (ADR 0043)
        let db = app.readDB
        try await app.directory.reload(on: db)
        let snapshot = app.directory.snapshot
        return HSDSExporter(builder: HSDSBuilder(snapshot: snapshot, catalog: try await HSDSCatalog.load(snapshot: snapshot, on: db)))
    }

    var organizations: [HSDSOrganization] {
        builder.catalog.organisations.map { builder.fullOrganization($0, fullServices: true) }
    }

    /// Each organisation as `/organizations/{id}?full_service=true` answers it, kept originals
    /// merged back (contract A of issue 16; the CSV package flattens these).
    func organizationRecords() throws -> [JSONValue] {
        let encoder = JSONEncoder()
        return try organizations.map { try JSONValue.parse(encoder.encode($0)) }
    }

    /// The records of the directory as the database holds it now.
    static func organizationRecords(_ app: Application) async throws -> [JSONValue] {
        try await load(app).organizationRecords()
    }

    func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(organizations) + Data("\n".utf8)
    }
}
