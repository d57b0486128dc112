import Foundation
import NIOConcurrencyHelpers
import Vapor

/// Slows down password guessing: after `maxFailures` failed attempts for one e-mail address
/// (or ten times as many from one client address, since an office shares one) within `window`,
/// further attempts are refused until the window passes.
final class LoginThrottle: Sendable {
    let maxFailures: Int
    let window: TimeInterval
    private let failures = NIOLockedValueBox([String: [Date]]())

    init(maxFailures: Int = 5, window: TimeInterval = 15 * 60) {
        self.maxFailures = maxFailures
        self.window = window
    }

    func isBlocked(keys: [String], now: Date) -> Bool {
        failures.withLockedValue { table in
            keys.contains { key in
                let limit = key.hasPrefix("ip:") ? maxFailures * 10 : maxFailures
                return (table[key] ?? []).filter { now.timeIntervalSince($0) < window }.count >= limit
            }
        }
    }

    func recordFailure(keys: [String], now: Date) {
        failures.withLockedValue { table in
            for key in keys {
                table[key] = (table[key] ?? []).filter { now.timeIntervalSince($0) < window } + [now]
            }
            if table.count > 50_000 { table = table.filter { $0.value.contains { now.timeIntervalSince($0) < window } } }
        }
    }

    func reset(keys: [String]) {
        failures.withLockedValue { table in for key in keys { table[key] = nil } }
    }
}

extension Application {
    private struct ThrottleKey: StorageKey { typealias Value = LoginThrottle }
    var loginThrottle: LoginThrottle {
        get { storage[ThrottleKey.self] ?? LoginThrottle() }
        set { storage[ThrottleKey.self] = newValue }
    }
}
