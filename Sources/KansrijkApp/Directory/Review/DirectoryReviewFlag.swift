import Fluent
import Foundation

/// One record an import kept but could not place: what is missing and where it came from (ADR 0034).
final class DirectoryReviewFlag: Model, @unchecked Sendable {
    static let schema = "directory_review_flags"

    // managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    // data fields
    /// `DirectoryReview.Subject` raw value.
    @Field(key: "subject_kind") var subjectKind: String
    @Field(key: "subject_id") var subjectID: UUID
    /// Dutch, one line per gap ("Geen Nederlandse gemeente", ...).
    @Field(key: "gaps") var gaps: String
    /// The file or upload it came from.
    @Field(key: "source") var source: String

    init() {}

    init(id: UUID? = nil, subject: DirectoryReview.Subject, subjectID: UUID, gaps: String, source: String) {
        self.id = id
        self.subjectKind = subject.rawValue
        self.subjectID = subjectID
        self.gaps = gaps
        self.source = source
    }

    var subject: DirectoryReview.Subject? { DirectoryReview.Subject(rawValue: subjectKind) }
    var gapLines: [String] { gaps.split(separator: "\n").map(String.init) }
}

/// The review table and the reserved "Gemeente onbekend" municipality (ADR 0034).
struct CreateDirectoryReviewFlags: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(DirectoryReviewFlag.schema)
            .id()
            .field("created_at", .datetime)
            .field("subject_kind", .string, .required)
            .field("subject_id", .uuid, .required)
            .field("gaps", .string, .required)
            .field("source", .string, .required)
            .unique(on: "subject_kind", "subject_id")
            .create()
        if try await Municipality.find(Municipality.unknownCode, on: database) == nil {
            try await Municipality(code: Municipality.unknownCode, name: Municipality.unknownName, ggdCode: "", provinceCode: "",
                                   latitude: 0, longitude: 0).create(on: database)
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(DirectoryReviewFlag.schema).delete()
        try await Municipality.query(on: database).filter(\.$id == Municipality.unknownCode).delete()
    }
}
