import NIOConcurrencyHelpers

/// One background pass at a time per process: `wake()` starts a pass, or, while one runs, asks it to
/// go once more when it ends (any number of wake-ups during a pass make one more pass, not many).
/// `stop()` allows no new passes and waits for the running one, so a pass never outlives the
/// database it uses. The mail sender and the monitor import worker are built on it (ADR 0042).
final class CoalescedPasses: Sendable {
    private struct State { var running = false; var again = false; var stopped = false; var task: Task<Void, Never>? }
    private let state = NIOLockedValueBox(State())

    init() {}

    var isStopped: Bool { state.withLockedValue { $0.stopped } }

    /// `pass` is what one pass does (the same function every time for one owner).
    func wake(_ pass: @escaping @Sendable () async -> Void) {
        state.withLockedValue { state in
            guard !state.stopped else { return }
            if state.running { state.again = true; return }
            state.running = true
            state.task = Task { await self.run(pass) }
        }
    }

    private func run(_ body: @Sendable () async -> Void) async {
        repeat {
            await body()
        } while state.withLockedValue { state -> Bool in
            if state.again && !state.stopped { state.again = false; return true }
            state.running = false
            return false
        }
    }

    func stop() async {
        let task = state.withLockedValue { state -> Task<Void, Never>? in
            state.stopped = true
            return state.task
        }
        await task?.value
    }
}
