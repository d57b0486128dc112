import Fluent

struct CreateReportDrafts: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ReportDraft.schema)
            .id()
            .field("updated_at", .datetime)
            .field("scope", .string, .required)
            .field("period", .string, .required)
            .field("section", .string, .required)
            .field("text", .string, .required)
            .field("updated_by", .uuid, .references(User.schema, .id, onDelete: .setNull))
            .unique(on: "scope", "period", "section")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ReportDraft.schema).delete()
    }
}
