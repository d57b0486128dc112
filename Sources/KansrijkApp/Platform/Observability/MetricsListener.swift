import NIOConcurrencyHelpers
import Vapor

/// The second listener of `KANSRIJK_METRICS_PORT` (ADR 0044): loopback only, serving `/metrics` and
/// nothing else, so Prometheus on the same host scrapes without the site's middleware, sessions or
/// the public port. Runs while serving.
struct MetricsListenerLifecycle: LifecycleHandler {
    func didBootAsync(_ app: Application) async throws {
        let command = app.environment.arguments.dropFirst().first
        guard command == nil || command == "serve" || command?.hasPrefix("-") == true,
              let port = app.metricsSettings.port, app.metricsListener == nil else { return }
        try await MetricsListener.start(app, port: port)
    }

    func shutdownAsync(_ app: Application) async {
        await app.metricsListener?.shutdown()
    }
}

enum MetricsListener {
    static let hostname = "127.0.0.1"

    /// Starts the listener on `hostname:port` (0: a free port, read back from `localAddress`).
    static func start(_ app: Application, port: Int) async throws {
        // HTTPServer writes its configuration into the application's storage, where the site's own
        // server reads its address: put the site's back once the listener is up
        let siteConfiguration = app.http.server.configuration
        var configuration = siteConfiguration
        configuration.address = .hostname(hostname, port: port)
        configuration.reportMetrics = false
        configuration.supportPipelining = false
        let server = HTTPServer(application: app, responder: MetricsResponder(app: app), configuration: configuration, on: app.eventLoopGroup)
        defer { app.http.server.configuration = siteConfiguration }
        try await server.start(address: nil)
        app.metricsListener = server
        app.logger.notice("metrics: /metrics on http://\(hostname):\(server.localAddress?.port ?? port)")
    }
}

/// Answers `GET /metrics` (and `HEAD`) on the listener; everything else is 404.
struct MetricsResponder: Responder {
    let app: Application

    func respond(to request: Request) -> EventLoopFuture<Response> {
        guard request.url.path == "/metrics", request.method == .GET || request.method == .HEAD else {
            return request.eventLoop.makeSucceededFuture(Response(status: .notFound, body: .init(string: "404 Not Found\n")))
        }
        let app = self.app
        let authorization = request.headers.first(name: .authorization)
        return request.eventLoop.makeFutureWithTask {
            try await MetricsController.answer(app, authorization: authorization)
        }
    }
}

extension Application {
    private struct MetricsListenerKey: StorageKey { typealias Value = HTTPServer }
    /// The running loopback listener, if any.
    var metricsListener: HTTPServer? {
        get { storage[MetricsListenerKey.self] }
        set { storage[MetricsListenerKey.self] = newValue }
    }
}
