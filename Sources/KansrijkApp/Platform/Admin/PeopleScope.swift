import Fluent
import Vapor

/// Whose accounts someone manages on "Mensen" (issue #14): the admin every account; a coordinator the
/// accounts that are members of at least one of her coalitions. An account outside her scope does not
/// exist for her (404, so an id reveals nothing); an admin in her scope she sees but cannot change.
struct PeopleScope: Sendable {
    let actor: User
    /// The actor's coalitions (for a coordinator, her scope).
    let coalitionIDs: Set<UUID>

    var isAdmin: Bool { actor.role == .admin }

    /// The scope of a coordinator or admin; anyone else is refused (403).
    static func load(for actor: User, on db: any Database) async throws -> PeopleScope {
        guard actor.role == .coordinator || actor.role == .admin else { throw PageError.forbidden }
        let ids = try await CoalitionMember.query(on: db).filter(\.$user.$id == actor.requireID()).all().map { $0.$coalition.id }
        return PeopleScope(actor: actor, coalitionIDs: Set(ids))
    }

    /// The coalitions of each account in `userIDs` (all accounts when nil).
    static func memberships(of userIDs: [UUID]?, on db: any Database) async throws -> [UUID: Set<UUID>] {
        if userIDs?.isEmpty == true { return [:] }
        let query = CoalitionMember.query(on: db)
        if let userIDs { query.filter(\.$user.$id ~~ userIDs) }
        return try await query.all().reduce(into: [:]) { $0[$1.$user.id, default: []].insert($1.$coalition.id) }
    }

    /// The ids of the accounts she sees; nil means all of them (the admin).
    func visibleUserIDs(on db: any Database) async throws -> Set<UUID>? {
        if isAdmin { return nil }
        guard !coalitionIDs.isEmpty else { return [] }
        return Set(try await CoalitionMember.query(on: db).filter(\.$coalition.$id ~~ Array(coalitionIDs)).all().map { $0.$user.id })
    }

    /// She sees an account with these coalitions.
    func sees(memberships: Set<UUID>) -> Bool {
        isAdmin || !coalitionIDs.isDisjoint(with: memberships)
    }

    /// She may change this account (role, active): in her scope, not an admin unless she is one,
    /// and not her own (nobody locks herself out here).
    func mayChange(_ target: User, memberships: Set<UUID>) -> Bool {
        guard target.id != actor.id, sees(memberships: memberships) else { return false }
        return isAdmin || target.role != .admin
    }

    /// The roles she may give: a coordinator never makes an admin.
    var assignableRoles: [Role] { isAdmin ? Role.allCases : [.professional, .coordinator, .policy] }
}
