import Fluent
import Foundation

/// Makes, resends, revokes and accepts invitations (issue #14): the domain side of
/// `InvitationController` and `InvitationAcceptController`, each change in one write transaction
/// together with its mail, so the mail exists exactly when the change does.
enum InvitationDesk {
    /// At most this many invitations (resends included) per inviter in 24 hours, so an account
    /// cannot be used to send mail to many addresses.
    static let perDay = 50

    struct Request: Sendable {
        var email: String
        var role: Role
        var organisationID: UUID
        var coalitionIDs: [UUID]
        var language: UILanguage
    }

    enum Outcome: Sendable {
        /// A new invitation was mailed; `token` is the link's secret (shown once, never stored).
        case invited(token: String)
        /// The address has an account: the coalitions were added to it (names of the ones that were new).
        case addedToAccount(added: [String], active: Bool)
    }

    enum Refusal: Error, Equatable {
        case notAllowed
        case unknownOrganisation
        case tooMany
        case notOpen
    }

    struct Inviter: Sendable {
        var policy: InvitationPolicy
        var name: String
        var organisation: String
    }

    static func invite(_ request: Request, by inviter: Inviter, baseURL: String, on db: any Database, now: Date) async throws -> Outcome {
        guard inviter.policy.mayInvite(role: request.role, into: request.coalitionIDs) else { throw Refusal.notAllowed }
        return try await db.writeTransaction { db in
            try await checkRate(inviter, on: db, now: now)
            guard let organisation = try await Organisation.find(request.organisationID, on: db) else { throw Refusal.unknownOrganisation }
            if let user = try await User.find(email: request.email, on: db) {
                return try await addToAccount(user, request, by: inviter, baseURL: baseURL, on: db, now: now)
            }
            try await revokeOpen(email: request.email, on: db, now: now)
            let token = OnboardingToken.make()
            let invitation = Invitation(email: request.email, role: request.role, organisationID: request.organisationID,
                                        coalitionIDs: request.coalitionIDs, language: request.language,
                                        invitedBy: inviter.policy.inviterID, tokenHash: OnboardingToken.hash(token), now: now)
            try await invitation.create(on: db)
            try await MailOutbox.enqueue(OnboardingMail.invitation(
                to: request.email, language: request.language, inviter: "\(inviter.name) (\(inviter.organisation))",
                organisation: organisation.name, link: baseURL + "/uitnodiging/" + token, expires: invitation.expiresAt), on: db, now: now)
            return .invited(token: token)
        }
    }

    /// A new link for an open invitation: the old row is revoked (its link stops working) and a copy with a new token is mailed.
    static func resend(_ id: UUID, by inviter: Inviter, baseURL: String, on db: any Database, now: Date) async throws -> String {
        try await db.writeTransaction { db in
            guard let old = try await Invitation.find(id, on: db), inviter.policy.manages(old) else { throw Refusal.notAllowed }
            guard old.isOpen else { throw Refusal.notOpen }
            try await checkRate(inviter, on: db, now: now)
            guard let organisation = try await Organisation.find(old.organisationID, on: db) else { throw Refusal.unknownOrganisation }
            old.revokedAt = now
            try await old.save(on: db)
            let token = OnboardingToken.make()
            let fresh = Invitation(email: old.email, role: old.role, organisationID: old.organisationID, coalitionIDs: old.coalitionIDs,
                                   language: old.uiLanguage, invitedBy: inviter.policy.inviterID, tokenHash: OnboardingToken.hash(token), now: now)
            try await fresh.create(on: db)
            try await MailOutbox.enqueue(OnboardingMail.invitation(
                to: fresh.email, language: fresh.uiLanguage, inviter: "\(inviter.name) (\(inviter.organisation))",
                organisation: organisation.name, link: baseURL + "/uitnodiging/" + token, expires: fresh.expiresAt), on: db, now: now)
            return token
        }
    }

    static func revoke(_ id: UUID, by policy: InvitationPolicy, on db: any Database, now: Date) async throws {
        try await db.writeTransaction { db in
            guard let invitation = try await Invitation.find(id, on: db), policy.manages(invitation) else { throw Refusal.notAllowed }
            guard invitation.isOpen else { throw Refusal.notOpen }
            invitation.revokedAt = now
            try await invitation.save(on: db)
        }
    }

