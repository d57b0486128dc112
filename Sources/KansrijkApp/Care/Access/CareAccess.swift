import Fluent
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

    /// The ground on which this user sees the client at `now`, or nil.
    func basis(for clientID: UUID, on db: any Database, now: Date) async throws -> AccessBasis? {
        let involvements = try await ClientInvolvement.query(on: db)
            .filter(\.$client.$id == clientID).filter(\.$organisation.$id == organisationID).all()
            .filter { $0.isCurrent(at: now) }
        if involvements.contains(where: { $0.consentID == nil }) { return .ownInvolvement }
        let consentIDs = involvements.compactMap(\.consentID)
        if !consentIDs.isEmpty {
            let valid = try await Consent.query(on: db).filter(\.$id ~~ consentIDs).all()
                .filter { $0.isValid(at: now) }.sorted { $0.validFrom < $1.validFrom }
            if let consent = valid.first { return .consent(try consent.requireID()) }
        }
        if let grant = try await activeGrant(for: clientID, on: db, now: now) { return .breakTheGlass(try grant.requireID()) }
        return nil
    }

    /// The client and the basis, or the 404 page: a client one may not see does not exist for them.
    func require(client clientID: UUID, on db: any Database, now: Date) async throws -> (CareClient, AccessBasis) {
        guard let basis = try await basis(for: clientID, on: db, now: now),
              let client = try await CareClient.find(clientID, on: db) else { throw PageError.notFound }
        return (client, basis)
    }

    /// The unexpired break-the-glass grant of this user for the client, if any.
    func activeGrant(for clientID: UUID, on db: any Database, now: Date) async throws -> BreakGlassAccess? {
        try await BreakGlassAccess.query(on: db).filter(\.$clientID == clientID).filter(\.$user.$id == userID)
            .filter(\.$expiresAt > now).filter(\.$grantedAt <= now).first()
    }

    /// Ids of every client this user may see at `now`, in one query (`visibleClientIDsSubquery`).
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
    /// The client of the `:client` path when the user may see her; otherwise the 404 page, after
    /// logging the refused attempt against an existing client (NEN 7513 logs failed access too).
    func careClient(_ access: CareAccess, id: UUID? = nil, now: Date) async throws -> (CareClient, AccessBasis) {
        let clientID = try id ?? clientID()
        do {
            return try await access.require(client: clientID, on: db, now: now)
        } catch PageError.notFound {
            if try await CareClient.find(clientID, on: db) != nil {
                try await audit(.denied, client: clientID, basis: nil, what: "no access: \(method.rawValue) \(url.path)", now: now)
            }
            throw PageError.notFound
        }
    }
}
