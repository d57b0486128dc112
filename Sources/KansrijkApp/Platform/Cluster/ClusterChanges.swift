import Fluent
import NIOConcurrencyHelpers
import NIOCore
import SQLKit
import Vapor

/// A part of the data that some instance keeps a copy of in memory (ADR 0040). A write that changes
/// it bumps its version inside the write transaction; every instance polls the versions and
/// reloads its copies of the topics another instance changed.
enum ClusterTopic: String, Sendable, CaseIterable, Codable {
    /// Services, organisations, locations, pathways, vocabulary: the directory snapshot and what is
    /// built from it (search, HSDS API, the service pages).
    case directory
    /// How services receive referrals: users, organisations and services' referral routes.
    case receiving
    /// The monitor's figures: imports, counts, indicators, published reports.
    case monitoring
    /// Areas (municipalities, neighbourhoods) and their merges.
    case areas
}

/// The versions of the `ClusterTopic`s, kept in `cluster_versions`, and the reloads each instance
/// runs when another instance changed a topic (ADR 0040).
final class ClusterChanges: Sendable {
    typealias Reload = @Sendable (Application) async throws -> Void

    /// Table name; one row per topic that was ever changed.
    static let table = "cluster_versions"

    private let reloads = NIOLockedValueBox<[ClusterTopic: [Reload]]>([:])
    /// The version of each topic this instance's copies were last loaded at.
    private let seen = NIOLockedValueBox<[ClusterTopic: Int64]>([:])
    private let every: NIOLockedValueBox<TimeAmount>

    init(interval: TimeAmount = .milliseconds(500)) {
        every = .init(interval)
    }

    /// How often the versions are read while the application runs (`KANSRIJK_CLUSTER_POLL_MS`).
    var interval: TimeAmount {
        get { every.withLockedValue { $0 } }
        set { every.withLockedValue { $0 = newValue } }
    }

    /// Marks `topic` as changed: call it inside the write transaction that changes the topic's data,
    /// preferably as its last statement (on PostgreSQL the row stays locked until the commit, so
    /// writers of one topic take turns from there on). Other instances reload within `interval`.
    static func bump(_ topic: ClusterTopic, on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        try await sql.raw("""
            INSERT INTO cluster_versions (topic, version) VALUES (\(bind: topic.rawValue), 1)
            ON CONFLICT (topic) DO UPDATE SET version = cluster_versions.version + 1
            """).run()
    }

    /// Registers a reload for `topic`: run (in registration order with the topic's other reloads)
    /// when another instance changed it. Register during `configure`, before the application boots.
    func onChange(_ topic: ClusterTopic, _ reload: @escaping Reload) {
        reloads.withLockedValue { $0[topic, default: []].append(reload) }
    }

    /// Every topic's version, in one query. A topic never changed has version 0.
    static func versions(on db: any Database) async throws -> [ClusterTopic: Int64] {
        guard let sql = db as? any SQLDatabase else { return [:] }
        let rows = try await sql.raw("SELECT topic, version FROM cluster_versions").all()
        var result: [ClusterTopic: Int64] = [:]
        for row in rows {
            guard let topic = ClusterTopic(rawValue: try row.decode(column: "topic", as: String.self)) else { continue }
            result[topic] = try row.decode(column: "version", as: Int64.self)
        }
        return result
    }

    /// Remembers that this instance's copies of `topic` were loaded from data at `version` or later,
    /// so the poller does not load them again for that version.
    func loaded(_ topic: ClusterTopic, at version: Int64) {
        seen.withLockedValue { if ($0[topic] ?? -1) < version { $0[topic] = version } }
    }

    /// Runs every reload of `topic` in this instance now (after one of its own writes), and
    /// remembers the version read before them, so the poller does not run them again.
    func reloadNow(_ topic: ClusterTopic, app: Application) async throws {
        let version = try await Self.versions(on: app.db)[topic] ?? 0
        for reload in reloads.withLockedValue({ $0[topic] ?? [] }) { try await reload(app) }
        loaded(topic, at: version)
    }

