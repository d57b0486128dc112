import Fluent
import SQLKit

/// A worklist row looks up its client (code and name) and, in the access rule, the consent an
/// involvement rests on (its dates). Fluent's tables are keyed by a text id with a separate unique
/// index, so each lookup was two B-tree searches: the id index, then the table. With the columns
/// read in an index of their own it is one (a cold 50-row worklist read about a third fewer
/// pages). SQLite's planner prefers the unique id index, so the queries name these indexes on
/// SQLite (`SQLiteIndexHint`); PostgreSQL chooses index-only scans itself.
struct CreateListingCoveringIndexes: AsyncMigration {
    static let clients = "care_clients_listing"
    static let consents = "care_consents_validity"

    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: Self.clients).on(CareClient.schema).column("id").column("code").column("name").run()
        try await sql.create(index: Self.consents).on(Consent.schema)
            .column("id").column("valid_from").column("valid_until").column("withdrawn_at").run()
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.drop(index: Self.clients).run()
        try await sql.drop(index: Self.consents).run()
    }
}

/// A worklist row reads the name of the organisation on the other side of its referral: with the
/// name in the id's index, one B-tree search instead of two (see `CreateListingCoveringIndexes`).
struct CreateOrganisationNamesIndex: AsyncMigration {
    static let name = "organisations_names"

    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: Self.name).on(Organisation.schema).column("id").column("name").run()
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.drop(index: Self.name).run()
    }
}

/// `INDEXED BY index` on SQLite, nothing on other databases: the index a query must use where
/// SQLite's planner would take a worse one (see `CreateListingCoveringIndexes`).
struct SQLiteIndexHint: SQLExpression {
    let index: String

    init(_ index: String) { self.index = index }

    func serialize(to serializer: inout SQLSerializer) {
        guard serializer.dialect.name == "sqlite" else { return }
        serializer.write("INDEXED BY \(index)")
    }
}
