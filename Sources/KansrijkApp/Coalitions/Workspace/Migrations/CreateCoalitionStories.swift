import Fluent

struct CreateCoalitionStories: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(CoalitionStory.schema)
            .id()
            .field("created_at", .datetime)
            .field("coalition_id", .uuid, .required, .references(Coalition.schema, .id, onDelete: .cascade))
            .field("partner_id", .uuid, .references(CoalitionPartner.schema, .id, onDelete: .setNull))
            .field("recorded_by_id", .uuid, .references(User.schema, .id, onDelete: .setNull))
            .field("title", .string, .required)
            .field("body", .string, .required)
            .field("teller", .string, .required)
            .field("phase", .string)
            .field("theme", .string)
            .field("told_on", .datetime, .required)
            .field("consent_on", .datetime, .required)
            .field("consent_form", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(CoalitionStory.schema).delete()
    }
}
