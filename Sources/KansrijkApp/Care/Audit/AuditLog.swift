import Crypto
import Fluent
import SQLKit
import Vapor

/// An audit event as a handler describes it; `AuditLog.record` adds the time, sequence and hashes.
struct AuditDraft: Sendable {
    var action: AuditAction
    var clientID: UUID?
    var userID: UUID
    var userEmail: String
    var organisationID: UUID
    var onBehalfOf: String?
    var basis: AccessBasis?
    var what: String

    init(action: AuditAction, clientID: UUID?, user: User, onBehalfOf: String? = nil, basis: AccessBasis?, what: String) {
        self.action = action
        self.clientID = clientID
        self.userID = user.id ?? UUID()
        self.userEmail = user.email
        self.organisationID = user.$organisation.id
        self.onBehalfOf = onBehalfOf
        self.basis = basis
        self.what = what
    }
}

/// The NEN 7513 access log of the care room: append-only, each entry hashing its own fields and
/// the previous entry's hash, so any changed or removed entry breaks the chain (`kansrijk audit verify`).
enum AuditLog {
    /// The `previous_hash` of the first entry.
    static let genesis = String(repeating: "0", count: 64)

    /// Appends one event. A change calls it inside its own transaction; a read (a page view) may call
    /// it outside one, and then the event is written in a short transaction of its own.
    static func record(_ draft: AuditDraft, on db: any Database, now: Date) async throws {
        if !db.inTransaction, let sql = db as? any SQLDatabase, sql.dialect.name == "sqlite" {
            try await appendAlone(draft, on: db, now: now)
            return
        }
        guard db.inTransaction else {
            // PostgreSQL: the advisory lock below lasts until the end of a transaction
            try await db.transaction { db in try await record(draft, on: db, now: now) }
            return
        }
        try await lockChain(on: db)
        try await append(draft, on: db, now: now)
    }

    /// Read events on SQLite, one at a time per process (`chainGate`), each in a `BEGIN IMMEDIATE`
    /// transaction on one connection: it takes SQLite's write lock before reading the end of the
    /// chain, so the read and the insert cannot interleave with another writer and never retry.
    /// (Fluent's own transactions begin deferred.) Waiting happens in the gate, not in SQLite's
    /// busy handler, so concurrent page views neither spin nor deadlock: nothing waits for the gate
    /// while holding a database lock.
    private static func appendAlone(_ draft: AuditDraft, on db: any Database, now: Date) async throws {
        try await chainGate.run {
            try await db.withConnection { conn in
                guard let sql = conn as? any SQLDatabase else { throw Abort(.internalServerError) }
                try await sql.raw("BEGIN IMMEDIATE").run()
                do {
                    try await append(draft, on: conn, now: now)
                    try await sql.raw("COMMIT").run()
                } catch {
                    try? await sql.raw("ROLLBACK").run()
                    throw error
                }
            }
        }
    }

    private static let chainGate = AsyncGate()

    private static func append(_ draft: AuditDraft, on db: any Database, now: Date) async throws {
        let last = try await AuditEvent.query(on: db).sort(\.$sequence, .descending).first()
        let event = AuditEvent()
        event.sequence = (last?.sequence ?? 0) + 1
        event.occurredAt = Date(timeIntervalSince1970: Double(milliseconds(now)) / 1000)
        event.action = draft.action
        event.clientID = draft.clientID
        event.userID = draft.userID
        event.userEmail = draft.userEmail
        event.organisationID = draft.organisationID
        event.onBehalfOf = draft.onBehalfOf
        event.basis = draft.basis?.logValue
        event.what = draft.what
        event.previousHash = last?.hash ?? genesis
        event.hash = hash(of: event)
        try await event.create(on: db)
    }

    /// Holds the end of the chain until the caller's transaction ends, so no other writer extends
    /// the same last entry. PostgreSQL: a transaction-scoped advisory lock. SQLite: the database's
    /// write lock, taken by a write that changes nothing before the end of the chain is read (Fluent
    /// begins transactions deferred; reading first and writing later would fail with "database is
    /// locked" when another connection commits in between).
    private static func lockChain(on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        switch sql.dialect.name {
        case "postgresql": try await sql.raw("SELECT pg_advisory_xact_lock(7513)").run()
        case "sqlite": try await sql.raw("UPDATE audit_events SET sequence = sequence WHERE 0 = 1").run()
        default: break
        }
    }

    static func milliseconds(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1000).rounded()) }

    /// SHA-256 over the entry's fields and the previous hash, as lower-case hex.
    static func hash(of e: AuditEvent) -> String {
        let fields: [String] = [
            String(e.sequence), String(milliseconds(e.occurredAt)), e.action.rawValue,
            e.clientID?.uuidString.lowercased() ?? "", e.userID.uuidString.lowercased(), e.userEmail,
            e.organisationID.uuidString.lowercased(), e.onBehalfOf ?? "", e.basis ?? "", e.what, e.previousHash,
        ]
        // the unit separator cannot be typed into a form, so no two field lists give the same input
        let input = fields.joined(separator: "\u{1F}")
        return SHA256.hash(data: Data(input.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}

/// Lets one task at a time through, in order of arrival, suspending the others instead of
/// blocking a thread.
actor AsyncGate {
    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    nonisolated func run<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        await enter()
        do {
            let result = try await body()
            await leave()
            return result
        } catch {
            await leave()
            throw error
        }
    }

    private func enter() async {
        if busy { await withCheckedContinuation { waiting.append($0) } } else { busy = true }
    }

    private func leave() {
        if waiting.isEmpty { busy = false } else { waiting.removeFirst().resume() }
    }
}
