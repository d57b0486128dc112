import Foundation
import Fluent
import Vapor

/// Slows down password guessing with growing delays rather than a lock-out (issue #13, item 4): a
/// hard lock-out lets anyone lock a colleague, or a whole office behind one address, out. Each
/// attempt is counted *before* the password is checked, under the keys' row locks in the database
/// (`SharedState`, ADR 0041), so parallel attempts - on one instance or spread over several -
/// cannot all pass the check: the first `freeAttempts` of a key are free, each later one must wait
/// twice as long as the one before (up to `maxDelay`). A successful log-in clears the e-mail
/// address's count.
struct LoginThrottle: Sendable {
    /// How one kind of key (an e-mail address, a client address) is slowed down.
    struct Rule: Sendable {
        var freeAttempts: Int
        /// Failures per doubling of the delay after the free attempts (1: every failure doubles it).
        var failuresPerDoubling: Int
        var maxDelay: TimeInterval
    }

    struct Entry: Codable, Sendable {
        var attempts = 0
        var notBefore = Date.distantPast
        var lastAttempt = Date.distantPast
    }

    enum Admission: Sendable, Equatable {
        case admitted
        /// Try again after this many seconds.
        case wait(seconds: Int)
    }

    static let emailRule = Rule(freeAttempts: 5, failuresPerDoubling: 1, maxDelay: 15 * 60)
    /// An office shares one address: ten times the free attempts, and slower growth.
    static let addressRule = Rule(freeAttempts: 50, failuresPerDoubling: 5, maxDelay: 5 * 60)

    /// After this long without attempts a key starts again from nothing.
    let forgetAfter: TimeInterval

    init(forgetAfter: TimeInterval = 60 * 60) {
        self.forgetAfter = forgetAfter
    }

    static func keys(email: String, address: String?) -> [String] {
        ["email:" + email, "ip:" + (address ?? "?")]
    }

    static func rule(for key: String) -> Rule { key.hasPrefix("ip:") ? addressRule : emailRule }

    /// The key's row in `shared_state`.
    static func stateKey(_ key: String) -> String { "login:" + key }

    /// The delay after the `attempts`-th attempt of a key under `rule`.
    static func delay(after attempts: Int, rule: Rule) -> TimeInterval {
        guard attempts >= rule.freeAttempts else { return 0 }
        let doublings = (attempts - rule.freeAttempts) / rule.failuresPerDoubling
        return min(pow(2, Double(min(doublings, 30))), rule.maxDelay)
    }

    /// Decides and counts in one step: admitted attempts are counted at once (as failures until
    /// `succeeded` says otherwise), refused ones are not counted and tell how long to wait.
    func admit(keys: [String], now: Date, on db: any Database) async throws -> Admission {
        let forgetAfter = forgetAfter
        return try await SharedState.change(keys.map(Self.stateKey), as: Entry.self, on: db, now: now) { table in
            // a key's row expires `forgetAfter` after its last attempt: then it starts from nothing
            var wait: TimeInterval = 0
            for key in keys {
                guard let entry = table[Self.stateKey(key)]?.value else { continue }
                wait = max(wait, entry.notBefore.timeIntervalSince(now))
            }
            if wait > 0 { return .wait(seconds: Int(wait.rounded(.up))) }
            for key in keys {
                var entry = table[Self.stateKey(key)]?.value ?? Entry()
                entry.attempts += 1
                entry.lastAttempt = now
                entry.notBefore = now.addingTimeInterval(Self.delay(after: entry.attempts, rule: Self.rule(for: key)))
                table[Self.stateKey(key)] = .init(value: entry, expires: now.addingTimeInterval(forgetAfter))
            }
            return .admitted
        }
    }

    /// A correct password: the e-mail address starts again from nothing; the client address's
    /// count keeps this attempt out (one colleague's success does not clear another's guesses).
    func succeeded(keys: [String], now: Date, on db: any Database) async throws {
        try await SharedState.change(keys.map(Self.stateKey), as: Entry.self, on: db, now: now) { table in
            for key in keys {
                if key.hasPrefix("email:") { table[Self.stateKey(key)] = nil }
                else if var stored = table[Self.stateKey(key)] {
                    stored.value.attempts = max(0, stored.value.attempts - 1)
                    table[Self.stateKey(key)] = stored
                }
            }
        }
    }
}

extension Application {
    private struct ThrottleKey: StorageKey { typealias Value = LoginThrottle }
    var loginThrottle: LoginThrottle {
        get { storage[ThrottleKey.self] ?? LoginThrottle() }
        set { storage[ThrottleKey.self] = newValue }
    }
}
