import Fluent
import Vapor

/// Who may add and change local indicators: admins for any coalition, coordinators for the
/// coalitions they are a member of (the same rule as editing the coalition's workspace, ADR 0006).
struct LocalIndicatorAccess: Sendable {
    let user: User
    /// The coalitions the user may add indicators for, by name.
    let coalitions: [Coalition]

    static func load(for user: User, on db: any Database) async throws -> LocalIndicatorAccess {
        switch user.role {
        case .admin:
            return LocalIndicatorAccess(user: user, coalitions: try await Coalition.allSorted(on: db))
        case .coordinator:
            let ids = try await CoalitionMember.query(on: db).filter(\.$user.$id == user.requireID()).all().map { $0.$coalition.id }
            let coalitions = ids.isEmpty ? [] : try await Coalition.query(on: db).filter(\.$id ~~ ids).sort(\.$name).all()
            return LocalIndicatorAccess(user: user, coalitions: coalitions)
        default:
            return LocalIndicatorAccess(user: user, coalitions: [])
        }
    }

    var coalitionIDs: Set<UUID> { Set(coalitions.compactMap(\.id)) }
    var canAdd: Bool { !coalitions.isEmpty }
    func canEdit(_ owner: LocalIndicatorOwner) -> Bool { coalitionIDs.contains(owner.$coalition.id) }
}
