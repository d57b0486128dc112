import Fluent
import Foundation
import SQLKit

/// One run of a background job on one instance (issue 17, ADR 0042): what ran where, when, and how
/// it ended. Written by every periodic job; read by `/beheer/achtergrond` and the metrics.
final class BackgroundRun: Model, @unchecked Sendable {
    static let schema = "background_runs"

    enum Outcome: String, Codable, Sendable, CaseIterable {
        case running, succeeded, failed
    }

    // managed fields
    @ID(key: .id) var id: UUID?

    // data fields
    @Field(key: "job") var job: String
    @Field(key: "instance") var instance: String
    @Field(key: "started_at") var startedAt: Date
    @OptionalField(key: "finished_at") var finishedAt: Date?
    @Field(key: "outcome") var outcome: Outcome
    /// What the job did ("3 mails sent") or why it failed; never client data.
    @OptionalField(key: "message") var message: String?

    init() {}

    init(job: String, instance: String, startedAt: Date) {
        self.job = job
        self.instance = instance
        self.startedAt = startedAt
        self.outcome = .running
    }
}

struct CreateBackgroundRuns: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(BackgroundRun.schema)
            .id()
            .field("job", .string, .required)
            .field("instance", .string, .required)
            .field("started_at", .datetime, .required)
            .field("finished_at", .datetime)
            .field("outcome", .string, .required)
            .field("message", .string)
            .create()
        if let sql = database as? any SQLDatabase {
            // the page and the clean-up read one job's latest runs
            try await sql.create(index: "background_runs_job_started").on(BackgroundRun.schema).column("job").column("started_at").run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(BackgroundRun.schema).delete()
    }
}
