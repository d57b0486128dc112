import Fluent
import Foundation
import NIOConcurrencyHelpers
import SQLKit
import Testing
import Vapor
@testable import KansrijkApp

/// Background work with two instances on one database (issue 17, ADR 0042): the cluster lock, jobs
/// that run once per period, monitor imports claimed by one worker and taken up again after a
/// crash. On SQLite (one file shared by both) and on PostgreSQL (DATABASE_URL).
@Suite("Cluster: background work runs once across instances", .serialized)
struct BackgroundWorkTests {
    /// Holds `name` through `a` until `release` is resumed, and reports when it holds it.
    final class Holder: @unchecked Sendable {
        let held = AsyncStream<Void>.makeStream()
        let release = AsyncStream<Void>.makeStream()
    }

    @Test("while one instance holds a lock, the other's try gets nil and its wait ends only when it is let go")
    func lockAcrossInstances() async throws {
        try await withInstancePair(demo: false) { a, b in
            // setup: A holds the lock until told to let go
            let holder = Holder()
            let holding = Task {
                try await ClusterLock.withTryLock("test-lock", on: a.db) {
                    holder.held.continuation.yield()
                    for await _ in holder.release.stream { break }
                    return "A"
                }
            }
            for await _ in holder.held.stream { break }
            // act + check: B cannot take it now
            #expect(try await ClusterLock.withTryLock("test-lock", on: b.db) { "B" } == nil)
            // another name is free
            #expect(try await ClusterLock.withTryLock("other-lock", on: b.db) { "B" } == "B")
            // B waits for it; A lets go after a moment; B's body runs after A's ended
            let order = NIOLockedValueBox<[String]>([])
            let waiting = Task { try await ClusterLock.withLock("test-lock", on: b.db) { order.withLockedValue { $0.append("B") } } }
            try await Task.sleep(for: .milliseconds(300))
            order.withLockedValue { $0.append("A lets go") }
            holder.release.continuation.yield()
            #expect(try await holding.value == "A")
            try await waiting.value
            #expect(order.withLockedValue { $0 } == ["A lets go", "B"])
            // free again for anyone
            #expect(try await ClusterLock.withTryLock("test-lock", on: a.db) { "A again" } == "A again")
        }
    }

