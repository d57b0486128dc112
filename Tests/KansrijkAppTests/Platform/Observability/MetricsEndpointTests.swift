import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting
@testable import KansrijkApp

/// `/metrics` (ADR 0044): closed without a setting, the Bearer token, the request metrics per route
/// pattern, and the figures read at scrape time. Serialized: the request counters are per process.
@Suite("Metrics endpoint", .serialized)
struct MetricsEndpointTests {
    static let token = "metrics-token-for-the-tests-0123"

    static func scrape(_ app: Application) async throws -> PrometheusText {
        var body = ""
        try await app.testing().test(.GET, "/metrics", beforeRequest: { req in
            req.headers.bearerAuthorization = .init(token: token)
        }, afterResponse: { res in
            #expect(res.status == .ok)
            #expect(res.headers.first(name: .contentType) == MetricsController.contentType)
            body = res.body.string
        })
        return try PrometheusText(body)
    }

    @Test("without a token or a port /metrics is 404 for everyone, signed in or not")
    func closedByDefault() async throws {
        try await withApp { app in
            #expect(app.metricsSettings == .none)
            try await app.testing().test(.GET, "/metrics") { res in #expect(res.status == .notFound) }
            var admin = try await Browser.signedIn(app, as: "admin@kansrijk.demo")
            #expect(try await admin.get("/metrics").status == .notFound)
        }
    }

    @Test("with a token: 401 without it or with another, the Prometheus text with it")
    func bearerToken() async throws {
        try await withApp { app in
            app.metricsSettings = MetricsSettings(token: Self.token, port: nil)
            try await app.testing().test(.GET, "/metrics") { res in
                #expect(res.status == .unauthorized)
                #expect(res.headers.first(name: .wwwAuthenticate) == "Bearer")
                #expect(!res.body.string.contains("kansrijk_http"))
            }
            try await app.testing().test(.GET, "/metrics", beforeRequest: { req in
                req.headers.bearerAuthorization = .init(token: Self.token + "x")
            }) { res in #expect(res.status == .unauthorized) }
            // a session is no way in either
            var admin = try await Browser.signedIn(app, as: "admin@kansrijk.demo")
            #expect(try await admin.get("/metrics").status == .unauthorized)

            let text = try await Self.scrape(app)
            #expect(text.types["kansrijk_http_requests_total"] == "counter")
            #expect(text.types["kansrijk_http_request_duration_seconds"] == "histogram")
            #expect(text.value("kansrijk_info", ["version": Kansrijk.version]) == 1)
        }
    }

    @Test("requests are counted and timed per route pattern, method and status, never per raw path")
    func perRoutePattern() async throws {
        try await withApp { app in
            app.metricsSettings = MetricsSettings(token: Self.token, port: nil)
            let id = try #require(try await Service.query(on: app.db).first()?.id)
            let labels = ["route": "/aanbod/:id", "method": "HEAD", "status": "200"]
            let before = try await Self.scrape(app)

            // act: HEAD, which no other suite sends, so the counts are this test's own
            for _ in 0..<2 {
                try await app.testing().test(.HEAD, "/aanbod/\(id.uuidString)") { res in #expect(res.status == .ok) }
            }
            try await app.testing().test(.GET, "/geen-pagina-\(id.uuidString)") { res in #expect(res.status == .notFound) }

            // check
            let after = try await Self.scrape(app)
            let counted = (after.value("kansrijk_http_requests_total", labels) ?? 0) - (before.value("kansrijk_http_requests_total", labels) ?? 0)
            #expect(counted == 2)
            let timed = (after.value("kansrijk_http_request_duration_seconds_count", labels) ?? 0)
                - (before.value("kansrijk_http_request_duration_seconds_count", labels) ?? 0)
            #expect(timed == 2)
            #expect(after.value("kansrijk_http_request_duration_seconds_bucket", labels.merging(["le": "+Inf"]) { $1 }) != nil)
            #expect(after.value("kansrijk_http_requests_total", ["route": "none", "method": "GET", "status": "404"]) ?? 0 >= 1)
            #expect(!after.samples.contains { $0.labels.values.contains { $0.contains(id.uuidString) } }, "no raw path becomes a label")
        }
    }

    @Test("the outbox, import jobs, background runs and the audit chain are read from the database at scrape time")
    func scrapeTimeFigures() async throws {
        try await withApp { app in
            app.metricsSettings = MetricsSettings(token: Self.token, port: nil)
            let before = try await Self.scrape(app)
            let user = try #require(try await User.query(on: app.db).filter(\.$email == "professional@zeist.demo").first())

            // act: one mail queued, two audit events
            _ = try await MailOutbox.enqueue(MailDraft(to: "iemand@example.nl", userID: nil, kind: .test, language: .nl,
                                                      subject: "Test", text: "Test", html: nil), on: app.db)
            let finished = Date(timeIntervalSince1970: 1_796_646_601)
            try await BackgroundJobs.record("metrics-test-job", instance: "test", startedAt: finished.addingTimeInterval(-2),
                                            finishedAt: finished, failure: nil, note: nil, on: app.db)
            try await BackgroundJobs.record("metrics-test-job", instance: "test", startedAt: finished.addingTimeInterval(-60),
                                            finishedAt: finished.addingTimeInterval(-59), failure: "stopped", note: nil, on: app.db)
            for _ in 0..<2 {
                try await AuditLog.record(AuditDraft(action: .read, clientID: nil, user: user, basis: nil, what: "metrics test"), on: app.db, now: Date())
            }
            let after = try await Self.scrape(app)

            // check: the figures follow the database, and match what it holds
            let queued = try await MailMessage.query(on: app.db).filter(\.$state == .queued).count()
            #expect(after.value("kansrijk_mail_outbox_messages", ["state": "queued"]) == Double(queued))
            #expect(after.value("kansrijk_mail_outbox_messages", ["state": "queued"]) == (before.value("kansrijk_mail_outbox_messages", ["state": "queued"]) ?? -1) + 1)
            #expect(after.value("kansrijk_mail_outbox_messages", ["state": "failed"]) != nil)
            #expect(after.value("kansrijk_monitoring_import_jobs", ["status": "bezig"]) != nil)
            #expect(after.value("kansrijk_background_runs", ["job": "metrics-test-job", "outcome": "succeeded"]) == 1)
            #expect(after.value("kansrijk_background_runs", ["job": "metrics-test-job", "outcome": "failed"]) == 1)
            #expect(after.value("kansrijk_background_last_finished_timestamp_seconds", ["job": "metrics-test-job"]) == 1_796_646_601)
            let sql = try #require(app.db as? any SQLDatabase)
            let highest = try await sql.raw("SELECT MAX(sequence) AS n FROM audit_events").first()?.decode(column: "n", as: Int?.self) ?? 0
            #expect(after.value("kansrijk_audit_chain_length") == Double(highest))
            let grew = (after.value("kansrijk_audit_chain_length") ?? 0) + (after.value("kansrijk_audit_outbox_events") ?? 0)
                - (before.value("kansrijk_audit_chain_length") ?? 0) - (before.value("kansrijk_audit_outbox_events") ?? 0)
            #expect(grew == 2)
            if usesPostgres {
                #expect((after.value("kansrijk_db_connections", ["state": "active"]) ?? 0) >= 1, "the scrape's own query is active")
                #expect((after.value("kansrijk_db_pool_max_connections") ?? 0) >= 4)
            }
        }
    }
}
