import Fluent
import Foundation

/// A service area that is not a Dutch municipality, kept as HSDS gave it (issue #16, ADR 0034): an
/// import no longer refuses "Greater London" or "Regio Utrecht-West", and the API and export return it
/// at its place in `service_areas`.
final class ServiceAreaText: Model, @unchecked Sendable {
    static let schema = "service_area_texts"

    // managed fields
    @ID(key: .id) var id: UUID?

    // relationships
    @Parent(key: "service_id") var service: Service

    // data fields
    /// The HSDS `service_area.id` as it came in.
    @Field(key: "area_id") var areaID: String
    /// Index in the service's `service_areas` as it came in.
    @Field(key: "position") var position: Int
    @OptionalField(key: "name") var name: String?
    @OptionalField(key: "description") var description: String?
    @OptionalField(key: "extent") var extent: String?
    @OptionalField(key: "extent_type") var extentType: String?
    @OptionalField(key: "uri") var uri: String?

    init() {}

    init(serviceID: UUID, value: Value) {
        self.$service.id = serviceID
        (areaID, position, name, description, extent, extentType, uri) =
            (value.areaID, value.position, value.name, value.description, value.extent, value.extentType, value.uri)
    }

    /// The kept fields, for comparing an import with what is stored and for the snapshot.
    struct Value: Sendable, Equatable, Hashable {
        var areaID: String
        var position: Int
        var name: String?
        var description: String?
        var extent: String?
        var extentType: String?
        var uri: String?
    }

    var value: Value { Value(areaID: areaID, position: position, name: name, description: description, extent: extent, extentType: extentType, uri: uri) }

    /// Every kept area per service, in file order.
    static func byService(on db: any Database) async throws -> [UUID: [Value]] {
        let rows = try await ServiceAreaText.query(on: db).all()
        return Dictionary(grouping: rows, by: { $0.$service.id }).mapValues { $0.map(\.value).sorted { $0.position < $1.position } }
    }

    /// Replaces the kept areas of one service.
    static func replace(serviceID: UUID, with values: [Value], on db: any Database) async throws {
        try await ServiceAreaText.query(on: db).filter(\.$service.$id == serviceID).delete()
        for v in values { try await ServiceAreaText(serviceID: serviceID, value: v).create(on: db) }
    }
}

struct CreateServiceAreaTexts: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ServiceAreaText.schema)
            .id()
            .field("service_id", .uuid, .required, .references(Service.schema, .id, onDelete: .cascade))
            .field("area_id", .string, .required)
            .field("position", .int, .required)
            .field("name", .string)
            .field("description", .string)
            .field("extent", .string)
            .field("extent_type", .string)
            .field("uri", .string)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ServiceAreaText.schema).delete()
    }
}