    @Test("a periodic job fired on both instances at once runs once and is recorded with the instance that ran it")
    func periodicJobOnce() async throws {
        try await withInstancePair(demo: false) { a, b in
            a.instanceID = "web-a"
            b.instanceID = "web-b"
            let runs = NIOLockedValueBox(0)
            // act: both instances' timers fire five times at about the same moment
            let results = try await withThrowingTaskGroup(of: BackgroundJobs.Result.self) { group in
                for app in [a, b] {
                    for _ in 0..<5 {
                        group.addTask {
                            await BackgroundJobs.run("test-periodic", instance: app.instanceID, on: app.db, gap: 600, logger: app.logger) {
                                runs.withLockedValue { $0 += 1 }
                                try await Task.sleep(for: .milliseconds(100))
                                return "did it"
                            }
                        }
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            // check
            #expect(runs.withLockedValue { $0 } == 1)
            #expect(results.filter { $0 == .succeeded }.count == 1)
            #expect(results.filter { $0 == .skipped }.count == 9)
            let recorded = try await BackgroundRun.query(on: b.db).filter(\.$job == "test-periodic").all()
            #expect(recorded.count == 1)
            #expect(["web-a", "web-b"].contains(recorded.first?.instance ?? ""))
            #expect(recorded.first?.outcome == .succeeded && recorded.first?.message == "did it" && recorded.first?.finishedAt != nil)
        }
    }

    @Test("a failing job is recorded as failed with its reason; a run a crash left 'running' is closed by the next run")
    func failuresAndCrashes() async throws {
        try await withInstancePair(demo: false) { a, b in
            // setup: instance A died while running the job
            let cut = BackgroundRun(job: "test-crash", instance: "dead", startedAt: Date().addingTimeInterval(-3600))
            try await cut.create(on: a.db)
            struct Broken: Error, CustomStringConvertible { var description: String { "the mail server said no" } }
            // act: B runs it and fails
            let result = await BackgroundJobs.run("test-crash", instance: "web-b", on: b.db, logger: b.logger) { throw Broken() }
            // check
            #expect(result == .failed)
            let runs = try await BackgroundRun.query(on: a.db).filter(\.$job == "test-crash").sort(\.$startedAt).all()
            #expect(runs.map(\.outcome) == [.failed, .failed])
            #expect(runs.first?.message == "onderbroken (interrupted)")
            #expect(runs.last?.instance == "web-b" && runs.last?.message == "the mail server said no")
        }
    }

    @Test("instances that start together migrate one after the other: every migration runs once")
    func migrationsLocked() async throws {
        try await withTestDatabase(.empty) { url in
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kansrijk-migrate-\(UUID().uuidString)")
            var env = testEnvironment(databaseURL: url)
            env["KANSRIJK_DATABASE_PATH"] = folder.appendingPathComponent("kansrijk.sqlite").path
            var apps: [Application] = []
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                for _ in 0..<2 {
                    let app = try await Application.make(.testing)
                    app.logger.logLevel = .critical
                    apps.append(app)
                    try await configure(app, settings: try Settings.fromEnvironment(env))
                }
                // act: both migrate the empty database at the same moment
                let (a, b) = (apps[0], apps[1])
                async let first: Void = a.migrateUnderLock()
                async let second: Void = b.migrateUnderLock()
                _ = try await (first, second)
                // check: each migration once, and nothing left to do for either
                let sql = try #require(a.db as? any SQLDatabase)
                let rows = try await sql.raw("SELECT name, COUNT(*) AS times FROM _fluent_migrations GROUP BY name").all()
                #expect(rows.count > 50)
                #expect(try rows.allSatisfy { try $0.decode(column: "times", as: Int.self) == 1 })
                #expect(try await b.migrator.previewPrepareBatch().get().isEmpty)
            } catch {
                Issue.record(error)
            }
            for app in apps.reversed() { try? await app.asyncShutdown() }
            try? FileManager.default.removeItem(at: folder)
        }
    }

    @Test("/beheer/achtergrond shows the admin every instance's runs, in Dutch; others may not open it")
    func backgroundPage() async throws {
        try await withInstancePair { a, b in
            // setup: a run on each instance, one of them failed
            a.instanceID = "web-a"
            b.instanceID = "web-b"
            await BackgroundJobs.run("session-purge", instance: a.instanceID, on: a.db, logger: a.logger) { nil }
            struct Down: Error, CustomStringConvertible { var description: String { "mail server unreachable" } }
            await BackgroundJobs.run("notifications", instance: b.instanceID, on: b.db, logger: b.logger) { throw Down() }
            // act: the admin opens the page through B
            let admin = try await Browser.signedIn(b, as: "admin@kansrijk.demo")
            var adminCopy = admin
            let page = try await adminCopy.get("/beheer/achtergrond")
            let hub = try await adminCopy.get("/beheer")
            // check
            #expect(page.status == .ok)
            let html = page.body.string
            #expect(html.contains("<code>web-b</code>"))
            #expect(html.contains("<th scope=\"row\">Verlopen sessies opruimen</th><td>web-a</td>"))
            #expect(html.contains("<th scope=\"row\">Herinneringen, MDO-agenda&#39;s en dagoverzichten</th><td>web-b</td>")
                    || html.contains("<th scope=\"row\">Herinneringen, MDO-agenda's en dagoverzichten</th><td>web-b</td>"))
            #expect(html.contains("<td>Mislukt</td><td>mail server unreachable</td>"))
            #expect(hub.body.string.contains("href=\"/beheer/achtergrond\""))
            var coordinator = try await Browser.signedIn(a, as: "coordinator@zeist.demo")
            #expect(try await coordinator.get("/beheer/achtergrond").status == .forbidden)
            #expect(try await coordinator.get("/beheer").body.string.contains("/beheer/achtergrond") == false)
        }
    }
}
