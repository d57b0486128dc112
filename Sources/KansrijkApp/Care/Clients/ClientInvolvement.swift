import Fluent
import Foundation

/// Why an organisation is involved with a client.
enum InvolvementReason: String, Codable, CaseIterable, Sendable {
    case created, referral, mdo, volunteer
}

/// That an organisation is involved with a client, and since when: the reference index
/// (Verwijsindex) of the care room. It never holds content. An involvement that rests on a
/// consent ends when that consent is withdrawn.
final class ClientInvolvement: Model, @unchecked Sendable {
    static let schema = "care_involvements"

    // managed fields
    @ID(key: .id) var id: UUID?

    // data fields
    @Field(key: "reason") var reason: InvolvementReason
    @Field(key: "since") var since: Date
    @OptionalField(key: "until") var until: Date?
    /// The consent it rests on (referral, MDO, volunteer); nil for the organisation that created the record.
    @OptionalField(key: "consent_id") var consentID: UUID?

    // relationships
    @Parent(key: "client_id") var client: CareClient
    @Parent(key: "organisation_id") var organisation: Organisation

    init() {}

    init(id: UUID? = nil, clientID: UUID, organisationID: UUID, reason: InvolvementReason, since: Date, consentID: UUID?) {
        self.id = id
        self.$client.id = clientID
        self.$organisation.id = organisationID
        self.reason = reason
        self.since = since
        self.consentID = consentID
    }

    func isCurrent(at now: Date) -> Bool { since <= now && (until.map { $0 > now } ?? true) }
}

extension ClientInvolvement {
    /// Makes the organisation involved for this reason, unless it already is (idempotent).
    @discardableResult
    static func add(client clientID: UUID, organisation organisationID: UUID, reason: InvolvementReason,
                    consent consentID: UUID? = nil, on db: any Database, now: Date) async throws -> ClientInvolvement {
        let existing = try await ClientInvolvement.query(on: db)
            .filter(\.$client.$id == clientID).filter(\.$organisation.$id == organisationID)
            .filter(\.$reason == reason).all()
        if let current = existing.first(where: { $0.isCurrent(at: now) && $0.consentID == consentID }) { return current }
        let involvement = ClientInvolvement(clientID: clientID, organisationID: organisationID, reason: reason, since: now, consentID: consentID)
        try await involvement.create(on: db)
        return involvement
    }

    /// The current involvements of a client, with their organisation.
    static func current(client clientID: UUID, on db: any Database, now: Date) async throws -> [ClientInvolvement] {
        try await ClientInvolvement.query(on: db).filter(\.$client.$id == clientID).with(\.$organisation).all()
            .filter { $0.isCurrent(at: now) }
    }

    /// Ids of the clients an organisation is currently involved with.
    static func clientIDs(organisation organisationID: UUID, on db: any Database, now: Date) async throws -> Set<UUID> {
        let rows = try await ClientInvolvement.query(on: db).filter(\.$organisation.$id == organisationID)
            .group(.or) { $0.filter(\.$until == nil).filter(\.$until > now) }.all()
        return Set(rows.filter { $0.since <= now }.map { $0.$client.id })
    }
}
