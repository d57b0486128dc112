import NIOConcurrencyHelpers
import Prometheus
import Vapor

/// `kansrijk_http_requests_total` and `kansrijk_http_request_duration_seconds` per route pattern
/// (`/aanbod/:id`, never the raw path, so an id or a typo adds no series), method and status
/// (ADR 0044). The pair of collectors for one combination is made once and kept here, so a request
/// costs one dictionary lookup under a lock, an atomic add and a histogram record.
final class RequestMetrics: Sendable {
    /// Requests no route answered: static files, 404s, 405s.
    static let unrouted = "none"
    struct Key: Hashable {
        let route: ObjectIdentifier?
        let method: String
        let status: UInt
    }

    struct Collectors {
        let count: Prometheus.Counter
        let duration: DurationHistogram
    }

    private let registry: PrometheusCollectorRegistry
    private let collectors = NIOLockedValueBox<[Key: Collectors]>([:])
    /// Requests being answered right now, over every application of the process.
    let inFlight: Prometheus.Gauge

    init(registry: PrometheusCollectorRegistry = KansrijkMetrics.registry) {
        self.registry = registry
        inFlight = registry.makeGauge(descriptor: Self.inFlightName)
    }

    func record(route: Route?, method: HTTPMethod, status: UInt, duration: Duration) {
        let method = Self.label(method)
        let key = Key(route: route.map(ObjectIdentifier.init), method: method, status: status)
        let pair = collectors.withLockedValue { table in
            if let found = table[key] { return found }
            let made = make(route: route, method: method, status: status)
            table[key] = made
            return made
        }
        pair.count.increment()
        pair.duration.record(duration)
    }

    /// The method's name; any method the site does not use is `OTHER`, so a made-up one adds no series.
    static func label(_ method: HTTPMethod) -> String {
        switch method {
        case .GET, .HEAD, .POST, .PUT, .PATCH, .DELETE, .OPTIONS: method.rawValue
        default: "OTHER"
        }
    }

    private func make(route: Route?, method: String, status: UInt) -> Collectors {
        let labels = [("route", route.map(Self.pattern) ?? Self.unrouted), ("method", method), ("status", String(status))]
        return Collectors(count: registry.makeCounter(descriptor: Self.countName, labels: labels),
                          duration: registry.makeDurationHistogram(descriptor: Self.durationName, labels: labels,
                                                                   buckets: KansrijkMetrics.latencyBuckets))
    }

    /// `/aanbod/:id`, as the route table names it.
    static func pattern(_ route: Route) -> String {
        "/" + route.path.map(\.description).joined(separator: "/")
    }

    static var countName: MetricNameDescriptor {
        .init(namespace: "kansrijk", subsystem: "http", metricName: "requests", unitName: "total",
              helpText: "Requests answered, per route pattern, method and status.")
    }
    static var durationName: MetricNameDescriptor {
        .init(namespace: "kansrijk", subsystem: "http", metricName: "request_duration", unitName: "seconds",
              helpText: "Time from the request to its response head, per route pattern, method and status.")
    }
    static var inFlightName: MetricNameDescriptor {
        .init(namespace: "kansrijk", subsystem: "http", metricName: "requests_in_flight", unitName: "",
              helpText: "Requests being answered at the moment of the scrape.")
    }
}

extension Application {
    private struct RequestMetricsKey: StorageKey { typealias Value = RequestMetrics }
    /// This application's cache of request collectors (the registry itself is per process).
    var requestMetrics: RequestMetrics {
        get {
            if let existing = storage[RequestMetricsKey.self] { return existing }
            let made = RequestMetrics()
            storage[RequestMetricsKey.self] = made
            return made
        }
        set { storage[RequestMetricsKey.self] = newValue }
    }
}
