import Fluent

struct CreateCoalitionPartners: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(CoalitionPartner.schema)
            .id()
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .field("coalition_id", .uuid, .required, .references(Coalition.schema, .id, onDelete: .cascade))
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, .id))
            .field("domain", .string, .required)
            .field("circle", .string, .required)
            .field("role", .string)
            .field("contacts", .string, .required)
            .field("wants", .string, .required)
            .field("brings", .string, .required)
            .field("joined_on", .datetime, .required)
            .field("left_on", .datetime)
            // an organisation is a partner once; leaving and rejoining edits the same row
            .unique(on: "coalition_id", "organisation_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(CoalitionPartner.schema).delete()
    }
}
