import Fluent
import Foundation
import NIOPosix
import SQLKit
import Testing
import Vapor
@testable import KansrijkApp

/// Two instances of the application, as two `kansrijk serve` processes behind a load balancer, on
/// one database: one SQLite file in a folder of this run, or an empty database of this test's own on
/// the test PostgreSQL of DATABASE_URL.
/// The first migrates and loads the demo data; the second starts on what the first made. Each has
/// a thread pool of its own, as a process has: SQLite's calls (a writer waiting for the file's
/// lock, too) block a thread of their application's pool, and the test process's shared pool of
/// one thread per core would let one instance's waiting writers starve the other's lock holder.
func withInstancePair(demo: Bool = true, _ body: (Application, Application) async throws -> Void) async throws {
    try await withTestDatabase(.empty) { url in
        try await withInstancePair(databaseURL: url, demo: demo, body)
    }
}

private func withInstancePair(databaseURL: String?, demo: Bool, _ body: (Application, Application) async throws -> Void) async throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kansrijk-pair-\(UUID().uuidString)")
    var env = testEnvironment(databaseURL: databaseURL)
    env["KANSRIJK_DATABASE_PATH"] = folder.appendingPathComponent("kansrijk.sqlite").path
    var started: [Application] = []
    func stop() async {
        for app in started.reversed() { try? await app.asyncShutdown() }
        try? FileManager.default.removeItem(at: folder)
    }
    do {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let a = try await Application.make(.testing)
        started.append(a)
        a.threadPool = NIOThreadPool(numberOfThreads: 4)
        a.logger.logLevel = .warning
        try await configure(a, settings: try Settings.fromEnvironment(env))
        try await a.autoMigrate()
        if demo { try await DemoData(password: testPassword).load(on: a) }
        let b = try await Application.make(.testing)
        started.append(b)
        b.threadPool = NIOThreadPool(numberOfThreads: 4)
        b.logger.logLevel = .warning
        try await configure(b, settings: try Settings.fromEnvironment(env))
        for app in [a, b] {
            try await app.directory.reload(on: app.db)
            app.isReady = true
        }
        try await body(a, b)
    } catch {
        await stop()
        throw error
    }
    await stop()
}
