import Fluent

/// Columns the onboarding of issue #14 needs: a user's language (pages and mail) and whether an
/// organisation takes referrals through Kansrijk. One column per statement (SQLite).
struct UpdateAccountsForOnboarding: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(User.schema).field("language", .string).update()
        try await database.schema(Organisation.schema).field("receives_referrals", .bool, .sql(.default(true))).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Organisation.schema).deleteField("receives_referrals").update()
        try await database.schema(User.schema).deleteField("language").update()
    }
}
