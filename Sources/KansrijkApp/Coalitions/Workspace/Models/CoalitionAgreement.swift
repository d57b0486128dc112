import Fluent
import Foundation

/// The kinds of signed agreement the seeds mention, from light to binding.
enum CoalitionAgreementKind: String, Codable, CaseIterable, Sendable {
    case manifest
    case letterOfIntent = "intentieverklaring"
    case covenant = "convenant"
    case cooperationAgreement = "samenwerkingsovereenkomst"
}

/// A signed agreement: who signed it, when, and which ambitions it holds.
final class CoalitionAgreement: Model, @unchecked Sendable {
    static let schema = "coalition_agreements"

    // managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // data fields
    @Field(key: "kind") var kind: CoalitionAgreementKind
    @Field(key: "title") var title: String
    /// Calendar day (see `CalendarDay`).
    @Field(key: "signed_on") var signedOn: Date
    /// Signatories, one per line ("Wethouder Jeugd, gemeente Zeist").
    @Field(key: "signatories") var signatories: String

    // relationships
    @Parent(key: "coalition_id") var coalition: Coalition

    init() {}

    init(id: UUID? = nil, coalitionID: UUID, kind: CoalitionAgreementKind, title: String, signedOn: Date, signatories: String) {
        self.id = id
        self.$coalition.id = coalitionID
        self.kind = kind
        self.title = title
        self.signedOn = signedOn
        self.signatories = signatories
    }
}

/// An ambition an agreement holds.
final class CoalitionAgreementAmbition: Model, @unchecked Sendable {
    static let schema = "coalition_agreement_ambitions"

    @ID(key: .id) var id: UUID?
    @Parent(key: "agreement_id") var agreement: CoalitionAgreement
    @Parent(key: "ambition_id") var ambition: Ambition

    init() {}

    init(agreementID: UUID, ambitionID: UUID) {
        self.$agreement.id = agreementID
        self.$ambition.id = ambitionID
    }
}

/// The signed document itself, kept in the database so that one backup (SQLite file or
/// PostgreSQL dump) holds everything. Its own table, so listing agreements never loads files.
final class CoalitionAgreementDocument: Model, @unchecked Sendable {
    static let schema = "coalition_agreement_documents"

    // managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "uploaded_at", on: .create) var uploadedAt: Date?

    // data fields
    @Field(key: "file_name") var fileName: String
    /// Decided from the bytes by `UploadCheck`, never taken from the browser.
    @Field(key: "content_type") var contentType: String
    @Field(key: "size") var size: Int
    @Field(key: "data") var data: Data

    // relationships
    @Parent(key: "agreement_id") var agreement: CoalitionAgreement

    init() {}

    init(id: UUID? = nil, agreementID: UUID, fileName: String, contentType: String, data: Data) {
        self.id = id
        self.$agreement.id = agreementID
        self.fileName = fileName
        self.contentType = contentType
        self.size = data.count
        self.data = data
    }
}
