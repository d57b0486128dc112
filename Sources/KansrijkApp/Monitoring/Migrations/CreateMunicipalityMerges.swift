import Fluent

struct CreateMunicipalityMerges: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(MunicipalityMerge.schema)
            .id()
            .field("year", .int, .required)
            .field("former_code", .string, .required)
            .field("former_name", .string, .required)
            .field("current_code", .string, .required)
            .field("current_is_new", .bool, .required)
            .unique(on: "former_code")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(MunicipalityMerge.schema).delete()
    }
}
