import Fluent
import NIOConcurrencyHelpers
import Vapor

/// While the server runs, appends the audit chain's head to the witness file every minute when it
/// changed, and once more at shutdown. Only `serve` keeps a witness: other commands and tests leave the file alone.
final class AuditWitnessKeeper: LifecycleHandler, Sendable {
    let interval: Duration
    private let state = NIOLockedValueBox<(task: Task<Void, Never>?, last: AuditHead?)>((nil, nil))

    init(interval: Duration = .seconds(60)) { self.interval = interval }

    func didBootAsync(_ app: Application) async throws {
        let command = app.environment.arguments.dropFirst().first
        guard app.environment != .testing, command == nil || command == "serve", let file = app.auditWitnessFile else { return }
        state.withLockedValue { $0.last = (try? file.heads())?.last }
        app.logger.info("Audit witness: appending the chain head to \(file.path)")
        let interval = interval
        let task = Task { [weak self] in
            while !Task.isCancelled {
                try? await Task.sleep(for: interval)
                guard !Task.isCancelled, let self else { return }
                await self.witness(app, file)
            }
        }
        state.withLockedValue { $0.task = task }
    }

    func shutdownAsync(_ app: Application) async {
        guard let task = state.withLockedValue({ $0.task }), let file = app.auditWitnessFile else { return }
        task.cancel()
        await witness(app, file)
    }

    /// Appends the current head when it differs from the last one written; failures are logged, never fatal.
    func witness(_ app: Application, _ file: AuditWitnessFile) async {
        do {
            guard let head = try await AuditHead.current(on: app.db, now: Date()) else { return }
            let changed = state.withLockedValue { $0.last?.token != head.token }
            guard changed else { return }
            try file.append(head)
            state.withLockedValue { $0.last = head }
        } catch {
            app.logger.error("Audit witness: could not append the chain head to \(file.path): \(error)")
        }
    }
}
