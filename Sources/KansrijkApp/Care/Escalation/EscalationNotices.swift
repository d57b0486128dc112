import Fluent
import Foundation

/// Tells the people a ladder step names when a referral reaches it (issue #14). Overdue is computed
/// on read (`EscalationList`); this background check compares it with what was told
/// (`EscalationNotice`, one row per referral, coalition, cause and step) and tells each step once.
///
/// Who a role is (ADR 0027): `coordinator` the coordinators of the coalition whose ladder it is (it
/// covers the client's municipality); `policy` that coalition's policy advisors. There is no manager
/// role: `receivingManager` and `referringManager` reach the receiving or referring organisation's
/// professionals, the people who can open the referral and act on it in Kansrijk.
enum EscalationNotices {
    /// A step reached longer ago than this is old news (a referral that was already overdue when this
    /// check first ran, after an upgrade or a long stop): it is recorded as told without a mail, so
    /// the first run does not flood coordinators. The escalation page still lists it.
    static let staleAfterDays = 7

    /// Days since the referral reached `step` (a rejection without an alternative reaches its first step at once).
    static func daysSinceReached(_ overdue: Escalation.Overdue) -> Int {
        overdue.days - min(overdue.step.afterDays, overdue.days)
    }

    /// Tells every step reached and not yet told; returns how many steps it told.
    @discardableResult
    static func run(on db: any Database, notifier: Notifier, now: Date) async throws -> Int {
        var told = 0
        for coalition in try await Coalition.query(on: db).all() {
            let coalitionID = try coalition.requireID()
            let ladder = try await EscalationStep.query(on: db).filter(\.$coalition.$id == coalitionID).all()
                .map { Escalation.Step(afterDays: $0.afterDays, role: $0.role) }
            let municipalities = try await CoalitionMunicipality.query(on: db).filter(\.$coalition.$id == coalitionID).all().map(\.municipalityCode)
            for item in try await EscalationList.overdue(municipalities: municipalities, ladder: ladder, on: db, now: now) {
                let referralID = try item.referral.requireID()
                let step = item.overdue.step, cause = item.overdue.cause.rawValue
                let known = try await EscalationNotice.query(on: db).filter(\.$referralID == referralID).filter(\.$coalitionID == coalitionID)
                    .filter(\.$cause == cause).filter(\.$afterDays == step.afterDays).count()
                guard known == 0 else { continue }
                do {
                    try await db.writeTransaction { db in
                        try await EscalationNotice(referralID: referralID, coalitionID: coalitionID, cause: cause, afterDays: step.afterDays, now: now)
                            .create(on: db)
                        guard daysSinceReached(item.overdue) <= staleAfterDays else { return }
                        let people = try await recipients(step.role, coalitionID: coalitionID, referral: item.referral, on: db)
                        let path = [.coordinator, .policy].contains(step.role) ? EscalationPaths.page : "/zorg/verwijzingen/\(referralID.slug)"
                        try await notifier.notify(people, of: .escalation(path: path, service: item.referral.serviceName, cause: item.overdue.cause,
                                                                          days: item.overdue.days, role: step.role), on: db, now: now)
                    }
                    told += 1
                } catch where error.isClaimTaken {
                    continue  // another instance told this step
                }
            }
        }
        return told
    }

    /// The active people a step's role names, for one coalition's ladder.
    static func recipients(_ role: EscalationRole, coalitionID: UUID, referral: Referral, on db: any Database) async throws -> [User] {
        switch role {
        case .coordinator, .policy:
            let members = try await CoalitionMember.query(on: db).filter(\.$coalition.$id == coalitionID).all().map { $0.$user.id }
            guard !members.isEmpty else { return [] }
            return try await User.query(on: db).filter(\.$id ~~ members).filter(\.$role == (role == .coordinator ? Role.coordinator : .policy))
                .filter(\.$isActive == true).all()
        case .receivingManager:
            return try await professionals(of: referral.$receivingOrganisation.id, on: db)
        case .referringManager:
            return try await professionals(of: referral.$referringOrganisation.id, on: db)
        }
    }

    static func professionals(of organisationID: UUID, on db: any Database) async throws -> [User] {
        try await User.query(on: db).filter(\.$organisation.$id == organisationID).filter(\.$role == .professional)
            .filter(\.$isActive == true).all()
    }
}
