import Fluent
import SQLKit

/// The worklists read one organisation's referrals newest first, cut at a page. With the date
/// alone in the index, referrals sent at the same instant (an import, a generated test set) had to
/// be read and sorted in full before the first page; with the id as the last column the index
/// gives the exact order (`requested_at DESC, id DESC`) and the query stops after a page. The
/// two-column indexes are prefixes of the new ones and are dropped.
struct CreateWorklistOrderIndexes: AsyncMigration {
    static let replaced = [
        (old: "care_referrals_receiving", new: "care_referrals_receiving_order", column: "receiving_organisation_id"),
        (old: "care_referrals_referring", new: "care_referrals_referring_order", column: "referring_organisation_id"),
    ]

    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        for index in Self.replaced {
            try await sql.create(index: index.new).on(Referral.schema).column(index.column).column("requested_at").column("id").run()
            try await sql.drop(index: index.old).ifExists().run()
        }
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        for index in Self.replaced {
            try await sql.create(index: index.old).on(Referral.schema).column(index.column).column("requested_at").run()
            try await sql.drop(index: index.new).run()
        }
    }
}
