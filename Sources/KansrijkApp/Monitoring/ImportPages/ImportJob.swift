import Fluent
import Foundation

/// One aggregate file on its way in: uploaded, mapped, checked and imported (or refused).
/// The file waits in `monitoring_import_files` until it is imported; the row keeps what the status
/// page shows afterwards (the Dutch report, the counts stored) and, while it runs, how far it is.
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
    // the worker (issue 17, ADR 0042): a job `bezig` without a claim, or whose claim went quiet, waits for one
    /// The instance whose worker runs the job.
    @OptionalField(key: "claimed_by") var claimedBy: String?
    /// When that worker last said it is still at it.
    @OptionalField(key: "heartbeat_at") var heartbeatAt: Date?
    /// How often a worker took the job up.
    @Field(key: "attempts") var attempts: Int
    @OptionalField(key: "rows_read") var rowsRead: Int?
    @OptionalField(key: "rows_total") var rowsTotal: Int?
    @Field(key: "storing") var storing: Bool

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
        self.attempts = 0
        self.storing = false
    }

    var mappedColumns: AggregateColumns? {
        columns.flatMap { try? JSONDecoder().decode(AggregateColumns.self, from: Data($0.utf8)) }
    }

    var importReport: ImportReport? {
        report.flatMap { try? JSONDecoder().decode(ImportReport.self, from: Data($0.utf8)) }
    }
}
