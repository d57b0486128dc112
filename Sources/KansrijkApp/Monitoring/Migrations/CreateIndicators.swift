import Fluent

struct CreateIndicators: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Indicator.schema)
            .field(.id, .string, .identifier(auto: false))
            .field("name", .string, .required)
            .field("description", .string, .required)
            .field("numerator", .string, .required)
            .field("denominator", .string, .required)
            .field("factor", .int, .required)
            .field("direction", .string, .required)
            .field("phase", .string, .required)
            .field("source", .string, .required)
            .field("unit", .string, .required)
            .field("period_kind", .string, .required)
            .field("breakdowns", .string, .required)
            .field("indicator_group", .string, .required)
            .field("origin", .string, .required)
            .field("position", .int, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Indicator.schema).delete()
    }
}
