import Fluent
import SQLKit
import Vapor

extension CareClient {
    /// The client by id, read with SQL and decoded column by column instead of through Fluent's
    /// reflection (every care page of one client reads her first). The model is marked as stored,
    /// so `save` updates it. Through `pool` (SQLite's read pool) when given.
    static func read(_ id: UUID, on db: any Database, pool: SQLiteReadPool? = nil) async throws -> CareClient? {
        try await db.readFirst("""
            SELECT id, created_at, code, name, birth_date, municipality_code, expected_birth_date, actual_birth_date, language, \
            closed_at, closed_reason, closed_note, child_code, created_by_organisation_id FROM care_clients WHERE id = \(bind: id)
            """, pool: pool) { row in
            let client = CareClient(
                id: try row.decode(column: "id", as: UUID.self), code: try row.decode(column: "code", as: String.self),
                name: try row.decode(column: "name", as: String.self), birthDate: try row.decode(column: "birth_date", as: Date.self),
                municipalityCode: try row.decode(column: "municipality_code", as: String.self),
                expectedBirthDate: try row.decode(column: "expected_birth_date", as: Date?.self),
                actualBirthDate: try row.decode(column: "actual_birth_date", as: Date?.self),
                language: try row.decode(column: "language", as: String.self),
                createdByOrganisationID: try row.decode(column: "created_by_organisation_id", as: UUID.self))
            client.createdAt = try row.decode(column: "created_at", as: Date?.self)
            client.closedAt = try row.decode(column: "closed_at", as: Date?.self)
            client.closedReason = try row.decode(column: "closed_reason", as: String?.self)
            client.closedNote = try row.decode(column: "closed_note", as: String?.self)
            client.childCode = try row.decode(column: "child_code", as: String?.self)
            client.$id.exists = true
            return client
        }
    }
}
