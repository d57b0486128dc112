import Fluent

struct CreateScreenings: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Screening.schema)
            .id()
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .field("client_id", .uuid, .required, .references(CareClient.schema, .id, onDelete: .cascade))
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, .id))
            .field("created_by_user_id", .uuid, .required, .references(User.schema, .id))
            .field("instrument_id", .uuid, .required, .references(ScreeningInstrument.schema, .id))
            .field("mode", .string, .required)
            .field("status", .string, .required)
            .field("answers", .string, .required)
            .field("parent_note", .string)
            .field("computed_level", .string)
            .field("balance", .int)
            .field("urgent", .bool, .required)
            .field("adjusted_level", .string)
            .field("adjustment_reason", .string)
            .field("submission_key", .string, .required)
            .field("parent_submitted_at", .datetime)
            .field("completed_at", .datetime)
            .field("completed_by_user_id", .uuid, .references(User.schema, .id, onDelete: .setNull))
            .unique(on: "submission_key")
            .create()
        try await database.schema(ScreeningLink.schema)
            .id()
            .field("created_at", .datetime)
            .field("screening_id", .uuid, .required, .references(Screening.schema, .id, onDelete: .cascade))
            .field("token_hash", .string, .required)
            .field("expires_at", .datetime, .required)
            .field("used_at", .datetime)
            .unique(on: "token_hash")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ScreeningLink.schema).delete()
        try await database.schema(Screening.schema).delete()
    }
}
