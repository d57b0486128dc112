import Fluent
import Foundation
import Testing
import Vapor
@testable import KansrijkApp

/// Building care records for tests through the same code paths as the pages.
enum ClientFixtures {
    static let midwifeEmail = "professional@zeist.demo"
    static let jgzEmail = "jgz@zeist.demo"
    static let debtEmail = "schuldhulp@zeist.demo"
    static let jgzOrg = DemoData.orgID("jgz-zeist")
    static let stevigOuderschap = DemoData.serviceID("Stevig Ouderschap")

    static func user(_ email: String, _ app: Application) async throws -> User {
        try #require(await User.find(email: email, on: app.db))
    }

    /// A client made by the midwife's organisation at `now`.
    static func client(_ app: Application, name: String = "Z.Y. Testcliënt", now: Date) async throws -> CareClient {
        let midwife = try await user(midwifeEmail, app)
        return try await ClientRecords.create(ClientForm.Valid(
            name: name, birthDate: CalendarDay.day(year: 1998, month: 5, day: 1)!, municipalityCode: DemoCatalog.zeist,
            expectedBirthDate: CalendarDay.day(at: now).addingTimeInterval(100 * 86_400), actualBirthDate: nil, language: "nl"),
            by: midwife, on: app.db, now: now)
    }

    /// Consent to refer to (and discuss with) JGZ Zeist, from `from`, optionally until `until`.
    static func consent(_ app: Application, client: CareClient, from: Date, until: Date? = nil, purposes: Set<ConsentPurpose> = [.refer]) async throws -> Consent {
        let midwife = try await user(midwifeEmail, app)
        return try await ConsentRecords.record(ClientConsentForm.Valid(
            givenBy: .client, purposes: purposes, organisations: [jgzOrg], validFrom: from, validUntil: until, recordedHow: .written),
            client: client, basis: .ownInvolvement, by: midwife, on: app.db, now: from)
    }

    /// A referral from the midwife to Stevig Ouderschap (JGZ).
    static func referral(_ app: Application, client: CareClient, now: Date) async throws -> Referral {
        let midwife = try await user(midwifeEmail, app)
        return try await ReferralDesk(db: app.db, notifier: Notifier(app: app)).send(ReferralDesk.Request(
            serviceID: stevigOuderschap, serviceName: "Stevig Ouderschap", organisationID: jgzOrg, organisationName: "Jeugdgezondheidszorg Zeist",
            reason: "Testreden", agreed: "Testafspraak"), client: client, basis: .ownInvolvement, by: midwife, now: now)
    }

    static func access(_ email: String, _ app: Application) async throws -> CareAccess {
        try await CareAccess.load(for: try await user(email, app), on: app.db)
    }
}
