import Fluent
import Foundation

extension NotificationEvent {
    /// A referral sent by phone, e-mail or elsewhere waits for its sender to record whether contact
    /// was made (issue #15). Names the service, never the client.
    static func contactReminder(referralID: UUID, service: String, days: Int) -> NotificationEvent {
        NotificationEvent(kind: .contactReminder, path: "/zorg/verwijzingen/\(referralID.slug)#contact") { l in
            l == .en
                ? .init(subject: "Kansrijk: was there contact after your referral?",
                        paragraphs: ["\(days) days ago you referred a family to \(service) outside Kansrijk (by phone or e-mail).",
                                     "Sign in to Kansrijk and record whether contact was made, and when."],
                        action: "Record the outcome")
                : .init(subject: "Kansrijk: was er contact na uw verwijzing?",
                        paragraphs: ["\(days) dagen geleden verwees u een gezin naar \(service), buiten Kansrijk (per telefoon of e-mail).",
                                     "Log in bij Kansrijk en leg vast of er contact was, en wanneer."],
                        action: "Leg de uitkomst vast")
        }
    }
}

/// Reminds the senders of referrals outside Kansrijk, once per referral, `days` days after sending,
/// to record whether contact was made (issue #15). Idempotent: the claim's unique key lets one
/// run (or instance) remind.
enum ContactReminderNotices {
    @discardableResult
    static func run(on db: any Database, notifier: Notifier, now: Date, days: Int) async throws -> Int {
        let due = now.addingTimeInterval(-Double(days) * 86_400)
        let open = ReferralStatus.allCases.filter { !$0.isClosed }
        let waiting = try await Referral.query(on: db).filter(\.$storedChannel ~~ [.phoneEmail, .elsewhere])
            .filter(\.$contactOutcome == nil).filter(\.$status ~~ open).filter(\.$requestedAt <= due).all()
        guard !waiting.isEmpty else { return 0 }
        let claimed = Set(try await ReferralContactReminder.query(on: db).filter(\.$referralID ~~ waiting.compactMap(\.id)).all().map(\.referralID))
        var sent = 0
        for referral in waiting {
            guard let id = referral.id, !claimed.contains(id) else { continue }
            do {
                try await db.writeTransaction { db in
                    try await ReferralContactReminder(referralID: id, now: now).create(on: db)
                    let code = try await CareClient.find(referral.$client.id, on: db)?.code
                    try await CareNotification(userID: referral.$referredBy.id, referralID: id, status: referral.status, now: now,
                                               event: .contactReminder, clientCode: code, serviceName: referral.serviceName).create(on: db)
                    guard let sender = try await User.find(referral.$referredBy.id, on: db) else { return }
                    try await notifier.notify([sender], of: .contactReminder(referralID: id, service: referral.serviceName, days: days),
                                              on: db, now: now)
                }
                sent += 1
            } catch where error.isClaimTaken {
                continue  // another instance reminded
            }
        }
        return sent
    }
}
