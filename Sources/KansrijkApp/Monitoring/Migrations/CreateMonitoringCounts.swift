import Fluent

struct CreateMonitoringCounts: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(MonitoringCount.schema)
            .id()
            .field("element", .string, .required)
            .field("area_code", .string, .required)
            .field("period", .string, .required)
            .field("year", .int, .required)
            .field("breakdown", .string, .required)
            .field("breakdown_value", .string, .required)
            .field("count", .int, .required)
            .field("source", .string, .required)
            .unique(on: "element", "area_code", "period", "breakdown", "breakdown_value")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(MonitoringCount.schema).delete()
    }
}
