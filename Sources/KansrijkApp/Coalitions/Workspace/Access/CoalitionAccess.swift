import Fluent
import Vapor

enum CoalitionAccessLevel: Int, Comparable, Sendable {
    case none, read, edit
    static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

/// Who may read or change a coalition's workspace (ADR 0006). Admins everything; coordinators
/// who are members edit it; policy advisors of one of its municipalities read all of it; anyone
/// whose organisation is a current partner (or who is a member) reads it; nobody else sees it.
enum CoalitionAccess {
    struct Facts: Sendable, Equatable {
        var role: Role
        var isMember: Bool
        var organisationIsCurrentPartner: Bool
        var organisationInArea: Bool
    }

    static func level(_ f: Facts) -> CoalitionAccessLevel {
        switch f.role {
        case .admin: return .edit
        case .coordinator where f.isMember: return .edit
        case .policy where f.organisationInArea: return .read
        default: return f.isMember || f.organisationIsCurrentPartner ? .read : .none
        }
    }

    /// The user's level in each of `coalitions`, with a fixed number of queries.
    static func levels(for user: User, in coalitions: [Coalition], today: Date, on db: any Database) async throws -> [UUID: CoalitionAccessLevel] {
        let ids = coalitions.compactMap(\.id)
        guard user.role != .admin else { return Dictionary(uniqueKeysWithValues: ids.map { ($0, .edit) }) }
        let memberOf = Set(try await CoalitionMember.query(on: db).filter(\.$user.$id == user.requireID()).all().map { $0.$coalition.id })
        let partnerOf = Set(try await CoalitionPartner.query(on: db).filter(\.$organisation.$id == user.$organisation.id).all()
            .filter { $0.isCurrent(on: today) }.map { $0.$coalition.id })
        var inArea = Set<UUID>()
        if user.role == .policy {
            let code = try await user.$organisation.get(on: db).municipalityCode
            inArea = Set(try await CoalitionMunicipality.query(on: db).filter(\.$municipalityCode == code).all().map { $0.$coalition.id })
        }
        return Dictionary(uniqueKeysWithValues: ids.map { id in
            (id, level(Facts(role: user.role, isMember: memberOf.contains(id), organisationIsCurrentPartner: partnerOf.contains(id),
                             organisationInArea: inArea.contains(id))))
        })
    }
}

/// A coalition opened by a signed-in user who may at least read it.
struct CoalitionWorkspace: Sendable {
    let user: User
    let coalition: Coalition
    let id: UUID
    let level: CoalitionAccessLevel
    /// The day it is in the Netherlands; every date check of the request uses this one.
    let today: Date

    var canEdit: Bool { level == .edit }
    var base: String { "/coalities/\(coalition.slug)" }
}

extension Request {
    /// The coalition named by the `:slug` parameter when the signed-in user has at least `need`;
    /// otherwise the log-in page (anonymous), 404 (no such coalition) or 403.
    func workspace(_ need: CoalitionAccessLevel) async throws -> CoalitionWorkspace {
        let user = try requireUser()
        guard let slug = parameters.get("slug"),
              let coalition = try await Coalition.query(on: db).filter(\.$slug == slug).first() else { throw PageError.notFound }
        let today = CalendarDay.day(at: Date())
        let level = try await CoalitionAccess.levels(for: user, in: [coalition], today: today, on: db)[coalition.requireID()] ?? .none
        guard level >= need, level > .none else { throw PageError.forbidden }
        return CoalitionWorkspace(user: user, coalition: coalition, id: try coalition.requireID(), level: level, today: today)
    }
}
