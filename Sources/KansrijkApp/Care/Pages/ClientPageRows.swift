import Fluent
import SQLKit
import Vapor

/// What the client page lists, read with one SQL query per section (plain SQL text, as
/// `CareAccess.visibleCondition`) and decoded column by column: Fluent's eager loading took six
/// queries and decoded every model through reflection.
struct ClientPageRows {
    struct ConsentRow {
        var id: UUID
        var givenBy: ConsentGiver
        var purposeCodes: [String]
        var validFrom: Date
        var validUntil: Date?
        var recordedHow: ConsentRecording
        var withdrawnAt: Date?
        var organisations: [String]

        func isValid(at now: Date) -> Bool { Consent.isValid(from: validFrom, until: validUntil, withdrawnAt: withdrawnAt, at: now) }
    }
    struct InvolvementRow { var organisationID: UUID; var organisation: String; var reason: InvolvementReason; var since: Date }
    struct ReferralRow {
        var id: UUID; var serviceName: String; var organisation: String; var status: ReferralStatus; var requestedAt: Date
        var kind: ReferralKind
    }

    var consents: [ConsentRow]
    var involvements: [InvolvementRow]
    var referrals: [ReferralRow]

    static func load(client id: UUID, on db: any Database, pool: SQLiteReadPool? = nil, now: Date) async throws -> ClientPageRows {
        ClientPageRows(consents: try await consents(id, db, pool), involvements: try await involvements(id, db, pool, now: now),
                       referrals: try await referrals(id, db, pool))
    }

    /// Newest first, each with the names of the organisations it covers (sorted): one row per consent
    /// and organisation.
    private static func consents(_ client: UUID, _ db: any Database, _ pool: SQLiteReadPool?) async throws -> [ConsentRow] {
        var consents: [ConsentRow] = []
        try await db.readRows("""
            SELECT k.id, k.given_by, k.purposes, k.valid_from, k.valid_until, k.recorded_how, k.withdrawn_at, o.name \
            FROM care_consents k LEFT JOIN care_consent_organisations co ON co.consent_id = k.id \
            LEFT JOIN organisations o ON o.id = co.organisation_id \
            WHERE k.client_id = \(bind: client) ORDER BY k.valid_from DESC, k.id
            """, pool: pool) { row in
            let id = try row.decode(column: "id", as: UUID.self)
            let organisation = try row.decode(column: "name", as: String?.self)
            if consents.last?.id == id {
                if let organisation { consents[consents.count - 1].organisations.append(organisation) }
                return
            }
            consents.append(ConsentRow(
                id: id, givenBy: try row.decodeRaw("given_by", as: ConsentGiver.self),
                purposeCodes: try row.decode(column: "purposes", as: [String].self),
                validFrom: try row.decode(column: "valid_from", as: Date.self), validUntil: try row.decode(column: "valid_until", as: Date?.self),
                recordedHow: try row.decodeRaw("recorded_how", as: ConsentRecording.self),
                withdrawnAt: try row.decode(column: "withdrawn_at", as: Date?.self), organisations: organisation.map { [$0] } ?? []))
        }
        return consents.map { var c = $0; c.organisations.sort(); return c }
    }

    /// The organisations involved now, with why and since when.
    private static func involvements(_ client: UUID, _ db: any Database, _ pool: SQLiteReadPool?, now: Date) async throws -> [InvolvementRow] {
        try await db.readAll("""
            SELECT i.organisation_id, o.name, i.reason, i.since FROM care_involvements i JOIN organisations o ON o.id = i.organisation_id \
            WHERE i.client_id = \(bind: client) AND i.since <= \(bind: now) AND (i.until IS NULL OR i.until > \(bind: now)) \
            ORDER BY i.since, o.name
            """, pool: pool) { row in
            InvolvementRow(organisationID: try row.decode(column: "organisation_id", as: UUID.self),
                           organisation: try row.decode(column: "name", as: String.self),
                           reason: try row.decodeRaw("reason", as: InvolvementReason.self), since: try row.decode(column: "since", as: Date.self))
        }
    }

    /// Newest first, with the receiving organisation.
    private static func referrals(_ client: UUID, _ db: any Database, _ pool: SQLiteReadPool?) async throws -> [ReferralRow] {
        try await db.readAll("""
            SELECT r.id, r.service_name, o.name, r.status, r.requested_at, r.kind FROM care_referrals r \
            JOIN organisations o ON o.id = r.receiving_organisation_id WHERE r.client_id = \(bind: client) ORDER BY r.requested_at DESC
            """, pool: pool) { row in
            ReferralRow(id: try row.decode(column: "id", as: UUID.self), serviceName: try row.decode(column: "service_name", as: String.self),
                        organisation: try row.decode(column: "name", as: String.self),
                        status: try row.decodeRaw("status", as: ReferralStatus.self), requestedAt: try row.decode(column: "requested_at", as: Date.self),
                        kind: try row.decode(column: "kind", as: String?.self).flatMap(ReferralKind.init(rawValue:)) ?? .referral)
        }
    }
}

extension SQLRow {
    /// A text column holding the raw value of `T`; an unknown value is a server error, not a guess.
    func decodeRaw<T: RawRepresentable>(_ column: String, as: T.Type) throws -> T where T.RawValue == String {
        let raw = try decode(column: column, as: String.self)
        guard let value = T(rawValue: raw) else { throw Abort(.internalServerError, reason: "unknown \(T.self) \(raw) in \(column)") }
        return value
    }
}
