import Fluent
import Foundation
import Testing
import Vapor
@testable import KansrijkApp

/// Shared pieces of the notification tests (issue #14).
enum NotificationFixture {
    static let base = "https://kansrijk.test"
    static let notifier = Notifier(baseURL: base)
    static let clientName = "Q.Q. Geheimnaam"

    /// Forgets what the demo data told (its referrals mail and notify too), so counts start at zero.
    static func clean(_ app: Application) async throws {
        try await MailMessage.query(on: app.db).delete()
        try await NotificationDigestItem.query(on: app.db).delete()
        try await CareNotification.query(on: app.db).delete()
    }

    static func user(_ email: String, _ app: Application) async throws -> User {
        try #require(try await User.find(email: email, on: app.db))
    }

    /// A client of the Zeist midwife with consent to refer to, and discuss in the MDO with, JGZ Zeist.
    static func client(_ app: Application) async throws -> CareClient {
        try await CareBFixture.client(app, name: clientName, consent: [.refer, .mdo], for: ["jgz-zeist"])
    }

    /// The midwife refers the client to Stevig Ouderschap at JGZ Zeist.
    static func refer(_ app: Application, _ client: CareClient, now: Date = Date()) async throws -> Referral {
        let midwife = try await user(ClientFixtures.midwifeEmail, app)
        return try await ReferralDesk(db: app.db, notifier: notifier).send(ReferralDesk.Request(
            serviceID: ClientFixtures.stevigOuderschap, serviceName: "Stevig Ouderschap", organisationID: ClientFixtures.jgzOrg,
            organisationName: "Jeugdgezondheidszorg Zeist", reason: "Testreden", agreed: "Testafspraak"),
            client: client, basis: .ownInvolvement, by: midwife, now: now)
    }

    static func mails(_ app: Application, to user: User, kind: MailKind? = nil) async throws -> [MailMessage] {
        var query = MailMessage.query(on: app.db).filter(\.$userID == (try user.requireID()))
        if let kind { query = query.filter(\.$kind == kind) }
        return try await query.all()
    }

    /// No name or code of the client anywhere in the mail.
    static func expectNoClientData(_ mail: MailMessage, _ client: CareClient, sourceLocation: SourceLocation = #_sourceLocation) {
        for part in [mail.subject, mail.textBody, mail.htmlBody ?? ""] {
            #expect(!part.contains(client.name), "the mail names the client", sourceLocation: sourceLocation)
            #expect(!part.contains(client.code), "the mail carries the client's code", sourceLocation: sourceLocation)
        }
    }

    static func setLanguage(_ language: UILanguage, of email: String, _ app: Application) async throws {
        let u = try await user(email, app)
        u.language = language.rawValue
        try await u.save(on: app.db)
    }

    static func choose(_ delivery: MailDelivery, _ kind: MailKind, for email: String, _ app: Application) async throws {
        let u = try await user(email, app)
        try await NotificationPreference.save([kind: delivery], of: u.requireID(), on: app.db, now: Date())
    }

    /// An instant at `hour`:`minute` Dutch time, `days` after today.
    static func dutch(days: Int, hour: Int, minute: Int = 0) -> Date {
        let day = CalendarDay.day(at: Date()).addingTimeInterval(Double(days) * 86_400)
        return MeetingTime.instant(day: day, minutes: hour * 60 + minute)!
    }
}
