import Fluent
import SQLKit

/// The client's record through the 1000 days (issue #15): the child's pseudonym, why the care was
/// closed, the kind of a referral (a warm handover or an ordinary referral) and the moves.
struct UpdateClientRecordFor1000Days: AsyncMigration {
    static let clientColumns: [FieldKey] = ["child_code", "closed_reason", "closed_note"]

    func prepare(on database: any Database) async throws {
        // one column per statement: SQLite adds one column per ALTER TABLE
        for key in Self.clientColumns {
            try await database.schema(CareClient.schema).field(key, .string).update()
        }
        try await database.schema(Referral.schema)
            .field("kind", .string, .required, .sql(.default(ReferralKind.referral.rawValue))).update()
        try await CreateClientMoves().prepare(on: database)
        if let sql = database as? any SQLDatabase {
            try await sql.create(index: "care_client_moves_client").on(ClientMove.schema).column("client_id").run()
        }
    }

    func revert(on database: any Database) async throws {
        if let sql = database as? any SQLDatabase {
            try await sql.drop(index: "care_client_moves_client").run()
        }
        try await CreateClientMoves().revert(on: database)
        try await database.schema(Referral.schema).deleteField("kind").update()
        for key in Self.clientColumns.reversed() {
            try await database.schema(CareClient.schema).deleteField(key).update()
        }
    }
}
