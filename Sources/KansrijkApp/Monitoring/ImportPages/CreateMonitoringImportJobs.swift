import Fluent

struct CreateMonitoringImportJobs: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ImportJob.schema)
            .id()
            .field("created_at", .datetime)
            .field("finished_at", .datetime)
            .field("indicator_code", .string, .required)
            .field("file_name", .string, .required)
            .field("byte_count", .int, .required)
            .field("status", .string, .required)
            .field("columns", .string)
            .field("report", .string)
            .field("row_count", .int)
            .field("stored_count", .int)
            .field("user_id", .uuid, .required, .references(User.schema, .id, onDelete: .cascade))
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ImportJob.schema).delete()
    }
}
