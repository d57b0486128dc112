import Fluent

/// The coalition's own facts for its workspace (issue #3): tranche, start, trekkers, parents' voice.
/// One column per statement, because SQLite alters a table one column at a time.
struct UpdateCoalitionsAddWorkspace: AsyncMigration {
    static let columns: [(FieldKey, DatabaseSchema.DataType)] = [
        ("tranche", .int), ("started_on", .datetime), ("content_lead", .string),
        ("policy_lead", .string), ("parents_voice", .string), ("fathers_voice", .string),
    ]

    func prepare(on database: any Database) async throws {
        for (key, type) in Self.columns {
            try await database.schema(Coalition.schema).field(key, type).update()
        }
    }

    func revert(on database: any Database) async throws {
        for (key, _) in Self.columns.reversed() {
            try await database.schema(Coalition.schema).deleteField(key).update()
        }
    }
}
