import Fluent
import Foundation

/// A move of a client to another municipality (issue #15): when, from where, to where. Until a
/// warm handover to an organisation of the new municipality is accepted (`settledAt`), the client
/// page proposes that municipality's JGZ and CJG; at acceptance the organisations that offer
/// nothing there stop being involved (`ClientHandover.settle`).
final class ClientMove: Model, @unchecked Sendable {
    static let schema = "care_client_moves"

    // managed fields
    @ID(key: .id) var id: UUID?

    // data fields
    /// Calendar day of the move (see `CalendarDay`).
    @Field(key: "moved_on") var movedOn: Date
    /// CBS codes of the municipalities.
    @Field(key: "from_municipality") var fromMunicipality: String
    @Field(key: "to_municipality") var toMunicipality: String
    @Field(key: "recorded_at") var recordedAt: Date
    /// When the handover to the new municipality was accepted; nil while it is still to do.
    @OptionalField(key: "settled_at") var settledAt: Date?

    // relationships
    @Parent(key: "client_id") var client: CareClient
    @Parent(key: "recorded_by_organisation_id") var recordedByOrganisation: Organisation

    init() {}

    init(id: UUID? = nil, clientID: UUID, movedOn: Date, from: String, to: String, recordedAt: Date, organisationID: UUID) {
        self.id = id
        self.$client.id = clientID
        self.movedOn = movedOn
        self.fromMunicipality = from
        self.toMunicipality = to
        self.recordedAt = recordedAt
        self.$recordedByOrganisation.id = organisationID
    }
}

extension ClientMove {
    /// The latest move of the client whose handover is still to do, if any.
    static func open(client clientID: UUID, on db: any Database) async throws -> ClientMove? {
        try await ClientMove.query(on: db).filter(\.$client.$id == clientID).filter(\.$settledAt == nil)
            .sort(\.$recordedAt, .descending).first()
    }
}

struct CreateClientMoves: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ClientMove.schema)
            .id()
            .field("client_id", .uuid, .required, .references(CareClient.schema, .id, onDelete: .cascade))
            .field("recorded_by_organisation_id", .uuid, .required, .references(Organisation.schema, .id))
            .field("moved_on", .datetime, .required)
            .field("from_municipality", .string, .required)
            .field("to_municipality", .string, .required)
            .field("recorded_at", .datetime, .required)
            .field("settled_at", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ClientMove.schema).delete()
    }
}
