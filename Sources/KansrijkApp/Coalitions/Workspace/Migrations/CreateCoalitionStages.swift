import Fluent

struct CreateCoalitionStages: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(StageMilestone.schema)
            .id()
            .field("created_at", .datetime)
            .field("coalition_id", .uuid, .required, .references(Coalition.schema, .id, onDelete: .cascade))
            .field("stage", .string, .required)
            .field("reached_on", .datetime, .required)
            .field("evidence", .string, .required)
            .unique(on: "coalition_id", "stage")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(StageMilestone.schema).delete()
    }
}
