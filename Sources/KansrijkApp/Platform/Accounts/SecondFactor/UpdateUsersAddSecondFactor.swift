import Fluent

/// A second factor per account and whether an organisation requires it (issue #13). One column per
/// statement: SQLite adds one column per ALTER TABLE.
struct UpdateUsersAddSecondFactor: AsyncMigration {
    static let userColumns: [(FieldKey, DatabaseSchema.DataType)] = [
        ("totp_secret", .string), ("totp_enabled_at", .datetime), ("totp_last_step", .int64), ("recovery_codes", .string),
    ]

    func prepare(on database: any Database) async throws {
        for (key, type) in Self.userColumns {
            try await database.schema(User.schema).field(key, type).update()
        }
        try await database.schema(Organisation.schema)
            .field("requires_second_factor", .bool, .sql(.default(false)))
            .update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Organisation.schema).deleteField("requires_second_factor").update()
        for (key, _) in Self.userColumns.reversed() {
            try await database.schema(User.schema).deleteField(key).update()
        }
    }
}
