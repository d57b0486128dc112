import Fluent

/// The tables of ADR 0041: per-key limits and leases every instance shares (`shared_state`) and
/// the social maps kept between upload and import (`social_map_uploads`). Both are short-lived:
/// a row whose `expires_at` (seconds since 1970) has passed counts as gone and is purged.
struct CreateSharedState: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(SharedState.table)
            .field("key", .string, .required, .identifier(auto: false))
            .field("value", .string)
            .field("expires_at", .double, .required)
            .create()
        try await database.schema(SocialMapUploadRecord.schema)
            .field("id", .string, .required, .identifier(auto: false))
            .field("user_id", .uuid, .required)
            .field("coalition_id", .uuid, .required)
            .field("file_name", .string, .required)
            .field("kind", .string, .required)
            .field("sheet", .string, .required)
            .field("columns", .string)
            .field("expires_at", .double, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(SocialMapUploadRecord.schema).delete()
        try await database.schema(SharedState.table).delete()
    }
}
