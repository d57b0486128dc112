import Fluent
import Foundation

/// At most `limit` requests per key in a sliding `window`: the forgotten-password form per address
/// asked for (no mailbox is flooded) and per client address. The recent requests of a key are one
/// row in `shared_state` (ADR 0041), so the limit holds across every instance.
struct WindowLimiter: Sendable {
    /// Names the limit's keys in `shared_state`.
    let name: String
    let limit: Int
    let window: TimeInterval

    init(name: String, limit: Int, window: TimeInterval) {
        self.name = name
        self.limit = limit
        self.window = window
    }

    /// Counts the request and says whether it is within the limit.
    func admit(_ key: String, now: Date, on db: any Database) async throws -> Bool {
        let stateKey = name + ":" + key, limit = limit, window = window
        return try await SharedState.change([stateKey], as: [Date].self, on: db, now: now) { table in
            var recent = (table[stateKey]?.value ?? []).filter { now.timeIntervalSince($0) < window }
            let admitted = recent.count < limit
            if admitted { recent.append(now) }
            if let newest = recent.max() {
                table[stateKey] = .init(value: recent, expires: newest.addingTimeInterval(window))
            } else {
                table[stateKey] = nil
            }
            return admitted
        }
    }
}
