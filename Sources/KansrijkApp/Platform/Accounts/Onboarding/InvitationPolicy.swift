import Fluent
import Foundation

/// Who may invite whom, and into which coalitions (issue #14). An admin invites anyone, into any
/// organisation and coalition. A coordinator invites professionals, coordinators and policy
/// advisors, only into her own coalitions (at least one), into any existing organisation.
/// Professionals and policy advisors do not invite.
struct InvitationPolicy: Sendable {
    let inviterID: UUID
    let role: Role
    /// The coalitions she may invite into (all of them for an admin).
    let coalitions: [Coalition]

    static func mayInvite(_ role: Role) -> Bool { role == .admin || role == .coordinator }

    static func load(for user: User, on db: any Database) async throws -> InvitationPolicy {
        let id = try user.requireID()
        let coalitions: [Coalition]
        if user.role == .admin {
            coalitions = try await Coalition.allSorted(on: db)
        } else {
            let own = try await CoalitionMember.query(on: db).filter(\.$user.$id == id).all().map { $0.$coalition.id }
            coalitions = own.isEmpty ? [] : try await Coalition.query(on: db).filter(\.$id ~~ own).sort(\.$name).all()
        }
        return InvitationPolicy(inviterID: id, role: user.role, coalitions: coalitions)
    }

    var isAdmin: Bool { role == .admin }
    var coalitionIDs: Set<UUID> { Set(coalitions.compactMap(\.id)) }

    var allowedRoles: [Role] {
        switch role {
        case .admin: [.professional, .coordinator, .policy, .admin]
        case .coordinator: [.professional, .coordinator, .policy]
        default: []
        }
    }

    func mayInvite(role: Role, into coalitionIDs: [UUID]) -> Bool {
        guard allowedRoles.contains(role) else { return false }
        if isAdmin { return Set(coalitionIDs).isSubset(of: self.coalitionIDs) }
        return !coalitionIDs.isEmpty && Set(coalitionIDs).isSubset(of: self.coalitionIDs)
    }

    /// She sees, resends and revokes an invitation: an admin every one; a coordinator the ones she
    /// could have made herself (only into her coalitions, no admin), so a resend never grants more
    /// than she may.
    func manages(_ invitation: Invitation) -> Bool {
        mayInvite(role: invitation.role, into: invitation.coalitionIDs)
    }
}
