import Foundation
import Vapor

/// Writes the directory as HSDS: every organisation fully nested with its locations and full
/// services (what `/organizations/{id}?full_service=true` serves), as JSON or as a tabular
/// data package. Output is sorted and stable, so two exports of the same data are identical.
struct HSDSExporter {
    let builder: HSDSBuilder

    /// The exporter over the directory as the database holds it now.
    static func load(_ app: Application) async throws -> HSDSExporter {
        try await app.directory.reload(on: app.db)
        let snapshot = app.directory.snapshot
        return HSDSExporter(builder: HSDSBuilder(snapshot: snapshot, catalog: try await HSDSCatalog.load(snapshot: snapshot, on: app.db)))
    }

    var organizations: [HSDSOrganization] {
        builder.catalog.organisations.map { builder.fullOrganization($0, fullServices: true) }
    }

    func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(organizations) + Data("\n".utf8)
    }
}
