import Vapor

/// What a visitor may open, named once (issue 15, ADR 0030): the routes' checks ask `req.require(_:)`
/// and the menus and start pages ask `Role.may(_:)`, so a link is shown exactly when its page opens.
/// Finer checks (which coalition, which client) stay with the route; a permission is the door.
enum Permission: String, CaseIterable, Sendable {
    /// `/zorgpaden`, `/dekking`, `/coalities`, `/zorg`: every signed-in user.
    case signedIn
    /// `/beheer`: people, organisations, invitations.
    case administration
    /// `/beheer/email`: the outbox.
    case mailOutbox
    /// `/beheer/achtergrond`: the background jobs' runs on every instance (issue 17).
    case backgroundWork
    /// `/monitor/import`: aggregate figures from a CSV.
    case importFigures
    /// `/zorgpaden/nieuw` and the coordinator's tools on zorgpaden (publish, edit).
    case composePathways
    /// `/zorg/beheer`: export and erase care data.
    case careAdministration
    /// `/zorg/clienten/nieuw`: only care professionals keep client records (issue #13).
    case keepClientRecords
    /// `/zorg/escalatie`: the ladder for overdue referrals (policy advisors read it, ADR 0027).
    case escalationLadder

    /// The roles that pass this door.
    var roles: Set<Role> {
        switch self {
        case .signedIn: Set(Role.allCases)
        case .keepClientRecords: [.professional]
        case .administration, .composePathways: [.coordinator, .admin]
        case .mailOutbox, .backgroundWork, .careAdministration: [.admin]
        case .importFigures, .escalationLadder: [.coordinator, .policy, .admin]
        }
    }
}

extension Role {
    func may(_ permission: Permission) -> Bool { permission.roles.contains(self) }
}

extension Request {
    /// The signed-in user when her role passes `permission`; otherwise the log-in page or 403.
    func require(_ permission: Permission) throws -> User {
        let user = try requireUser()
        guard user.role.may(permission) else { throw PageError.forbidden }
        return user
    }
}
