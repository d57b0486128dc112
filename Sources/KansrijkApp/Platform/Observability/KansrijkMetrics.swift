import Metrics
import NIOConcurrencyHelpers
import Prometheus

/// The process's one Prometheus registry (ADR 0044). It is swift-metrics' backend, so a
/// `Counter(label:)` anywhere in the code (the read-replica counter, ADR 0043) lands in it; the
/// request metrics write to it directly, which skips the backend's label lookup on every request.
enum KansrijkMetrics {
    static let registry = PrometheusCollectorRegistry()
    private static let bootstrapped = NIOLockedValueBox(false)

    /// Makes the registry the metrics backend once per process: `MetricsSystem.bootstrap` traps when
    /// called twice, and every test builds an application of its own.
    static func bootstrapOnce() {
        bootstrapped.withLockedValue { done in
            guard !done else { return }
            MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
            done = true
        }
    }

    /// Request latency buckets: the targets are p99 < 50 ms, so most of the resolution sits below 100 ms.
    static let latencyBuckets: [Duration] = [
        .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(25),
        .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500),
        .seconds(1), .milliseconds(2500), .seconds(5), .seconds(10),
    ]
}
