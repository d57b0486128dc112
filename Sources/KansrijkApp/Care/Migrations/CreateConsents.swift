import Fluent

struct CreateConsents: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Consent.schema)
            .id()
            .field("created_at", .datetime)
            .field("client_id", .uuid, .required, .references(CareClient.schema, .id, onDelete: .cascade))
            .field("given_by", .string, .required)
            .field("purposes", .array(of: .string), .required)
            .field("valid_from", .datetime, .required)
            .field("valid_until", .datetime)
            .field("recorded_how", .string, .required)
            .field("recorded_by_id", .uuid, .required, .references(User.schema, .id))
            .field("withdrawn_at", .datetime)
            .field("withdrawn_by_id", .uuid, .references(User.schema, .id))
            .create()
        try await database.schema(ConsentOrganisation.schema)
            .id()
            .field("consent_id", .uuid, .required, .references(Consent.schema, .id, onDelete: .cascade))
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, .id))
            .unique(on: "consent_id", "organisation_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ConsentOrganisation.schema).delete()
        try await database.schema(Consent.schema).delete()
    }
}
