import Vapor

/// `GET /metrics` in the Prometheus text format (ADR 0044): the process's registry (requests,
/// latency, the replica's read counter) followed by the figures read at scrape time. Closed to the
/// public: 404 unless `KANSRIJK_METRICS_TOKEN` is set, and then only for its Bearer token. The
/// loopback listener of `KANSRIJK_METRICS_PORT` answers the same through `MetricsListener`.
struct MetricsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("metrics") { req async throws -> Response in
            let settings = req.application.metricsSettings
            guard settings.token != nil else { throw PageError.notFound }
            return try await Self.answer(req.application, authorization: req.headers.first(name: .authorization))
        }
    }

    static let contentType = "text/plain; version=0.0.4; charset=utf-8"

    /// The scrape, or 401 without the token.
    static func answer(_ app: Application, authorization: String?) async throws -> Response {
        guard app.metricsSettings.admits(authorization: authorization) else {
            let response = Response(status: .unauthorized, body: .init(string: "401 Unauthorized: send Authorization: Bearer <KANSRIJK_METRICS_TOKEN>\n"))
            response.headers.replaceOrAdd(name: .wwwAuthenticate, value: "Bearer")
            response.headers.replaceOrAdd(name: .contentType, value: "text/plain; charset=utf-8")
            return response
        }
        var buffer: [UInt8] = []
        buffer.reserveCapacity(64 * 1024)
        KansrijkMetrics.registry.emit(into: &buffer)
        await ScrapeFigures.emit(app, into: &buffer)
        let response = Response(status: .ok, body: .init(buffer: ByteBuffer(bytes: buffer)))
        response.headers.replaceOrAdd(name: .contentType, value: contentType)
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }
}
