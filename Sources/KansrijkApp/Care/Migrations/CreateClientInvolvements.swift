import Fluent

struct CreateClientInvolvements: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ClientInvolvement.schema)
            .id()
            .field("client_id", .uuid, .required, .references(CareClient.schema, .id, onDelete: .cascade))
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, .id))
            .field("reason", .string, .required)
            .field("since", .datetime, .required)
            .field("until", .datetime)
            .field("consent_id", .uuid)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ClientInvolvement.schema).delete()
    }
}
