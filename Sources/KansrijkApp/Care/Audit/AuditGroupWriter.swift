import Fluent
import Vapor

/// Writes the read events of concurrent page views together (group commit): a page view
/// hands its event over and waits until it is committed; whatever arrives while a group is being
/// written goes into the next group, one transaction of the chain with one insert
/// (`AuditLog.appendGroup`). No event is ever answered before it is stored, and the chain is
/// the same as one event at a time: each group reads the end of the chain inside its transaction.
/// Under load this turns 32 transactions into one; alone, a page view pays what it paid before.
/// On SQLite the groups change only the audit file (`AuditFile`), never the main database file; on
/// PostgreSQL a group takes the chain's advisory lock once instead of once per page view (five
/// statements each, in turn across every instance).
/// One writer per application (its database), made at start-up. It always writes on the connection
/// of one event loop.
actor AuditGroupWriter {
    private struct Pending {
        var draft: AuditDraft
        var at: Date
        var db: any Database
        var done: CheckedContinuation<Void, any Error>
    }

    /// SQLite allows 32,766 bound values in a statement (PostgreSQL 65,535); an event has 13.
    static let maximumGroup = 500

    private var pending: [Pending] = []
    private var writing = false
    private var lastGroupSize = 0
    static let gathering = Duration.milliseconds(1)
    /// The database on the writer's event loop; nil writes on the first waiting page view's.
    private let database: (@Sendable () -> (any Database)?)?

    init(database: (@Sendable () -> (any Database)?)? = nil) {
        self.database = database
    }

    func append(_ draft: AuditDraft, at now: Date, on db: any Database) async throws {
        try await withCheckedThrowingContinuation { (done: CheckedContinuation<Void, any Error>) in
            pending.append(Pending(draft: draft, at: now, db: db, done: done))
            if !writing {
                writing = true
                Task { await drain() }
            }
        }
    }

    /// Writes groups until nothing waits. A failed group fails only its own page views. Under load
    /// (the last group held more than one event) it first lets a moment pass so that more events join
    /// the group: every commit empties the other connections' page caches, so fewer, larger groups
    /// leave more reads warm. On a quiet server a page view waits for this at most once, after a burst.
    private func drain() async {
        while !pending.isEmpty {
            if lastGroupSize > 1 { try? await Task.sleep(for: Self.gathering) }
            let group = Array(pending.prefix(Self.maximumGroup))
            pending.removeFirst(group.count)
            lastGroupSize = group.count
            let result: Result<Void, any Error>
            do {
                try await AuditLog.appendGroup(group.map { (UUID(), $0.draft, $0.at) }, on: database?() ?? group[0].db)
                result = .success(())
            } catch {
                result = .failure(error)
            }
            for item in group { item.done.resume(with: result) }
        }
        writing = false
    }
}

extension Application {
    private struct AuditWriterKey: StorageKey { typealias Value = AuditGroupWriter }

    /// The application's group writer of read events (set at start-up by `configure`).
    var auditWriter: AuditGroupWriter? {
        get { storage[AuditWriterKey.self] }
        set { storage[AuditWriterKey.self] = newValue }
    }
}
