import Fluent
import Foundation

/// Referrals outside Kansrijk (issue #15): the channel a referral is recorded with, and the
/// sender's later record of whether contact was made.
extension ReferralDesk {
    /// The channel asked for, except that Kansrijk to an organisation where nobody answers referrals
    /// becomes phone or e-mail: such a referral would otherwise never be received (the form warns first).
    static func channel(_ r: Request, on db: any Database) async throws -> ReferralChannel {
        guard r.channel == .kansrijk else { return r.channel }
        return try await receives(r.organisationID, on: db) ? .kansrijk : .phoneEmail
    }

    /// Whether the organisation takes referrals through Kansrijk and has an active person who works the worklist.
    static func receives(_ organisationID: UUID, on db: any Database) async throws -> Bool {
        guard let organisation = try await Organisation.find(organisationID, on: db), organisation.receivesReferrals ?? true else { return false }
        return try await User.query(on: db).filter(\.$organisation.$id == organisationID).filter(\.$isActive == true)
            .filter(\.$role ~~ ReferralReceiving.workingRoles).count() > 0
    }

    enum ContactRefusal: Error, Equatable, Sendable {
        /// Only the referring organisation records it, and only for a referral outside Kansrijk.
        case notSender, inKansrijk
        /// Already recorded, or the referral was closed meanwhile.
        case alreadyRecorded
        /// The day of contact is missing, before the referral, or in the future.
        case badDay
    }

    /// Records whether contact was made: made moves it to accepted with `firstContactAt` on the day
    /// of contact (so time to first contact counts it), not made closes it as failed with the reason.
    func recordContact(_ referral: Referral, outcome: ReferralContactOutcome, on day: Date?, reason: String?, by user: User,
                       basis: AccessBasis, now: Date) async throws {
        guard referral.$referringOrganisation.id == user.$organisation.id else { throw ContactRefusal.notSender }
        guard referral.channel != .kansrijk else { throw ContactRefusal.inKansrijk }
        guard referral.contactOutcome == nil, !referral.status.isClosed else { throw ContactRefusal.alreadyRecorded }
        let id = try referral.requireID()
        let from = referral.status
        let to: ReferralStatus
        switch outcome {
        case .made:
            guard let day, day >= CalendarDay.day(at: referral.requestedAt), day <= CalendarDay.day(at: now) else { throw ContactRefusal.badDay }
            to = .accepted
        case .notMade:
            guard (reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty == false else {
                throw Refusal.lifecycle(.reasonMissing)
            }
            to = .failed
        }
        try await db.auditedTransaction { db in
            referral.contactOutcome = outcome
            referral.contactRecordedAt = now
            referral.status = to
            referral.statusChangedAt = now
            referral.statusReason = outcome == .notMade ? reason.flatMap(FormInput.text) : nil
            // the day of contact counts from its start, and never before the referral was sent
            if outcome == .made, referral.firstContactAt == nil, let day { referral.firstContactAt = max(day, referral.requestedAt) }
            try await referral.save(on: db)
            try await ReferralEvent(referralID: id, from: from, to: to, at: now, reason: referral.statusReason, user: user).create(on: db)
            try await CareNotification.query(on: db).filter(\.$referralID == id).filter(\.$event == CareNotificationEvent.contactReminder.rawValue)
                .filter(\.$readAt == nil).set(\.$readAt, to: now).update()
            try await AuditLog.record(AuditDraft(action: .update, clientID: referral.$client.id, user: user, basis: basis,
                                                 what: "referral \(id.slug) contact \(outcome.rawValue) (\(referral.channel.rawValue))"), on: db, now: now)
        }
    }
}
