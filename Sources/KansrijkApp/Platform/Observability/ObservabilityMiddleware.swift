import NIOCore
import Vapor

/// The outermost middleware (ADR 0044): settles the request id and sends it back in
/// `X-Request-Id`, counts and times every request per route pattern, method and status, and with
/// `--log debug` logs one access line per request. A plain `Middleware`, like the others, so a
/// request stays on its event loop; it costs a few microseconds (a lock, a dictionary lookup, a few
/// atomic adds). Vapor's own per-request metrics stay off.
struct ObservabilityMiddleware: Middleware {
    let metrics: RequestMetrics

    func respond(to req: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        let started = NIODeadline.now()
        let (id, logger) = RequestID.settle(req)
        let metrics = self.metrics
        metrics.inFlight.increment()
        return next.respond(to: req).always { result in
            metrics.inFlight.decrement()
            let status: UInt
            switch result {
            case .success(let response):
                status = response.status.code
                response.headers.replaceOrAdd(name: "X-Request-Id", value: id)
            case .failure:
                // no middleware inside turned the error into a page: Vapor answers 500
                status = 500
            }
            let elapsed = NIODeadline.now() - started
            metrics.record(route: req.route, method: req.method, status: status, duration: .nanoseconds(elapsed.nanoseconds))
            // an access line only when asked for (`--log debug`): the pattern, never the raw path or query
            if logger.logLevel <= .debug {
                logger.debug("\(req.method.rawValue) \(req.route.map(RequestMetrics.pattern) ?? RequestMetrics.unrouted) \(status)", metadata: [
                    "status": "\(status)", "duration_ms": "\(Double(elapsed.nanoseconds / 1000) / 1000)",
                ])
            }
        }
    }
}
