import Fluent
import Vapor

/// Who may change a municipality's participation: an admin everything; the coordinator of a
/// coalition that covers the municipality its joint plan, prenatal visit and NNZ (what the
/// coalition itself knows); nobody else. Reading is public.
struct NationalAccess: Sendable {
    enum Scope: Sendable, Equatable {
        case nothing
        /// Joint plan, prenatal home visit, Nu Niet Zwanger.
        case coalitionFacts
        /// Also tranche, GIDS, inhabitants and the source note.
        case everything
    }

    var role: Role
    var coalitionMunicipalities: Set<String>

    static func load(for user: User, on db: any Database) async throws -> NationalAccess {
        let directory = try await DirectoryAccess.load(for: user, on: db)
        return NationalAccess(role: user.role, coalitionMunicipalities: directory.coalitionMunicipalities)
    }

    func canEdit(_ code: String) -> Scope {
        if role == .admin { return .everything }
        if role == .coordinator, coalitionMunicipalities.contains(code) { return .coalitionFacts }
        return .nothing
    }

    var canImport: Bool { role == .admin }
}
