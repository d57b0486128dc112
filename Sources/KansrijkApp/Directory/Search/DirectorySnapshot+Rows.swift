import Fluent
import Foundation
import SQLKit

/// The directory's large tables read with SQLKit into plain structs. Fluent decodes a model
/// through its property wrappers (reflection per row), which was most of a server start at
/// national scale (40,000 services, a quarter of a million attribute rows); this reads the
/// same columns with the same driver decoders. Both our drivers are SQL databases.
enum DirectoryRows {
    struct ServiceRow {
        var id: UUID
        var organisation_id: UUID
        var name: String
        var alternate_name: String?
        var description: String
        var parent_summary: String?
        var status: ServiceStatus
        var url: String?
        var email: String?
        var phone: String?
        var application_process: String
        var access_route: AccessRoute
        var fees_description: String?
        var eligibility_description: String?
        var minimum_age: Double?
        var maximum_age: Double?
        var capacity: Capacity
        var wait_weeks: Int?
        var updated_at: Date?

        init(_ r: any SQLRow) throws {
            id = try r.decode(column: "id", as: UUID.self)
            organisation_id = try r.decode(column: "organisation_id", as: UUID.self)
            name = try r.decode(column: "name", as: String.self)
            alternate_name = try r.decode(column: "alternate_name", as: String?.self)
            description = try r.decode(column: "description", as: String.self)
            parent_summary = try r.decode(column: "parent_summary", as: String?.self)
            status = try r.decode(column: "status", as: ServiceStatus.self)
            url = try r.decode(column: "url", as: String?.self)
            email = try r.decode(column: "email", as: String?.self)
            phone = try r.decode(column: "phone", as: String?.self)
            application_process = try r.decode(column: "application_process", as: String.self)
            access_route = try r.decode(column: "access_route", as: AccessRoute.self)
            fees_description = try r.decode(column: "fees_description", as: String?.self)
            eligibility_description = try r.decode(column: "eligibility_description", as: String?.self)
            minimum_age = try r.decode(column: "minimum_age", as: Double?.self)
            maximum_age = try r.decode(column: "maximum_age", as: Double?.self)
            capacity = try r.decode(column: "capacity", as: Capacity.self)
            wait_weeks = try r.decode(column: "wait_weeks", as: Int?.self)
            updated_at = try r.decode(column: "updated_at", as: Date?.self)
        }
    }

    struct AttributeRow {
        var service_id: UUID; var taxonomy_term_id: UUID
        init(_ r: any SQLRow) throws {
            service_id = try r.decode(column: "service_id", as: UUID.self)
            taxonomy_term_id = try r.decode(column: "taxonomy_term_id", as: UUID.self)
        }
    }

    struct AreaRow {
        var id: UUID; var service_id: UUID; var municipality_code: String
        init(_ r: any SQLRow) throws {
            id = try r.decode(column: "id", as: UUID.self)
            service_id = try r.decode(column: "service_id", as: UUID.self)
            municipality_code = try r.decode(column: "municipality_code", as: String.self)
        }
    }

    struct LanguageRow {
        var id: UUID; var service_id: UUID; var code: String
        init(_ r: any SQLRow) throws {
            id = try r.decode(column: "id", as: UUID.self)
            service_id = try r.decode(column: "service_id", as: UUID.self)
            code = try r.decode(column: "code", as: String.self)
        }
    }

    struct ContactRow {
        var id: UUID; var service_id: UUID; var name: String; var title: String?; var email: String?; var phone: String?
        init(_ r: any SQLRow) throws {
            id = try r.decode(column: "id", as: UUID.self)
            service_id = try r.decode(column: "service_id", as: UUID.self)
            name = try r.decode(column: "name", as: String.self)
            title = try r.decode(column: "title", as: String?.self)
            email = try r.decode(column: "email", as: String?.self)
            phone = try r.decode(column: "phone", as: String?.self)
        }
    }

    struct PlaceLinkRow {
        var id: UUID; var service_id: UUID; var location_id: UUID
        init(_ r: any SQLRow) throws {
            id = try r.decode(column: "id", as: UUID.self)
            service_id = try r.decode(column: "service_id", as: UUID.self)
            location_id = try r.decode(column: "location_id", as: UUID.self)
        }
    }

    struct OrganisationRow {
        var id: UUID; var name: String; var municipality_code: String
        init(_ r: any SQLRow) throws {
            id = try r.decode(column: "id", as: UUID.self)
            name = try r.decode(column: "name", as: String.self)
            municipality_code = try r.decode(column: "municipality_code", as: String.self)
        }
    }

    struct LocationRow {
        var id: UUID; var name: String; var is_virtual: Bool; var street: String?; var postal_code: String?; var city: String?
        var municipality_code: String?; var latitude: Double?; var longitude: Double?; var accessibility: String?
        init(_ r: any SQLRow) throws {
            id = try r.decode(column: "id", as: UUID.self)
            name = try r.decode(column: "name", as: String.self)
            is_virtual = try r.decode(column: "is_virtual", as: Bool.self)
            street = try r.decode(column: "street", as: String?.self)
            postal_code = try r.decode(column: "postal_code", as: String?.self)
            city = try r.decode(column: "city", as: String?.self)
            municipality_code = try r.decode(column: "municipality_code", as: String?.self)
            latitude = try r.decode(column: "latitude", as: Double?.self)
            longitude = try r.decode(column: "longitude", as: Double?.self)
            accessibility = try r.decode(column: "accessibility", as: String?.self)
        }
    }

    static let locationColumns = ["id", "name", "is_virtual", "street", "postal_code", "city", "municipality_code", "latitude", "longitude", "accessibility"]

    static let serviceColumns = [
        "id", "organisation_id", "name", "alternate_name", "description", "parent_summary", "status", "url", "email", "phone",
        "application_process", "access_route", "fees_description", "eligibility_description", "minimum_age", "maximum_age",
        "capacity", "wait_weeks", "updated_at",
    ]

    static func sql(_ db: any Database) throws -> any SQLDatabase {
        guard let sql = db as? any SQLDatabase else { throw DirectoryRowsError.notSQL }
        return sql
    }

    /// Every row of `table`'s `columns`, each decoded by `decode` column by column. On SQLite through
    /// the read pool (`pool`, ADR 0020): rows decoded straight from SQLite's columns, not through a
    /// `Decodable` container per row; a national start-up reads 400,000 of them.
    static func all<Row>(_ db: any Database, pool: SQLiteReadPool?, _ table: String, _ columns: [String],
                         _ decode: (any SQLRow) throws -> Row) async throws -> [Row] {
        try await db.readAll("SELECT \(idents: columns, joinedBy: ", ") FROM \(ident: table)", pool: pool, decode)
    }
}

enum DirectoryRowsError: Error, CustomStringConvertible {
    case notSQL
    var description: String { "the directory needs an SQL database (SQLite or PostgreSQL)" }
}
