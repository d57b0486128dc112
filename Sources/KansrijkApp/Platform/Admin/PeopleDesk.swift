import Fluent
import SQLKit
import Vapor

/// A change to an account on "Mensen" (issue #14).
enum PeopleChange: Sendable, Equatable {
    case deactivate
    case reactivate
    case role(Role)
    /// The admin moves the account to another organisation and sets its coalitions.
    case placement(organisation: UUID, coalitions: Set<UUID>)
}

/// Why a change was refused after the access check.
enum PeopleRefusal: Error, Equatable {
    /// The change would leave no active admin.
    case lastAdmin
}

/// Makes the changes of "Mensen" in one write transaction each: deactivation ends every session of the
/// account, and the last active admin is neither deactivated nor demoted. The check counts the active
/// admins after the change inside the transaction; on PostgreSQL the active admins' rows are locked
/// first, so two admins demoting each other at once run one after the other and the second finds
/// herself the last (SQLite has one writer at a time already). Who did what goes to the app log.
enum PeopleDesk {
    static func apply(_ change: PeopleChange, to targetID: UUID, by actor: User, on db: any Database, logger: Logger) async throws -> User {
        let actorID = try actor.requireID()
        let target = try await db.writeTransaction { db -> User in
            try await lockActiveAdmins(on: db)
            guard let target = try await User.find(targetID, on: db) else { throw PageError.notFound }
            switch change {
            case .deactivate:
                target.isActive = false
                try await target.save(on: db)
                try await UserSessions.end(of: targetID, on: db)
            case .reactivate:
                target.isActive = true
                try await target.save(on: db)
            case .role(let role):
                target.role = role
                try await target.save(on: db)
            case .placement(let organisation, let coalitions):
                target.$organisation.id = organisation
                try await target.save(on: db)
                let current = try await CoalitionMember.query(on: db).filter(\.$user.$id == targetID).all()
                for member in current where !coalitions.contains(member.$coalition.id) { try await member.delete(on: db) }
                let kept = Set(current.map { $0.$coalition.id })
                for coalition in coalitions.subtracting(kept) {
                    try await CoalitionMember(coalitionID: coalition, userID: targetID).create(on: db)
                }
            }
            let admins = try await User.query(on: db).filter(\.$role == .admin).filter(\.$isActive == true).count()
            if admins == 0 { throw PeopleRefusal.lastAdmin }
            return target
        }
        logger.notice("people: \(actor.email) (\(actorID)) \(describe(change)) for \(target.email) (\(targetID))")
        return target
    }

    private static func describe(_ change: PeopleChange) -> String {
        switch change {
        case .deactivate: "deactivated the account"
        case .reactivate: "reactivated the account"
        case .role(let role): "set the role to \(role.rawValue)"
        case .placement(let organisation, let coalitions): "set organisation \(organisation) and \(coalitions.count) coalition(s)"
        }
    }

    /// PostgreSQL: `SELECT ... FOR UPDATE` on the active admins' rows, held until the transaction ends.
    /// Fluent has no row locks, hence raw SQL behind the dialect check.
    private static func lockActiveAdmins(on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase, sql.dialect.name == "postgresql" else { return }
        try await sql.raw("SELECT id FROM users WHERE role = \(bind: Role.admin.rawValue) AND is_active = \(bind: true) FOR UPDATE").run()
    }
}
