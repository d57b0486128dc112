import Foundation
import Testing
import Vapor
import VaporTesting
@testable import KansrijkApp

/// `KANSRIJK_METRICS_PORT` (ADR 0044): a loopback listener that serves `/metrics` and nothing else,
/// and the settings that open `/metrics`.
@Suite("Metrics listener and settings")
struct MetricsListenerTests {
    @Test("the loopback listener serves /metrics without touching the site's own address")
    func loopbackListener() async throws {
        try await withApp { app in
            app.metricsSettings = MetricsSettings(token: nil, port: 0)
            let site = app.http.server.configuration.address
            try await MetricsListener.start(app, port: 0)
            let listener = try #require(app.metricsListener)
            let port = try #require(listener.localAddress?.port)
            #expect(app.http.server.configuration.address == site, "the site still listens where it did")

            let scrape = try await app.client.get("http://127.0.0.1:\(port)/metrics")
            #expect(scrape.status == .ok)
            let text = try PrometheusText(scrape.body.map { String(buffer: $0) } ?? "")
            #expect(text.value("kansrijk_info", ["version": Kansrijk.version]) == 1)
            #expect(text.value("kansrijk_audit_chain_length") != nil)
            // nothing else is served there, not even the site's pages
            #expect(try await app.client.get("http://127.0.0.1:\(port)/").status == .notFound)
            #expect(try await app.client.get("http://127.0.0.1:\(port)/health/live").status == .notFound)
            // the main listener keeps /metrics closed: a port alone opens no public door
            try await app.testing().test(.GET, "/metrics") { res in #expect(res.status == .notFound) }
            await listener.shutdown()
        }
    }

    @Test("with a token as well, the listener asks for it too")
    func listenerWithToken() async throws {
        try await withApp { app in
            app.metricsSettings = MetricsSettings(token: "another-token-of-sixteen+", port: 0)
            try await MetricsListener.start(app, port: 0)
            let listener = try #require(app.metricsListener)
            let port = try #require(listener.localAddress?.port)
            #expect(try await app.client.get("http://127.0.0.1:\(port)/metrics").status == .unauthorized)
            let scrape = try await app.client.get("http://127.0.0.1:\(port)/metrics",
                                                  headers: ["Authorization": "Bearer another-token-of-sixteen+"])
            #expect(scrape.status == .ok)
            await listener.shutdown()
        }
    }

    @Test("settings: a short token or a bad port refuses the start, with both problems named")
    func settings() throws {
        #expect(try MetricsSettings.fromEnvironment([:]) == .none)
        let good = try MetricsSettings.fromEnvironment(["KANSRIJK_METRICS_TOKEN": "0123456789abcdef", "KANSRIJK_METRICS_PORT": "9464"])
        #expect(good == MetricsSettings(token: "0123456789abcdef", port: 9464))
        do {
            _ = try MetricsSettings.fromEnvironment(["KANSRIJK_METRICS_TOKEN": "kort", "KANSRIJK_METRICS_PORT": "70000"])
            Issue.record("a short token and port 70000 were accepted")
        } catch let error as SettingsError {
            #expect(error.problems.count == 2)
            #expect(error.problems.contains { $0.contains("KANSRIJK_METRICS_TOKEN") })
            #expect(error.problems.contains { $0.contains("KANSRIJK_METRICS_PORT") })
        }
        #expect(throws: SettingsError.self) { try MetricsSettings.fromEnvironment(["KANSRIJK_METRICS_TOKEN": "sixteen chars with spaces"]) }
    }

    @Test("the token is compared whole, after Bearer in any case")
    func admits() {
        let settings = MetricsSettings(token: "0123456789abcdef", port: nil)
        #expect(settings.admits(authorization: "Bearer 0123456789abcdef"))
        #expect(settings.admits(authorization: "bearer 0123456789abcdef"))
        #expect(!settings.admits(authorization: "Bearer 0123456789abcde"))
        #expect(!settings.admits(authorization: "Bearer 0123456789abcdefg"))
        #expect(!settings.admits(authorization: "Basic 0123456789abcdef"))
        #expect(!settings.admits(authorization: nil))
        #expect(MetricsSettings(token: nil, port: 1).admits(authorization: nil))
    }

    @Test("a made-up method is counted as OTHER")
    func methodLabel() {
        #expect(RequestMetrics.label(.GET) == "GET")
        #expect(RequestMetrics.label(.POST) == "POST")
        #expect(RequestMetrics.label(.RAW(value: "BREW")) == "OTHER")
    }
}
