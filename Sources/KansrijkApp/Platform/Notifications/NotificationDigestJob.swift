import Fluent
import Foundation

/// Writes each person's daily digest (issue #14): once per person per Dutch calendar day, at or after
/// 07:00, with the items held back before that moment (later ones wait for the next morning).
/// Safe to run often and on several instances: the claim's unique key (user, day) lets one write it.
enum NotificationDigestJob {
    static let sendHour = 7
    /// At most this many links in one digest; the counts still name every item.
    static let linkLimit = 30

    /// Today's sending moment (07:00 Dutch time) and the day's key, or nil before it.
    static func window(at now: Date) -> (cutoff: Date, day: String)? {
        let c = CalendarDay.amsterdam.dateComponents([.year, .month, .day], from: now)
        guard let cutoff = CalendarDay.amsterdam.date(from: DateComponents(year: c.year, month: c.month, day: c.day, hour: sendHour)),
              now >= cutoff, let y = c.year, let m = c.month, let d = c.day else { return nil }
        return (cutoff, String(format: "%04d-%02d-%02d", y, m, d))
    }

    /// Writes the digests that are due; returns how many mails it put in the outbox.
    @discardableResult
    static func run(on db: any Database, notifier: Notifier, now: Date) async throws -> Int {
        guard let (cutoff, day) = window(at: now) else { return 0 }
        let pending = try await NotificationDigestItem.query(on: db).filter(\.$digestedAt == nil).filter(\.$createdAt < cutoff)
            .field(\.$user.$id).all()
        let userIDs = Set(pending.map { $0.$user.id })
        var sent = 0
        for userID in userIDs.sorted(by: { $0.uuidString < $1.uuidString }) {
            if try await NotificationDigest.query(on: db).filter(\.$user.$id == userID).filter(\.$day == day).count() > 0 { continue }
            do {
                if try await digest(userID, day: day, cutoff: cutoff, on: db, notifier: notifier, now: now) { sent += 1 }
            } catch where error.isClaimTaken {
                continue  // another instance wrote this digest
            }
        }
        return sent
    }

    /// Claims, writes and marks one person's digest in one transaction; true when a mail was written.
    private static func digest(_ userID: UUID, day: String, cutoff: Date, on db: any Database, notifier: Notifier, now: Date) async throws -> Bool {
        try await db.writeTransaction { db -> Bool in
            let items = try await NotificationDigestItem.query(on: db).filter(\.$user.$id == userID).filter(\.$digestedAt == nil)
                .filter(\.$createdAt < cutoff).sort(\.$createdAt).all()
            guard !items.isEmpty else { return false }
            try await NotificationDigest(userID: userID, day: day, itemCount: items.count, now: now).create(on: db)
            try await NotificationDigestItem.query(on: db).filter(\.$id ~~ items.compactMap(\.id)).set(\.$digestedAt, to: now).update()
            // an account made inactive since gets nothing; its items are done with
            guard let user = try await User.find(userID, on: db), user.isActive else { return false }
            try await MailOutbox.enqueue(mail(for: user, items: items, notifier: notifier), on: db, now: now)
            return true
        }
    }

    /// The digest: how many of each kind, and a link to each page. No client data.
    static func mail(for user: User, items: [NotificationDigestItem], notifier: Notifier) -> MailDraft {
        let l = user.uiLanguage
        var paragraphs = [l == .en ? "This is what happened in Kansrijk since your last daily summary:"
                                   : "Dit gebeurde er in Kansrijk sinds uw vorige dagelijkse overzicht:"]
        for kind in MailKind.choosable {
            let ofKind = items.filter { $0.kind == kind }
            guard !ofKind.isEmpty else { continue }
            var lines = ["\(Strings.text("notifications.kind.\(kind.rawValue)", l)): \(ofKind.count)"]
            lines += ofKind.prefix(linkLimit).map { "- " + notifier.baseURL + $0.path }
            if ofKind.count > linkLimit {
                lines.append(l == .en ? "- and \(ofKind.count - linkLimit) more" : "- en nog \(ofKind.count - linkLimit)")
            }
            // one paragraph per line: the HTML body keeps them apart as the text body does
            paragraphs += lines
        }
        let layout = MailLayout(language: l, greeting: Notifier.greeting(user, l), paragraphs: paragraphs,
                                action: ("Open Kansrijk", notifier.baseURL + "/zorg"),
                                footer: notifier.footer(l))
        let subject = l == .en ? "Kansrijk: your daily summary (\(items.count))" : "Kansrijk: uw dagelijkse overzicht (\(items.count))"
        return layout.draft(to: user.email, userID: user.id, kind: .digest, subject: subject)
    }
}