    /// Remembers the current versions of the topics no reload has marked yet: their copies are
    /// loaded on demand from here on. A topic a reload marked keeps the version read before it
    /// loaded, so a change made since is still loaded at the first poll.
    func baseline(on db: any Database) async throws {
        let versions = try await Self.versions(on: db)
        seen.withLockedValue { seen in
            for topic in ClusterTopic.allCases where seen[topic] == nil { seen[topic] = versions[topic] ?? 0 }
        }
    }

    /// One poll: reads the versions and runs the reloads of every topic whose version moved since
    /// this instance last loaded it. A failed reload is tried again at the next poll. Returns the
    /// topics reloaded.
    @discardableResult
    func poll(_ app: Application) async throws -> [ClusterTopic] {
        let versions = try await Self.versions(on: app.db)
        let known = seen.withLockedValue { $0 }
        var done: [ClusterTopic] = []
        for topic in ClusterTopic.allCases {
            let version = versions[topic] ?? 0
            guard version != (known[topic] ?? 0) else { continue }
            do {
                for reload in reloads.withLockedValue({ $0[topic] ?? [] }) { try await reload(app) }
                // exactly the version read, even when lower (a restored database starts again lower)
                seen.withLockedValue { $0[topic] = version }
                done.append(topic)
            } catch {
                app.logger.warning("Reloading \(topic.rawValue) after a change elsewhere failed: \(String(reflecting: error))")
            }
        }
        return done
    }

    /// `KANSRIJK_CLUSTER_POLL_MS`: milliseconds between two polls, 50 to 60000 (default 500).
    static func interval(from env: [String: String]) throws -> TimeAmount {
        guard let raw = env["KANSRIJK_CLUSTER_POLL_MS"], !raw.isEmpty else { return .milliseconds(500) }
        guard let ms = Int64(raw), (50...60_000).contains(ms) else {
            throw SettingsError(problems: ["KANSRIJK_CLUSTER_POLL_MS must be a whole number of milliseconds from 50 to 60000"])
        }
        return .milliseconds(ms)
    }
}

extension Application {
    private struct ClusterChangesKey: StorageKey { typealias Value = ClusterChanges }

    /// The topic versions and reloads of this instance (ADR 0040).
    var clusterChanges: ClusterChanges {
        if let existing = storage[ClusterChangesKey.self] { return existing }
        let changes = ClusterChanges()
        storage[ClusterChangesKey.self] = changes
        return changes
    }
}

/// Polls `cluster_versions` while the application runs and reloads what another instance changed.
/// One small query every interval, whatever the traffic; on SQLite (one instance) it finds nothing
/// new but its own writes, which it has loaded already.
struct ClusterChangesLifecycle: LifecycleHandler {
    func didBootAsync(_ app: Application) async throws {
        // only a serving application (ready: migrated, directory loaded), not a command-line run
        guard app.isReady else { return }
        let changes = app.clusterChanges
        // what was loaded before serving is at least as new as the versions now
        do { try await changes.baseline(on: app.db) } catch {
            app.logger.warning("Reading the cluster versions failed: \(String(reflecting: error))")
        }
        let task = app.eventLoopGroup.next().scheduleRepeatedAsyncTask(initialDelay: changes.interval, delay: changes.interval) { _ in
            app.eventLoopGroup.next().makeFutureWithTask {
                do { try await changes.poll(app) } catch {
                    app.logger.debug("Polling the cluster versions failed: \(String(reflecting: error))")
                }
            }
        }
        app.storage[TaskKey.self] = task
    }

    func shutdownAsync(_ app: Application) async {
        guard let task = app.storage[TaskKey.self] else { return }
        // wait for a poll under way: it must not use the database after it closed
        let promise = app.eventLoopGroup.next().makePromise(of: Void.self)
        task.cancel(promise: promise)
        try? await promise.futureResult.get()
    }

    private struct TaskKey: StorageKey { typealias Value = RepeatedTask }
}

/// `cluster_versions`: one row per topic, its version raised by every write to it (ADR 0040).
struct CreateClusterVersions: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ClusterChanges.table)
            .field("topic", .string, .required, .identifier(auto: false))
            .field("version", .int64, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ClusterChanges.table).delete()
    }
}
