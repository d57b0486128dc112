import Fluent

struct CreateScreeningInstruments: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ScreeningInstrument.schema)
            .id()
            .field("created_at", .datetime)
            .field("version", .int, .required)
            .field("title", .string, .required)
            .field("definition", .string, .required)
            .field("created_by_user_id", .uuid, .references(User.schema, .id, onDelete: .setNull))
            .unique(on: "version")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ScreeningInstrument.schema).delete()
    }
}

/// Version 1, the instrument shipped with the software (`DefaultInstrument`).
struct SeedDefaultScreeningInstrument: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await ScreeningInstrument(version: 1, title: DefaultInstrument.title, definition: DefaultInstrument.definition,
                                      createdByUserID: nil).create(on: database)
    }

    func revert(on database: any Database) async throws {
        try await ScreeningInstrument.query(on: database).filter(\.$version == 1).delete()
    }
}
