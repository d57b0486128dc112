import NIOConcurrencyHelpers
import Vapor

/// Bounds the bcrypt work of log-ins (issue #13, item 4): a burst of 60-80 log-ins took every core
/// and stalled signed-in users for seconds. At most `concurrent` checks run at once and at most
/// `queued` wait; a check beyond that is refused at once (the log-in page answers 429), so a burst
/// costs the others at most one core.
final class PasswordCheckGate: Sendable {
    let concurrent: Int
    let queued: Int
    private struct State {
        var running = 0
        var waiting: [CheckedContinuation<Void, Never>] = []
    }
    private let state = NIOLockedValueBox(State())
    private enum Entry { case now, wait, refuse }

    init(concurrent: Int = max(1, System.coreCount - 1), queued: Int = 16) {
        self.concurrent = concurrent
        self.queued = queued
    }

    /// How many checks wait for a place now.
    var waitingCount: Int { state.withLockedValue { $0.waiting.count } }

    /// Runs `work` when a place is free; nil (and `work` not run) when too many already wait.
    func run<T: Sendable>(_ work: @Sendable () async throws -> T) async throws -> T? {
        let entry = state.withLockedValue { s -> Entry in
            if s.running < concurrent { s.running += 1; return .now }
            return s.waiting.count < queued ? .wait : .refuse
        }
        switch entry {
        case .refuse: return nil
        case .now: break
        case .wait:
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let startNow = state.withLockedValue { s -> Bool in
                    if s.running < concurrent { s.running += 1; return true }
                    s.waiting.append(continuation)
                    return false
                }
                if startNow { continuation.resume() }
            }
        }
        defer { release() }
        return try await work()
    }

    /// Hands the place to the next waiter (which then counts as running), or frees it.
    private func release() {
        let next = state.withLockedValue { s -> CheckedContinuation<Void, Never>? in
            if s.waiting.isEmpty { s.running -= 1; return nil }
            return s.waiting.removeFirst()
        }
        next?.resume()
    }
}

extension Application {
    private struct GateKey: StorageKey { typealias Value = PasswordCheckGate }
    var passwordCheckGate: PasswordCheckGate {
        get { storage[GateKey.self] ?? PasswordCheckGate() }
        set { storage[GateKey.self] = newValue }
    }
}
