import Fluent

struct CreateLocalIndicatorOwners: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(LocalIndicatorOwner.schema)
            .id()
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .field("indicator_code", .string, .required, .references(Indicator.schema, .id, onDelete: .cascade))
            .field("coalition_id", .uuid, .required, .references(Coalition.schema, .id, onDelete: .cascade))
            .field("created_by", .uuid, .references(User.schema, .id, onDelete: .setNull))
            .unique(on: "indicator_code")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(LocalIndicatorOwner.schema).delete()
    }
}
