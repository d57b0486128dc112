import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import KansrijkApp

/// Shared set-up of the screening, MDO and volunteer tests: a fresh client of the Zeist midwife,
/// with a consent for the purposes and organisations a test names.
enum CareBFixture {
    static let midwife = "professional@zeist.demo"      // Verloskundige Praktijk Zeist
    static let jgz = "jgz@zeist.demo"                   // JGZ Zeist
    static let debt = "schuldhulp@zeist.demo"           // Schuldhulpverlening Zeist
    static let volunteers = "vrijwilligers@zeist.demo"  // Samen Oplopen

    static func user(_ email: String, _ app: Application) async throws -> User {
        try #require(try await User.find(email: email, on: app.db))
    }

    static func client(_ app: Application, name: String = "X.Y.", consent purposes: Set<ConsentPurpose> = [], for orgs: [String] = []) async throws -> CareClient {
        let midwife = try await user(Self.midwife, app)
        let now = Date()
        let client = try await ClientRecords.create(ClientForm.Valid(
            name: name, birthDate: CalendarDay.day(year: 1998, month: 5, day: 1)!, municipalityCode: DemoCatalog.zeist,
            expectedBirthDate: CalendarDay.day(at: now).addingTimeInterval(100 * 86_400), actualBirthDate: nil, language: "nl"),
            by: midwife, on: app.db, now: now.addingTimeInterval(-60))
        if !purposes.isEmpty {
            try await ConsentRecords.record(ClientConsentForm.Valid(
                givenBy: .client, purposes: purposes, organisations: orgs.map(DemoData.orgID), validFrom: CalendarDay.day(at: now).addingTimeInterval(-86_400),
                validUntil: nil, recordedHow: .verbal), client: client, basis: .ownInvolvement, by: midwife, on: app.db, now: now.addingTimeInterval(-30))
        }
        return client
    }

    static func auditCount(_ app: Application) async throws -> Int { try await AuditEvent.query(on: app.db).count() }

    /// A form value from a page (`name="..." value="..."` of a hidden input).
    static func hidden(_ html: String, _ name: String) -> String? {
        guard let r = html.range(of: "name=\"\(name)\" value=\"") else { return nil }
        return String(html[r.upperBound...].prefix { $0 != "\"" })
    }

    /// Every answer of the current instrument: the first option, or the one named in `changes`.
    static func answers(_ app: Application, _ changes: [String: String] = [:]) async throws -> [String: String] {
        let definition = try await ScreeningInstrument.current(on: app.db).definition
        var fields = DemoCareScreeningsMDO.baseline(definition).merging(changes) { _, new in new }
        fields = Dictionary(uniqueKeysWithValues: fields.map { ("q-\($0.key)", $0.value) })
        return fields
    }
}
