import Fluent
import SQLKit

/// Indexes for reads that start from a municipality or a client (issue 17, the national load):
/// - `care_clients(municipality_code)`: a dashboard's process section and the progress report count
///   the work for clients living in a municipality; without it every such count read all 200,000
///   clients of the national database (18-33 ms a query on SQLite, four queries a dashboard);
/// - `client_id` of screenings, MDO cases and volunteer requests: a client page reads them per client,
///   and without an index each read walks the whole table (as referrals, consents and involvements
///   already had).
struct CreateClientLookupIndexes: AsyncMigration {
    static let indexes: [(name: String, table: String, column: String)] = [
        ("care_clients_municipality", CareClient.schema, "municipality_code"),
        ("care_screenings_client", Screening.schema, "client_id"),
        ("care_mdo_cases_client", MDOCase.schema, "client_id"),
        ("care_volunteer_requests_client", VolunteerRequest.schema, "client_id"),
    ]

    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        for index in Self.indexes { try await sql.create(index: index.name).on(index.table).column(index.column).run() }
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        for index in Self.indexes { try await sql.drop(index: index.name).run() }
    }
}
