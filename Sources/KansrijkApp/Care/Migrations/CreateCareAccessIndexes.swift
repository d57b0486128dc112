import Fluent
import SQLKit

/// Indexes for the access rule in SQL (`CareAccess+Query`): the number of new referrals on the care
/// home (receiving organisation and status), and the check of one client for one organisation
/// (`CareAccess.basis`). The worklists already use `care_referrals_receiving` / `_referring` and the
/// access subquery `care_involvements_organisation` and `care_break_glass_user_client`.
struct CreateCareAccessIndexes: AsyncMigration {
    static let indexes: [(name: String, table: String, columns: [String])] = [
        ("care_referrals_receiving_status", Referral.schema, ["receiving_organisation_id", "status"]),
        ("care_involvements_client_organisation", ClientInvolvement.schema, ["client_id", "organisation_id"]),
    ]

    func prepare(on database: any Database) async throws {
        // SQLKit's index builder speaks SQLite and PostgreSQL alike; Fluent's schema builder has no plain indexes
        guard let sql = database as? any SQLDatabase else { return }
        for index in Self.indexes {
            var builder = sql.create(index: index.name).on(index.table)
            for column in index.columns { builder = builder.column(column) }
            try await builder.run()
        }
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        for index in Self.indexes.reversed() {
            try await sql.drop(index: index.name).run()
        }
    }
}
