import Fluent
import Foundation

/// One aggregate file on its way in: uploaded, mapped, checked and imported (or refused).
/// The file waits in a private temporary folder until it is imported or replaced; the row keeps
/// what the status page shows afterwards (the Dutch report, the counts stored).
final class ImportJob: Model, @unchecked Sendable {
    static let schema = "monitoring_import_jobs"

    enum Status: String, Codable, Sendable {
        case uploaded = "geupload"
        case running = "bezig"
        case rejected = "geweigerd"
        case imported = "geimporteerd"
        case interrupted = "onderbroken"
    }

    // managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @OptionalField(key: "finished_at") var finishedAt: Date?

    // data fields
    @Field(key: "indicator_code") var indicatorCode: String
    @Field(key: "file_name") var fileName: String
    @Field(key: "byte_count") var byteCount: Int
    @Field(key: "status") var status: Status
    /// `AggregateColumns` as JSON once the user chose them.
    @OptionalField(key: "columns") var columns: String?
    /// `ImportReport` as JSON when the file was refused.
    @OptionalField(key: "report") var report: String?
    @OptionalField(key: "row_count") var rowCount: Int?
    @OptionalField(key: "stored_count") var storedCount: Int?

    // relationships
    @Parent(key: "user_id") var user: User

    init() {}

    init(id: UUID? = nil, userID: UUID, indicatorCode: String, fileName: String, byteCount: Int) {
        self.id = id
        self.$user.id = userID
        self.indicatorCode = indicatorCode
        self.fileName = fileName
        self.byteCount = byteCount
        self.status = .uploaded
    }

    /// Where the uploaded file waits; named by the job, never by what the user called it.
    static func filePath(_ id: UUID) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("kansrijk-imports").appendingPathComponent("\(id.uuidString).csv").path
    }

    var mappedColumns: AggregateColumns? {
        columns.flatMap { try? JSONDecoder().decode(AggregateColumns.self, from: Data($0.utf8)) }
    }

    var importReport: ImportReport? {
        report.flatMap { try? JSONDecoder().decode(ImportReport.self, from: Data($0.utf8)) }
    }
}
