import Fluent
import Foundation

/// What a consent allows.
enum ConsentPurpose: String, Codable, CaseIterable, Sendable {
    /// Refer to another organisation (verwijzen).
    case refer
    /// Discuss in a multidisciplinary meeting (MDO).
    case mdo
    /// Share a summary with the organisations named.
    case shareSummary = "share_summary"
    /// Ask a volunteer to support the family.
    case volunteer
}

/// Who gave the consent.
enum ConsentGiver: String, Codable, CaseIterable, Sendable {
    case client, parent
    case legalRepresentative = "legal_representative"
}

/// How the consent was recorded.
enum ConsentRecording: String, Codable, CaseIterable, Sendable {
    case verbal, written, digital
}

/// The client's consent to break professional secrecy for given purposes and organisations,
/// for a time. Every share checks it; withdrawal takes effect at once (issue #4).
final class Consent: Model, @unchecked Sendable {
    static let schema = "care_consents"

    // managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    // data fields
    @Field(key: "given_by") var givenBy: ConsentGiver
    /// Raw values of `ConsentPurpose`.
    @Field(key: "purposes") var purposeCodes: [String]
    @Field(key: "valid_from") var validFrom: Date
    @OptionalField(key: "valid_until") var validUntil: Date?
    @Field(key: "recorded_how") var recordedHow: ConsentRecording
    @OptionalField(key: "withdrawn_at") var withdrawnAt: Date?

    // relationships
    @Parent(key: "client_id") var client: CareClient
    @Parent(key: "recorded_by_id") var recordedBy: User
    @OptionalParent(key: "withdrawn_by_id") var withdrawnBy: User?
    @Children(for: \.$consent) var organisations: [ConsentOrganisation]

    init() {}

    init(id: UUID? = nil, clientID: UUID, givenBy: ConsentGiver, purposes: Set<ConsentPurpose>, validFrom: Date,
         validUntil: Date?, recordedHow: ConsentRecording, recordedByID: UUID) {
        self.id = id
        self.$client.id = clientID
        self.givenBy = givenBy
        self.purposeCodes = purposes.map(\.rawValue).sorted()
        self.validFrom = validFrom
        self.validUntil = validUntil
        self.recordedHow = recordedHow
        self.$recordedBy.id = recordedByID
    }

    var purposes: Set<ConsentPurpose> { Set(purposeCodes.compactMap(ConsentPurpose.init(rawValue:))) }

    /// In force at an instant: started, not past its end, not withdrawn.
    func isValid(at now: Date) -> Bool {
        Self.isValid(from: validFrom, until: validUntil, withdrawnAt: withdrawnAt, at: now)
    }

    /// `from` and `until` are days (compared on the Dutch calendar), `withdrawnAt` an instant.
    static func isValid(from: Date, until: Date?, withdrawnAt: Date?, at now: Date) -> Bool {
        let day = CalendarDay.dutchWallClock(now)
        return from <= day && (until.map { day < $0 } ?? true) && (withdrawnAt.map { now < $0 } ?? true)
    }
}

/// An organisation a consent covers.
final class ConsentOrganisation: Model, @unchecked Sendable {
    static let schema = "care_consent_organisations"

    @ID(key: .id) var id: UUID?
    @Parent(key: "consent_id") var consent: Consent
    @Parent(key: "organisation_id") var organisation: Organisation

    init() {}

    init(id: UUID? = nil, consentID: UUID, organisationID: UUID) {
        self.id = id
        self.$consent.id = consentID
        self.$organisation.id = organisationID
    }
}

extension Consent {
    /// The consent in force at `now` that lets `organisation` receive the client's data for `purpose`.
    static func active(client clientID: UUID, organisation organisationID: UUID, purpose: ConsentPurpose,
                       at now: Date, on db: any Database) async throws -> Consent? {
        let covering = try await ConsentOrganisation.query(on: db).filter(\.$organisation.$id == organisationID)
            .join(Consent.self, on: \ConsentOrganisation.$consent.$id == \Consent.$id)
            .filter(Consent.self, \.$client.$id == clientID).all()
        let ids = covering.map { $0.$consent.id }
        guard !ids.isEmpty else { return nil }
        return try await Consent.query(on: db).filter(\.$id ~~ ids).sort(\.$validFrom).all()
            .first { $0.isValid(at: now) && $0.purposes.contains(purpose) }
    }

    /// Withdraws the consent at `now` and ends, at once, every involvement that rested on it.
    func withdraw(by user: User, on db: any Database, now: Date) async throws {
        withdrawnAt = now
        $withdrawnBy.id = try user.requireID()
        try await save(on: db)
        let id = try requireID()
        try await ClientInvolvement.query(on: db).filter(\.$consentID == id).filter(\.$until == nil)
            .set(\.$until, to: now).update()
    }
}