    /// The open invitations she manages, newest first.
    static func open(for policy: InvitationPolicy, on db: any Database) async throws -> [Invitation] {
        try await Invitation.query(on: db).filter(\.$acceptedAt == nil).filter(\.$revokedAt == nil)
            .sort(\.$createdAt, .descending).all().filter(policy.manages)
    }

    /// The invitation behind a link while it can still be used; nil for an unknown, used, revoked or expired link.
    static func usable(token: String, on db: any Database, now: Date) async throws -> Invitation? {
        guard let hash = OnboardingToken.hashIfWellFormed(token),
              let invitation = try await Invitation.query(on: db).filter(\.$tokenHash == hash).first(),
              invitation.isUsable(at: now) else { return nil }
        return invitation
    }

    /// Makes her account from the invitation and uses the link up, in one transaction; `Refusal.notOpen`
    /// when the link was used, revoked or expired in the meantime, or the address got an account.
    static func accept(_ invitationID: UUID, name: String, passwordHash: String, on db: any Database, now: Date) async throws -> User {
        try await db.writeTransaction { db -> User in
            guard try await TokenClaim.invitation(invitationID, on: db, now: now),
                  let invitation = try await Invitation.find(invitationID, on: db), invitation.expiresAt > now,
                  try await User.find(email: invitation.email, on: db) == nil,
                  try await Organisation.find(invitation.organisationID, on: db) != nil else {
                throw Refusal.notOpen  // rolls the claim back with everything else
            }
            let user = User(email: invitation.email, name: name, passwordHash: passwordHash, role: invitation.role,
                            organisationID: invitation.organisationID)
            user.language = invitation.language
            try await user.create(on: db)
            let existing = try await Coalition.query(on: db).filter(\.$id ~~ invitation.coalitionIDs).all().compactMap(\.id)
            for coalition in existing {
                try await CoalitionMember(coalitionID: coalition, userID: try user.requireID()).create(on: db)
            }
            return user
        }
    }

    private static func addToAccount(_ user: User, _ request: Request, by inviter: Inviter, baseURL: String, on db: any Database,
                                      now: Date) async throws -> Outcome {
        let userID = try user.requireID()
        let current = Set(try await CoalitionMember.query(on: db).filter(\.$user.$id == userID).all().map { $0.$coalition.id })
        let new = request.coalitionIDs.filter { !current.contains($0) }
        for coalition in new { try await CoalitionMember(coalitionID: coalition, userID: userID).create(on: db) }
        let names = new.isEmpty ? [] : try await Coalition.query(on: db).filter(\.$id ~~ new).sort(\.$name).all().map(\.name)
        // kept as a used invitation: the record that counts towards the inviter's daily number
        let record = Invitation(email: request.email, role: user.role, organisationID: user.$organisation.id, coalitionIDs: new,
                                language: user.uiLanguage, invitedBy: inviter.policy.inviterID,
                                tokenHash: OnboardingToken.hash(OnboardingToken.make()), now: now)
        record.acceptedAt = now
        try await record.create(on: db)
        if user.isActive, !names.isEmpty {
            try await MailOutbox.enqueue(OnboardingMail.addedToCoalitions(
                to: user, userID: userID, inviter: "\(inviter.name) (\(inviter.organisation))", coalitions: names,
                loginLink: baseURL + "/inloggen"), on: db, now: now)
        }
        return .addedToAccount(added: names, active: user.isActive)
    }

    private static func revokeOpen(email: String, on db: any Database, now: Date) async throws {
        for open in try await Invitation.query(on: db).filter(\.$email == email).filter(\.$acceptedAt == nil).filter(\.$revokedAt == nil).all() {
            open.revokedAt = now
            try await open.save(on: db)
        }
    }

    private static func checkRate(_ inviter: Inviter, on db: any Database, now: Date) async throws {
        let sent = try await Invitation.query(on: db).filter(\.$invitedBy == inviter.policy.inviterID)
            .filter(\.$createdAt > now.addingTimeInterval(-24 * 60 * 60)).count()
        if sent >= perDay { throw Refusal.tooMany }
    }
}
