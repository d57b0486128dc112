import Fluent
import Foundation
import SQLKit

/// The directory's large tables read with SQLKit into plain structs. Fluent decodes a model
/// through its property wrappers (reflection per row), which was most of a server start at
/// national scale (40,000 services, a quarter of a million attribute rows); this reads the
/// same columns with the same driver decoders. Both our drivers are SQL databases.
enum DirectoryRows {
    struct ServiceRow: Decodable {
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
    }

    struct AttributeRow: Decodable { var service_id: UUID; var taxonomy_term_id: UUID }
    struct AreaRow: Decodable { var id: UUID; var service_id: UUID; var municipality_code: String }
    struct LanguageRow: Decodable { var id: UUID; var service_id: UUID; var code: String }
    struct ContactRow: Decodable { var id: UUID; var service_id: UUID; var name: String; var title: String?; var email: String?; var phone: String? }
    struct PlaceLinkRow: Decodable { var id: UUID; var service_id: UUID; var location_id: UUID }

    static let serviceColumns = [
        "id", "organisation_id", "name", "alternate_name", "description", "parent_summary", "status", "url", "email", "phone",
        "application_process", "access_route", "fees_description", "eligibility_description", "minimum_age", "maximum_age",
        "capacity", "wait_weeks", "updated_at",
    ]

    static func sql(_ db: any Database) throws -> any SQLDatabase {
        guard let sql = db as? any SQLDatabase else { throw DirectoryRowsError.notSQL }
        return sql
    }

    static func all<Row: Decodable>(_ sql: any SQLDatabase, _ table: String, _ columns: [String], as _: Row.Type) async throws -> [Row] {
        try await sql.select().columns(columns.map { SQLIdentifier($0) }).from(table).all(decoding: Row.self)
    }
}

enum DirectoryRowsError: Error, CustomStringConvertible {
    case notSQL
    var description: String { "the directory needs an SQL database (SQLite or PostgreSQL)" }
}
