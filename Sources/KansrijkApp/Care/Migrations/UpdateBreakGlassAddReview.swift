import Fluent

/// Emergency access made what NEN 7510/7513 expects (issue #13): a reason from a fixed list, a
/// review of every grant, every request counted (the rate limit) and announced.
struct UpdateBreakGlassAddReview: AsyncMigration {
    static let columns: [(FieldKey, DatabaseSchema.DataType)] = [
        ("reason_kind", .string), ("reviewed_at", .datetime), ("reviewed_by", .uuid), ("review_note", .string),
    ]

    func prepare(on database: any Database) async throws {
        // one column per statement: SQLite adds one column per ALTER TABLE
        for (key, type) in Self.columns {
            try await database.schema(BreakGlassAccess.schema).field(key, type).update()
        }
        try await database.schema(BreakGlassAttempt.schema)
            .id()
            .field("user_id", .uuid, .required, .references(User.schema, .id))
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, .id))
            .field("attempted_at", .datetime, .required)
            .field("outcome", .string, .required)
            .field("reason_kind", .string, .required)
            .field("reason", .string, .required)
            .field("client_id", .uuid)
            .create()
        try await database.schema(BreakGlassNotice.schema)
            .id()
            .field("user_id", .uuid, .required, .references(User.schema, .id))
            .field("grant_id", .uuid, .required, .references(BreakGlassAccess.schema, .id, onDelete: .cascade))
            .field("created_at", .datetime, .required)
            .field("read_at", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(BreakGlassNotice.schema).delete()
        try await database.schema(BreakGlassAttempt.schema).delete()
        for (key, _) in Self.columns.reversed() {
            try await database.schema(BreakGlassAccess.schema).deleteField(key).update()
        }
    }
}
