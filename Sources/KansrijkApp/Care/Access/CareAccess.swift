import Fluent
import SQLKit
import Vapor

/// Who may see which client (issue #4, privacy rules in the domain README): an organisation sees a
/// client only while it is involved (it created the record, or received a referral / MDO case /
/// volunteer request with consent still in force), or a user holds an unexpired break-the-glass
/// grant. Admins have no implicit access to client data. Deciding never writes the audit log;
/// the handler does, once per request.
struct CareAccess: Sendable {
    let userID: UUID
    let organisationID: UUID
    let role: Role

    static func load(for user: User, on db: any Database) async throws -> CareAccess {
        CareAccess(userID: try user.requireID(), organisationID: user.$organisation.id, role: user.role)
    }

    /// The ground on which this user sees the client at `now`, or nil: an involvement of the
    /// organisation without consent (own involvement) before the earliest valid consent it rests on,
    /// then an unexpired break-the-glass grant. Read with two small SQL queries at most, decoded
    /// column by column (every care page asks this first); through `pool` (SQLite's read pool) when given.
    func basis(for clientID: UUID, on db: any Database, pool: SQLiteReadPool? = nil, now: Date) async throws -> AccessBasis? {
        let rows = try await db.readAll("""
            SELECT i.consent_id, k.valid_from, k.valid_until, k.withdrawn_at \
            FROM care_involvements i LEFT JOIN care_consents k ON k.id = i.consent_id \
            WHERE i.client_id = \(bind: clientID) AND i.organisation_id = \(bind: organisationID) \
            AND i.since <= \(bind: now) AND (i.until IS NULL OR i.until > \(bind: now))
            """, pool: pool) { row in
            (consent: try row.decode(column: "consent_id", as: UUID?.self), from: try row.decode(column: "valid_from", as: Date?.self),
             until: try row.decode(column: "valid_until", as: Date?.self), withdrawnAt: try row.decode(column: "withdrawn_at", as: Date?.self))
        }
        var consents: [(id: UUID, from: Date)] = []
        for row in rows {
            guard let consentID = row.consent else { return .ownInvolvement }
            // a consent that no longer exists (erased) gives no access
            guard let from = row.from else { continue }
            if Consent.isValid(from: from, until: row.until, withdrawnAt: row.withdrawnAt, at: now) { consents.append((consentID, from)) }
        }
        if let first = consents.min(by: { $0.from < $1.from }) { return .consent(first.id) }
        return try await db.readFirst("""
            SELECT id FROM care_break_glass WHERE client_id = \(bind: clientID) AND user_id = \(bind: userID) \
            AND expires_at > \(bind: now) AND granted_at <= \(bind: now) LIMIT 1
            """, pool: pool) { .breakTheGlass(try $0.decode(column: "id", as: UUID.self)) }
    }

    /// The client and the basis, or the 404 page: a client one may not see does not exist for them.
    func require(client clientID: UUID, on db: any Database, pool: SQLiteReadPool? = nil, now: Date) async throws -> (CareClient, AccessBasis) {
        guard let basis = try await basis(for: clientID, on: db, pool: pool, now: now),
              let client = try await CareClient.read(clientID, on: db, pool: pool) else { throw PageError.notFound }
        return (client, basis)
    }

    /// The unexpired break-the-glass grant of this user for the client, if any.
    func activeGrant(for clientID: UUID, on db: any Database, now: Date) async throws -> BreakGlassAccess? {
        try await BreakGlassAccess.query(on: db).filter(\.$clientID == clientID).filter(\.$user.$id == userID)
            .filter(\.$expiresAt > now).filter(\.$grantedAt <= now).first()
    }

    /// Ids of every client this user may see at `now`, in one query (`visibleFilter`).
    /// Lists should rather filter with `visibleFilter` and checks use `visibleClientIDs(among:)`.
    func visibleClientIDs(on db: any Database, now: Date) async throws -> Set<UUID> {
        Set(try await visibleClients(on: db, now: now).compactMap(\.id))
    }
}

extension Request {
    /// The care room's access of the signed-in user; every care page needs one.
    func careAccess() async throws -> (User, CareAccess) {
        let user = try requireUser()
        return (user, try await CareAccess.load(for: user, on: db))
    }
}

extension Request {
    /// Emergency access is read-only (issue #13): a request that is not a GET on its ground is
    /// refused and logged. Every path from a request to a client's record asks this
    /// (`careClient`, `scopedClient`, the MDO's case form).
    func refuseChangeUnderEmergency(_ basis: AccessBasis, client clientID: UUID, now: Date) async throws {
        guard case .breakTheGlass = basis, method != .GET, method != .HEAD else { return }
        try await audit(.denied, client: clientID, basis: basis, what: "change refused under emergency access: \(method.rawValue) \(url.path)", now: now)
        throw Abort(.forbidden, reason: t("breakglass.readonly"))
    }

    /// The client of the `:client` path when the user may see her; otherwise the 404 page, after
    /// logging the refused attempt against an existing client (NEN 7513 logs failed access too).
    /// Emergency access is read-only (issue #13): any other method than GET on its ground is refused.
    func careClient(_ access: CareAccess, id: UUID? = nil, now: Date) async throws -> (CareClient, AccessBasis) {
        let clientID = try id ?? clientID()
        do {
            let (client, basis) = try await access.require(client: clientID, on: db, pool: sqliteReads, now: now)
            try await refuseChangeUnderEmergency(basis, client: clientID, now: now)
            return (client, basis)
        } catch PageError.notFound {
            if try await CareClient.find(clientID, on: db) != nil {
                try await audit(.denied, client: clientID, basis: nil, what: "no access: \(method.rawValue) \(url.path)", now: now)
            }
            throw PageError.notFound
        }
    }
}
