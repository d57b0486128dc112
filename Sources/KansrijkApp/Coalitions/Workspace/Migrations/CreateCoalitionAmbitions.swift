import Fluent

struct CreateCoalitionAmbitions: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Ambition.schema)
            .id()
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .field("coalition_id", .uuid, .required, .references(Coalition.schema, .id, onDelete: .cascade))
            .field("phase", .string, .required)
            .field("title", .string, .required)
            .field("description", .string, .required)
            .field("indicators", .string, .required)
            .field("position", .int, .required)
            .create()
        try await database.schema(AmbitionGoal.schema)
            .id()
            .field("ambition_id", .uuid, .required, .references(Ambition.schema, .id, onDelete: .cascade))
            .field("title", .string, .required)
            .field("measure", .string, .required)
            .field("position", .int, .required)
            .create()
        try await database.schema(AmbitionActivity.schema)
            .id()
            .field("updated_at", .datetime)
            .field("ambition_id", .uuid, .required, .references(Ambition.schema, .id, onDelete: .cascade))
            .field("goal_id", .uuid, .references(AmbitionGoal.schema, .id, onDelete: .setNull))
            .field("owner_id", .uuid, .references(CoalitionPartner.schema, .id, onDelete: .setNull))
            .field("title", .string, .required)
            .field("status", .string, .required)
            .field("starts_on", .datetime, .required)
            .field("ends_on", .datetime)
            .create()
        try await database.schema(AmbitionService.schema)
            .id()
            .field("ambition_id", .uuid, .required, .references(Ambition.schema, .id, onDelete: .cascade))
            .field("service_id", .uuid, .required, .references(Service.schema, .id, onDelete: .cascade))
            .unique(on: "ambition_id", "service_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(AmbitionService.schema).delete()
        try await database.schema(AmbitionActivity.schema).delete()
        try await database.schema(AmbitionGoal.schema).delete()
        try await database.schema(Ambition.schema).delete()
    }
}
