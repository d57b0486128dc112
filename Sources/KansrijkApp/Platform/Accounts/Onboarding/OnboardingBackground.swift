import NIOConcurrencyHelpers
import Vapor

/// Work done after the response (the forgotten-password look-up and mail). Tracked, so tests and a
/// shutting-down server can wait for it. Per process on purpose (ADR 0041): it is this process's
/// own running tasks, a few milliseconds each, and what they write lands in the database.
final class OnboardingBackground: Sendable {
    private let running = NIOLockedValueBox([UUID: Task<Void, Never>]())

    func run(_ logger: Logger, _ work: @escaping @Sendable () async throws -> Void) {
        let id = UUID()
        running.withLockedValue { tasks in
            tasks[id] = Task { [weak self] in
                do { try await work() } catch { logger.warning("Onboarding background work failed: \(String(reflecting: error))") }
                _ = self?.running.withLockedValue { $0.removeValue(forKey: id) }
            }
        }
    }

    /// Waits until everything started so far has finished.
    func drain() async {
        while let next = running.withLockedValue({ $0.values.first }) { await next.value }
    }
}

extension Application {
    private struct BackgroundKey: StorageKey { typealias Value = OnboardingBackground }
    private struct ResetLimitsKey: StorageKey { typealias Value = ResetLimits }

    struct ResetLimits: Sendable {
        var perEmail = WindowLimiter(name: "reset-email", limit: 5, window: 60 * 60)
        var perAddress = WindowLimiter(name: "reset-address", limit: 30, window: 60 * 60)
    }

    /// Set once in `configure`.
    var onboardingBackground: OnboardingBackground {
        get { storage[BackgroundKey.self] ?? OnboardingBackground() }
        set { storage[BackgroundKey.self] = newValue }
    }

    /// Set once in `configure`.
    var passwordResetLimits: ResetLimits {
        get { storage[ResetLimitsKey.self] ?? ResetLimits() }
        set { storage[ResetLimitsKey.self] = newValue }
    }
}

/// Lets the forgotten-password work that is still running finish before the database closes.
struct OnboardingBackgroundLifecycle: LifecycleHandler {
    func shutdownAsync(_ app: Application) async {
        await app.onboardingBackground.drain()
    }
}
