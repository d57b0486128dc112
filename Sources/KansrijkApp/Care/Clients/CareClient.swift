import Fluent
import Foundation

/// A client of the care room: a (future) parent, with only what is needed to find her again
/// and to know her phase. Everything else lives in screenings, referrals and MDO cases (issue #4).
final class CareClient: Model, @unchecked Sendable {
    static let schema = "care_clients"

    // managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    // data fields
    /// Pseudonym like `KS-7F3A2`, shown in the MDO and in lists instead of the name.
    @Field(key: "code") var code: String
    /// Name or initials.
    @Field(key: "name") var name: String
    /// Calendar day (see `CalendarDay`).
    @Field(key: "birth_date") var birthDate: Date
    /// CBS code of the municipality where she lives (`GM0355`).
    @Field(key: "municipality_code") var municipalityCode: String
    @OptionalField(key: "expected_birth_date") var expectedBirthDate: Date?
    @OptionalField(key: "actual_birth_date") var actualBirthDate: Date?
    /// ISO 639-1 code of the language she prefers.
    @Field(key: "language") var language: String
    /// When the care ended; closed records are removed after the retention term.
    @OptionalField(key: "closed_at") var closedAt: Date?
    /// Why the care ended (`ClosingReason` raw value) and an optional note, while closed (issue #15).
    @OptionalField(key: "closed_reason") var closedReason: String?
    @OptionalField(key: "closed_note") var closedNote: String?
    /// Pseudonym of the child once the birth is recorded, like `KK-7F3A2` (issue #15).
    @OptionalField(key: "child_code") var childCode: String?

    // relationships
    @Parent(key: "created_by_organisation_id") var createdByOrganisation: Organisation

    init() {}

    init(id: UUID? = nil, code: String, name: String, birthDate: Date, municipalityCode: String,
         expectedBirthDate: Date? = nil, actualBirthDate: Date? = nil, language: String, createdByOrganisationID: UUID) {
        self.id = id
        self.code = code
        self.name = name
        self.birthDate = birthDate
        self.municipalityCode = municipalityCode
        self.expectedBirthDate = expectedBirthDate
        self.actualBirthDate = actualBirthDate
        self.language = language
        self.$createdByOrganisation.id = createdByOrganisationID
    }
}

extension CareClient {
    /// A new pseudonym: `KS-` and five characters that cannot be mistaken for each other.
    static func newCode<G: RandomNumberGenerator>(using generator: inout G) -> String {
        let alphabet = Array("23456789ABCDEFGHJKLMNPQRSTUVWXYZ")
        return "KS-" + String((0..<5).map { _ in alphabet.randomElement(using: &generator)! })
    }

    /// A pseudonym not yet in use.
    static func freshCode(on db: any Database) async throws -> String {
        var generator = SystemRandomNumberGenerator()
        while true {
            let code = newCode(using: &generator)
            if try await CareClient.query(on: db).filter(\.$code == code).count() == 0 { return code }
        }
    }
}
