import Fluent
import Foundation

/// Who decides and who reads the register (issue 15, ADR 0029). Decisions: only the named
/// decision-makers of the coalition of the client's municipality, never by role (an admin decides
/// only when named). The register: that coalition's coordinators and decision-makers.
enum ExtraCareDeciders {
    /// The coalition that covers a municipality (the first by name when several do).
    static func coalition(for municipalityCode: String, on db: any Database) async throws -> Coalition? {
        let ids = try await CoalitionMunicipality.query(on: db).filter(\.$municipalityCode == municipalityCode).all().map { $0.$coalition.id }
        guard !ids.isEmpty else { return nil }
        return try await Coalition.query(on: db).filter(\.$id ~~ ids).sort(\.$name).first()
    }

    /// The active named decision-makers of a coalition.
    static func users(of coalitionID: UUID, on db: any Database) async throws -> [User] {
        let ids = try await ExtraCareDecider.query(on: db).filter(\.$coalition.$id == coalitionID).all().map { $0.$user.id }
        guard !ids.isEmpty else { return [] }
        return try await User.query(on: db).filter(\.$id ~~ ids).filter(\.$isActive == true).sort(\.$name).all()
    }

    /// The coalitions in which the user is a named decision-maker.
    static func coalitionIDs(decidedBy user: User, on db: any Database) async throws -> Set<UUID> {
        Set(try await ExtraCareDecider.query(on: db).filter(\.$user.$id == user.requireID()).all().map { $0.$coalition.id })
    }

    static func decides(_ user: User, coalition coalitionID: UUID, on db: any Database) async throws -> Bool {
        guard user.isActive else { return false }
        return try await ExtraCareDecider.query(on: db).filter(\.$user.$id == user.requireID())
            .filter(\.$coalition.$id == coalitionID).count() > 0
    }

    /// Coordinators of the coalition and its decision-makers read the register and record the settlement.
    static func readsRegister(_ user: User, coalition coalitionID: UUID, on db: any Database) async throws -> Bool {
        if try await decides(user, coalition: coalitionID, on: db) { return true }
        guard user.role == .coordinator else { return false }
        return try await CoalitionMember.query(on: db).filter(\.$user.$id == user.requireID())
            .filter(\.$coalition.$id == coalitionID).count() > 0
    }

    /// Replaces the coalition's decision-makers with `userIDs` (members of the coalition, checked by the caller).
    static func set(_ userIDs: Set<UUID>, coalition coalitionID: UUID, on db: any Database) async throws {
        try await db.writeTransaction { db in
            try await ExtraCareDecider.query(on: db).filter(\.$coalition.$id == coalitionID).delete()
            for id in userIDs.sorted(by: { $0.uuidString < $1.uuidString }) {
                try await ExtraCareDecider(coalitionID: coalitionID, userID: id).create(on: db)
            }
        }
    }
}
