import FluentPostgresDriver
import Foundation
import Logging
import PostgresKit
import Testing
@testable import KansrijkApp

/// Which errors are an outage (503 and `Retry-After`), not a failed request (500). Found by the fault
/// tests: a page whose query was in flight when PostgreSQL stopped answered 500, because the server
/// ends such a query with SQLSTATE 57P01 ("terminating connection due to administrator command").
@Suite("Database outages")
struct DatabaseOutageTests {
    @Test("the server's states for its own trouble are outages; a request's own errors are not")
    func states() {
        for state in ["57P01", "57P02", "57P03", "08006", "08001", "08003", "53300"] {
            #expect(DatabaseOutage.outageStates(state), "\(state)")
        }
        for state in ["23505", "23503", "42P01", "22P02", "40001", "57014"] {
            #expect(!DatabaseOutage.outageStates(state), "\(state)")
        }
    }

    @Test("a query ended by the server (as when PostgreSQL stops) is an outage", .enabled(if: usesPostgres))
    func terminatedQuery() async throws {
        try await withTestDatabase(.empty) { url in
            // setup: a connection busy with a long query, and a second one to end it from the server side
            let config = try SQLPostgresConfiguration(url: try #require(url)).coreConfiguration
            let logger = Logger(label: "kansrijk.test-outage")
            let victim = try await PostgresConnection.connect(configuration: config, id: 1, logger: logger)
            let killer = try await PostgresConnection.connect(configuration: config, id: 2, logger: logger)
            var pid: Int32 = 0
            for try await row in try await victim.query("SELECT pg_backend_pid()", logger: logger) { pid = try row.decode(Int32.self) }
            #expect(pid > 0)
            let sleeping = Task { try await victim.query("SELECT pg_sleep(20)", logger: logger).collect() }
            try await Task.sleep(for: .milliseconds(300))
            // act
            _ = try await killer.query("SELECT pg_terminate_backend(\(pid))", logger: logger).collect()
            // check
            do {
                _ = try await sleeping.value
                Issue.record("the query should have been ended by the server")
            } catch {
                #expect(DatabaseOutage.matches(error), "not an outage: \(String(reflecting: error))")
            }
            try? await victim.close()
            try await killer.close()
        }
    }
}
