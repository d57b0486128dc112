import Fluent

struct CreateCareClients: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(CareClient.schema)
            .id()
            .field("created_at", .datetime)
            .field("code", .string, .required)
            .field("name", .string, .required)
            .field("birth_date", .datetime, .required)
            .field("municipality_code", .string, .required, .references(Municipality.schema, .id))
            .field("expected_birth_date", .datetime)
            .field("actual_birth_date", .datetime)
            .field("language", .string, .required)
            .field("closed_at", .datetime)
            .field("created_by_organisation_id", .uuid, .required, .references(Organisation.schema, .id))
            .unique(on: "code")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(CareClient.schema).delete()
    }
}
