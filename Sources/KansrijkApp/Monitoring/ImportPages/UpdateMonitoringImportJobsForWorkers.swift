import Fluent
import SQLKit
import Foundation

/// Import jobs run by a worker on any instance (issue 17, ADR 0042): who holds the job and since
/// when it last said so, how often it was taken up, and how far it is; the uploaded file moves
/// into the database so every instance can read it. One column per `update()` for SQLite.
struct UpdateMonitoringImportJobsForWorkers: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let schema = ImportJob.schema
        try await database.schema(schema).field("claimed_by", .string).update()
        try await database.schema(schema).field("heartbeat_at", .datetime).update()
        try await database.schema(schema).field("attempts", .int, .required, .sql(.default(0))).update()
        try await database.schema(schema).field("rows_read", .int).update()
        try await database.schema(schema).field("rows_total", .int).update()
        try await database.schema(schema).field("storing", .bool, .required, .sql(.default(false))).update()
        try await database.schema(ImportFile.schema)
            .id()
            .field("content", .data, .required)
            .foreignKey("id", references: schema, .id, onDelete: .cascade)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ImportFile.schema).delete()
        for column in ["storing", "rows_total", "rows_read", "attempts", "heartbeat_at", "claimed_by"] {
            try await database.schema(ImportJob.schema).deleteField(.string(column)).update()
        }
    }
}

/// The uploaded file of an import job, kept in the database until the job imported it, so the
/// instance that runs the job need not be the one that received the upload.
final class ImportFile: Model, @unchecked Sendable {
    static let schema = "monitoring_import_files"

    /// The job's own id.
    @ID(key: .id) var id: UUID?
    @Field(key: "content") var content: Data

    init() {}

    init(jobID: UUID, content: Data) {
        self.id = jobID
        self.content = content
    }
}

extension ImportFile {
    static let previewBytes = 1 << 20

    /// The first megabyte of the job's file, and whether the file goes on after it; nil without a file.
    static func head(_ jobID: UUID, on db: any Database) async throws -> (data: Data, isCut: Bool)? {
        guard let sql = db as? any SQLDatabase else { return nil }
        // substr works on SQLite blobs and PostgreSQL bytea alike; the length is a constant, not a bind
        // (PostgreSQL has no substr(bytea, integer, bigint))
        let row = try await sql.raw("SELECT substr(content, 1, \(unsafeRaw: String(previewBytes + 1))) AS head FROM \(ident: schema) WHERE id = \(bind: jobID)").first()
        guard let data = try row?.decode(column: "head", as: Data.self) else { return nil }
        return data.count > previewBytes ? (data.prefix(previewBytes), true) : (data, false)
    }

    static func content(_ jobID: UUID, on db: any Database) async throws -> Data? {
        try await ImportFile.find(jobID, on: db)?.content
    }
}
