import Fluent
import Prometheus
import SQLKit
import Vapor

/// The figures read from the database at scrape time (ADR 0044): queue lengths, the audit chain,
/// the connections PostgreSQL holds for the database. A few grouped counts on indexed or small
/// tables, once per scrape (every 15 s or so), never per request. They go into a registry of their
/// own, made for this scrape, so two applications in one process (the tests) never mix figures.
/// A figure whose query fails (a table a newer release adds, a database away) is left out.
enum ScrapeFigures {
    static func emit(_ app: Application, into buffer: inout [UInt8]) async {
        let registry = PrometheusCollectorRegistry()
        registry.makeGauge(descriptor: name("info", "", "The running version (value 1)."), labels: [("version", Kansrijk.version)]).set(Int64(1))
        guard let sql = app.db as? any SQLDatabase else { registry.emit(into: &buffer); return }
        let logger = app.logger

        let outbox = name("mail_outbox", "messages", "Mails in the outbox, per state.")
        let byState = await grouped(sql, "SELECT state AS k, COUNT(*) AS n FROM mail_outbox GROUP BY state", logger)
        for state in MailState.allCases where byState != nil {
            registry.makeGauge(descriptor: outbox, labels: [("state", state.rawValue)]).set(Int64(byState?[state.rawValue] ?? 0))
        }

        let jobs = name("monitoring_import_jobs", "", "Monitor import jobs, per status (geupload, bezig, geweigerd, geimporteerd, onderbroken).")
        let byStatus = await grouped(sql, "SELECT status AS k, COUNT(*) AS n FROM monitoring_import_jobs GROUP BY status", logger)
        let statuses: [ImportJob.Status] = [.uploaded, .running, .rejected, .imported, .interrupted]
        for status in statuses where byStatus != nil {
            registry.makeGauge(descriptor: jobs, labels: [("status", status.rawValue)]).set(Int64(byStatus?[status.rawValue] ?? 0))
        }

        // the chain's sequence numbers run 1, 2, 3...: the highest is its length, read from the unique index
        if let length = await single(sql, "SELECT MAX(sequence) AS n FROM audit_events", logger) {
            registry.makeGauge(descriptor: name("audit_chain", "length", "Events in the audit chain (its highest sequence number).")).set(Int64(length))
        }
        if let pending = await single(sql, "SELECT COUNT(*) AS n FROM audit_outbox", logger) {
            registry.makeGauge(descriptor: name("audit_outbox", "events", "Audit events waiting to join the chain (SQLite, ADR 0021).")).set(Int64(pending))
        }
        await BackgroundRunFigures.emit(sql, into: registry, logger: logger)

        if sql.dialect.name == "postgresql" {
            let connections = name("db_connections", "", "Connections PostgreSQL holds for this database, per state (every instance together).")
            let byConnectionState = await grouped(sql, """
                SELECT COALESCE(state, 'unknown') AS k, COUNT(*) AS n FROM pg_stat_activity
                WHERE datname = current_database() GROUP BY COALESCE(state, 'unknown')
                """, logger)
            for (state, count) in (byConnectionState ?? [:]).sorted(by: { $0.key < $1.key }) {
                registry.makeGauge(descriptor: connections, labels: [("state", state)]).set(Int64(count))
            }
            let loops = app.eventLoopGroup.makeIterator().reduce(0) { count, _ in count + 1 }
            registry.makeGauge(descriptor: name("db_pool", "max_connections", "The most connections this instance opens to the primary."))
                .set(Int64(loops * postgresConnectionsPerEventLoop))
        }
        registry.emit(into: &buffer)
    }

    /// `configure` opens at most this many PostgreSQL connections per event loop.
    static let postgresConnectionsPerEventLoop = 4

    static func name(_ metric: String, _ unit: String, _ help: String) -> MetricNameDescriptor {
        MetricNameDescriptor(namespace: "kansrijk", metricName: metric, unitName: unit, helpText: help)
    }

    /// `k -> n` of a query selecting a text `k` and a count `n`; nil when the query failed.
    static func grouped(_ sql: any SQLDatabase, _ query: String, _ logger: Logger) async -> [String: Int]? {
        do {
            var counts: [String: Int] = [:]
            for row in try await sql.raw(SQLQueryString(query)).all() {
                counts[try row.decode(column: "k", as: String.self)] = try row.decode(column: "n", as: Int.self)
            }
            return counts
        } catch {
            logger.debug("metrics: left out (\(query.prefix(60))...): \(String(reflecting: error))")
            return nil
        }
    }

    /// The `n` of a query returning one row; 0 for NULL (an empty table's MAX); nil when the query failed.
    static func single(_ sql: any SQLDatabase, _ query: String, _ logger: Logger) async -> Int? {
        do {
            return try await sql.raw(SQLQueryString(query)).first()?.decode(column: "n", as: Int?.self) ?? 0
        } catch {
            logger.debug("metrics: left out (\(query.prefix(60))...): \(String(reflecting: error))")
            return nil
        }
    }
}
