import Fluent
import Vapor

/// Forgotten passwords (issue #14). A request for an address is answered at once with the same page
/// whether or not an account exists; the look-up, the token and the mail happen afterwards in the
/// background (`OnboardingBackground`), so the answer's timing tells nothing either.
enum PasswordResetDesk {
    /// Looks the address up and, for an active account, mails a fresh link (older unused links stop working).
    static func issue(email: String, baseURL: String, on db: any Database, now: Date) async throws {
        guard let user = try await User.find(email: email, on: db), user.isActive else { return }
        let userID = try user.requireID()
        try await db.writeTransaction { db in
            for old in try await PasswordResetToken.query(on: db).filter(\.$user.$id == userID).filter(\.$usedAt == nil).all() {
                old.usedAt = now
                try await old.save(on: db)
            }
            let token = OnboardingToken.make()
            try await PasswordResetToken(userID: userID, tokenHash: OnboardingToken.hash(token), now: now).create(on: db)
            try await MailOutbox.enqueue(OnboardingMail.passwordReset(to: user, userID: userID, link: baseURL + "/wachtwoord-herstellen/" + token),
                                         on: db, now: now)
        }
    }

    /// The link's token row and its active account while the link can be used; nil otherwise.
    static func usable(token: String, on db: any Database, now: Date) async throws -> (PasswordResetToken, User)? {
        guard let hash = OnboardingToken.hashIfWellFormed(token),
              let reset = try await PasswordResetToken.query(on: db).filter(\.$tokenHash == hash).first(), reset.isUsable(at: now),
              let user = try await User.find(reset.$user.id, on: db), user.isActive else { return nil }
        return (reset, user)
    }

    /// Sets the new password, uses the link up and ends every session of the account, in one
    /// transaction; false when the link was used or expired in the meantime.
    static func complete(_ resetID: UUID, passwordHash: String, on db: any Database, now: Date) async throws -> Bool {
        do {
            try await db.writeTransaction { db in
                guard try await TokenClaim.passwordReset(resetID, on: db, now: now),
                      let reset = try await PasswordResetToken.find(resetID, on: db), reset.expiresAt > now,
                      let user = try await User.find(reset.$user.id, on: db), user.isActive else { throw InvitationDesk.Refusal.notOpen }
                user.passwordHash = passwordHash
                try await user.save(on: db)
                try await UserSessions.end(of: try user.requireID(), on: db)
            }
            return true
        } catch InvitationDesk.Refusal.notOpen {
            return false
        }
    }
}
