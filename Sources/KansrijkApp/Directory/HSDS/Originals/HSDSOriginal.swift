import Fluent
import Foundation

/// One HSDS record as an import received it (issue #16, "lose nothing", ADR 0035): the original
/// JSON, and what our builder made of the record right after that import (the baseline). The API
/// and the export merge the original back over what we build, so fields our model has no place
/// for come back; the baseline tells an edit in the product apart from our own formatting.
final class HSDSOriginal: Model, @unchecked Sendable {
    static let schema = "hsds_originals"

    enum Kind: String, Sendable, CaseIterable { case organization, service, location }

    // managed fields
    @ID(key: .id) var id: UUID?

    // data fields
    /// `Kind` raw value.
    @Field(key: "kind") var kind: String
    /// The id of the organisation, service or location (the HSDS id, a UUID).
    @Field(key: "record_id") var recordID: UUID
    /// The record as it came in (JSON text, keys sorted).
    @Field(key: "json") var json: String
    /// What our builder made of the record right after the import (JSON text, keys sorted).
    @OptionalField(key: "baseline") var baseline: String?
    /// A service's own service_at_location ids with their location ids ("link=location", comma
    /// separated), so the catalog finds them without reading the JSON.
    @OptionalField(key: "links") var links: String?
    @Field(key: "imported_at") var importedAt: Date

    init() {}

    init(kind: Kind, recordID: UUID, json: String, baseline: String?, links: String?, importedAt: Date) {
        self.kind = kind.rawValue
        self.recordID = recordID
        self.json = json
        self.baseline = baseline
        self.links = links
        self.importedAt = importedAt
    }
}

/// The table of kept originals, one row per (kind, record_id).
struct CreateHSDSOriginals: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(HSDSOriginal.schema)
            .id()
            .field("kind", .string, .required)
            .field("record_id", .uuid, .required)
            .field("json", .string, .required)
            .field("baseline", .string)
            .field("links", .string)
            .field("imported_at", .datetime, .required)
            .unique(on: "kind", "record_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(HSDSOriginal.schema).delete()
    }
}
