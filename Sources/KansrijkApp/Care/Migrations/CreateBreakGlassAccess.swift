import Fluent

struct CreateBreakGlassAccess: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(BreakGlassAccess.schema)
            .id()
            // no foreign key: the grant stays, like the audit log, when the client is erased
            .field("client_id", .uuid, .required)
            .field("user_id", .uuid, .required, .references(User.schema, .id))
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, .id))
            .field("reason", .string, .required)
            .field("granted_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(BreakGlassAccess.schema).delete()
    }
}
