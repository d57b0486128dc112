import Fluent
import Vapor

extension Request {
    /// The signed-in user, or a redirect to the log-in page (pages) / 401 (API).
    func requireUser() throws -> User {
        guard let user = auth.get(User.self) else { throw PageError.signInRequired }
        return user
    }

    /// The signed-in user when their role is one of `roles`; otherwise 403.
    func requireRole(_ roles: Role...) throws -> User {
        let user = try requireUser()
        guard roles.contains(user.role) else { throw PageError.forbidden }
        return user
    }
}

/// Who may change what in the directory. Admins everything; coordinators the services of
/// organisations based in, or serving, a municipality of one of their coalitions.
struct DirectoryAccess {
    let user: User
    let coalitionMunicipalities: Set<String>
    let coalitionIDs: Set<UUID>

    static func load(for user: User, on db: any Database) async throws -> DirectoryAccess {
        let memberships = try await CoalitionMember.query(on: db).filter(\.$user.$id == user.requireID()).all()
        let ids = Set(memberships.map { $0.$coalition.id })
        let codes = ids.isEmpty ? [] : try await CoalitionMunicipality.query(on: db)
            .filter(\.$coalition.$id ~~ Array(ids)).all().map(\.municipalityCode)
        return DirectoryAccess(user: user, coalitionMunicipalities: Set(codes), coalitionIDs: ids)
    }

    var isAdmin: Bool { user.role == .admin }

    func canEdit(service: ServiceRecord, organisationMunicipality: String?) -> Bool {
        if isAdmin { return true }
        guard user.role == .coordinator else { return false }
        if let m = organisationMunicipality, coalitionMunicipalities.contains(m) { return true }
        return service.areas.contains { coalitionMunicipalities.contains($0.municipalityCode) }
    }

    func canEdit(organisation: Organisation) -> Bool {
        isAdmin || (user.role == .coordinator && coalitionMunicipalities.contains(organisation.municipalityCode))
    }

    func canEdit(coalitionID: UUID) -> Bool {
        isAdmin || (user.role == .coordinator && coalitionIDs.contains(coalitionID))
    }
}
