import Foundation
import Prometheus
import SQLKit
import Vapor

/// The periodic jobs' runs from `background_runs` (ADR 0042): how many runs the table holds per job
/// and outcome, and when each job last finished, so an alert can fire on a job that stopped running.
enum BackgroundRunFigures {
    static func emit(_ sql: any SQLDatabase, into registry: PrometheusCollectorRegistry, logger: Logger) async {
        do {
            let runs = ScrapeFigures.name("background_runs", "", "Runs of the periodic jobs kept in background_runs, per job and outcome.")
            for row in try await sql.raw("SELECT job AS k, outcome AS o, COUNT(*) AS n FROM background_runs GROUP BY job, outcome").all() {
                let labels = [("job", try row.decode(column: "k", as: String.self)), ("outcome", try row.decode(column: "o", as: String?.self) ?? "running")]
                registry.makeGauge(descriptor: runs, labels: labels).set(Int64(try row.decode(column: "n", as: Int.self)))
            }
            let last = ScrapeFigures.name("background_last_finished", "timestamp_seconds", "When each periodic job last finished a run (Unix time).")
            for row in try await sql.raw("SELECT job AS k, MAX(finished_at) AS t FROM background_runs GROUP BY job").all() {
                guard let finished = try row.decode(column: "t", as: Date?.self) else { continue }
                registry.makeGauge(descriptor: last, labels: [("job", try row.decode(column: "k", as: String.self))])
                    .set(finished.timeIntervalSince1970)
            }
        } catch {
            logger.debug("metrics: background runs left out: \(String(reflecting: error))")
        }
    }
}
