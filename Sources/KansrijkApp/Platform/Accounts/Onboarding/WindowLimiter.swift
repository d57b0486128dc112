import Foundation
import NIOConcurrencyHelpers

/// At most `limit` requests per key in a sliding `window`: the forgotten-password form per address
/// asked for (no mailbox is flooded) and per client address.
final class WindowLimiter: Sendable {
    let limit: Int
    let window: TimeInterval
    private let hits = NIOLockedValueBox([String: [Date]]())

    init(limit: Int, window: TimeInterval) {
        self.limit = limit
        self.window = window
    }

    /// Counts the request and says whether it is within the limit.
    func admit(_ key: String, now: Date) -> Bool {
        hits.withLockedValue { table in
            var recent = (table[key] ?? []).filter { now.timeIntervalSince($0) < window }
            let admitted = recent.count < limit
            if admitted { recent.append(now) }
            table[key] = recent
            if table.count > 50_000 { table = table.filter { $0.value.contains { now.timeIntervalSince($0) < window } } }
            return admitted
        }
    }
}
