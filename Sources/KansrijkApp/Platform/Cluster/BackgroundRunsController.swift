import Fluent
import Vapor

/// `/beheer/achtergrond` (issue 17, ADR 0042): for the admin, what the background jobs did on which
/// instance: each job's last run, the latest runs, and the monitor imports waiting for a worker.
struct BackgroundRunsController: RouteCollection {
    static let recent = 50

    func boot(routes: any RoutesBuilder) throws {
        routes.get("beheer", "achtergrond", use: list)
    }

    @Sendable func list(req: Request) async throws -> View {
        _ = try req.require(.backgroundWork)
        let runs = try await BackgroundRun.query(on: req.db).sort(\.$startedAt, .descending).limit(Self.recent).all()
        // each job's last run, also when it ran long before the latest 50
        var latest: [BackgroundRun] = []
        for job in try await BackgroundRun.query(on: req.db).unique().all(\.$job).sorted() {
            if let run = try await BackgroundRun.query(on: req.db).filter(\.$job == job).sort(\.$startedAt, .descending).first() { latest.append(run) }
        }
        let running = ImportJob.query(on: req.db).filter(\.$status == .running)
        return try await req.view.render("platform/background-runs", BackgroundRunsPage(
            page: try await req.pageMeta(title: req.t("background.title")),
            instance: req.application.instanceID,
            latest: latest.map { .init($0, req) }, runs: runs.map { .init($0, req) },
            importsWaiting: try await running.copy().filter(\.$claimedBy == nil).count(),
            importsRunning: try await running.copy().filter(\.$claimedBy != nil).count()))
    }
}

/// `platform/background-runs`.
struct BackgroundRunsPage: Encodable {
    struct Row: Encodable {
        var job: String
        var instance: String
        var started: String
        var finished: String?
        var outcome: String
        var outcomeLabel: String
        var message: String?

        init(_ run: BackgroundRun, _ req: Request) {
            let key = "background.job.\(run.job)", name = req.t(key)
            job = name == key ? run.job : name
            instance = run.instance
            started = MailTimes.text(run.startedAt)
            finished = run.finishedAt.map(MailTimes.text)
            outcome = run.outcome.rawValue
            outcomeLabel = req.t("background.outcome.\(run.outcome.rawValue)")
            message = run.message
        }
    }
    var page: PageMeta
    var instance: String
    var latest: [Row]
    var runs: [Row]
    var importsWaiting: Int
    var importsRunning: Int
}
