import Fluent
import SQLKit

/// The access rule (`CareAccess.visibleCondition`, `basis(for:)`) asks, for every row of a worklist,
/// whether the organisation has a current involvement with the client. With every column the rule
/// reads of an involvement in the index, each answer is one index lookup instead of an index lookup
/// and a table lookup (on a cold page cache, a handful of page reads each; SQLite
/// empties a connection's cache whenever another connection wrote, and every page view writes an
/// audit event). `care_involvements_client_organisation` is the prefix of the new index and is dropped.
struct CreateCareCoveringIndexes: AsyncMigration {
    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "care_involvements_access").on(ClientInvolvement.schema)
            .column("client_id").column("organisation_id").column("since").column("until").column("consent_id").run()
        try await sql.drop(index: "care_involvements_client_organisation").ifExists().run()
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "care_involvements_client_organisation").on(ClientInvolvement.schema)
            .column("client_id").column("organisation_id").run()
        try await sql.drop(index: "care_involvements_access").run()
    }
}
