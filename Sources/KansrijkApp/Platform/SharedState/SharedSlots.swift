import Fluent
import Foundation

/// How many of something run at once per key, across every instance (ADR 0041): a break-the-glass
/// request per user. A slot is a lease with an end, kept in the key's `shared_state` row, and given
/// back when the work is done; a lease an instance could not give back (it stopped mid-request)
/// ends by itself after `lease`, so nobody stays locked out.
enum SharedSlots {
    /// Runs `body` holding one of `limit` slots of `key`, or returns nil at once when all are taken.
    static func holding<T: Sendable>(_ key: String, limit: Int, lease: TimeInterval, on db: any Database, now: Date = Date(),
                                     _ body: () async throws -> T) async throws -> T? {
        let stateKey = "slots:" + key
        let id = UUID().uuidString
        let taken = try await SharedState.change([stateKey], as: [String: Date].self, on: db, now: now) { table in
            var leases = (table[stateKey]?.value ?? [:]).filter { $0.value > now }
            guard leases.count < limit else { return false }
            leases[id] = now.addingTimeInterval(lease)
            table[stateKey] = .init(value: leases, expires: leases.values.max() ?? now)
            return true
        }
        guard taken else { return nil }
        let result: T
        do {
            result = try await body()
        } catch {
            try? await give(stateKey, id, on: db)
            throw error
        }
        try await give(stateKey, id, on: db)
        return result
    }

    private static func give(_ stateKey: String, _ id: String, on db: any Database) async throws {
        let now = Date()
        try await SharedState.change([stateKey], as: [String: Date].self, on: db, now: now) { table in
            guard var stored = table[stateKey] else { return }
            stored.value[id] = nil
            stored.value = stored.value.filter { $0.value > now }
            if let last = stored.value.values.max() {
                table[stateKey] = .init(value: stored.value, expires: last)
            } else {
                table[stateKey] = nil
            }
        }
    }
}
