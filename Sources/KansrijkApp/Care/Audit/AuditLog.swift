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
    /// `AccessBasis.logValue`, or nil.
    var basis: String?
    var what: String

    init(action: AuditAction, clientID: UUID?, user: User, onBehalfOf: String? = nil, basis: AccessBasis?, what: String) {
        self.init(action: action, clientID: clientID, userID: user.id ?? UUID(), userEmail: user.email,
                  organisationID: user.$organisation.id, onBehalfOf: onBehalfOf, basis: basis?.logValue, what: what)
    }

    /// A draft from stored fields (an entry of the outbox, `AuditOutbox`).
    init(action: AuditAction, clientID: UUID?, userID: UUID, userEmail: String, organisationID: UUID,
         onBehalfOf: String?, basis: String?, what: String) {
        self.action = action
        self.clientID = clientID
        self.userID = userID
        self.userEmail = userEmail
        self.organisationID = organisationID
        self.onBehalfOf = onBehalfOf
        self.basis = basis
        self.what = what
    }
}

/// The NEN 7513 access log of the care room: append-only, each entry hashing its own fields and
/// the previous entry's hash, so any changed or removed entry breaks the chain (`kansrijk audit verify`).
///
/// On SQLite the chain lives in a file of its own (`AuditFile`, ADR 0021), so that page views do not
/// change the main database file (SQLite empties every connection's page cache when the file
/// changed). A change's event is first written to `audit_outbox` in the main file, inside the
/// change's transaction, and chained right after the commit (`Database.auditedTransaction`,
/// `AuditOutbox.drain`). On PostgreSQL the chain is a table of the one database and a change's event is
/// chained inside the change's transaction.
enum AuditLog {
    /// The `previous_hash` of the first entry.
    static let genesis = String(repeating: "0", count: 64)

    /// Appends one event. A change calls it inside its own transaction; a read (a page view) may call
    /// it outside one, and then the event is written in a short transaction of its own, on SQLite
    /// together with the other page views of the moment when a `writer` is given (`AuditGroupWriter`).
    static func record(_ draft: AuditDraft, on db: any Database, now: Date, writer: AuditGroupWriter? = nil) async throws {
        if let sql = db as? any SQLDatabase, sql.dialect.name == "sqlite" {
            if db.inTransaction {
                try await AuditOutbox.enqueue(draft, at: now, on: sql)
            } else if let writer {
                try await writer.append(draft, at: now, on: db)
            } else {
                try await chainGate.run { try await appendGroup([(UUID(), draft, now)], on: db) }
            }
            return
        }
        guard db.inTransaction else {
            // PostgreSQL: a page view's event joins the others of the moment (one transaction, one
            // advisory lock for the group); else a transaction of its own, as the lock below lasts
            // until the end of a transaction
            if let writer {
                try await writer.append(draft, at: now, on: db)
            } else {
                try await db.writeTransaction { db in try await record(draft, on: db, now: now) }
            }
            return
        }
        try await lockChain(on: db)
        try await append(draft, on: db, now: now)
    }

    /// Events on SQLite, one group at a time per process (`chainGate`, `AuditGroupWriter`), chained
    /// and inserted with one statement, without Fluent's models, in a transaction of the chain
    /// (`chainTransaction`). Waiting happens in the gate, not in SQLite's busy handler, so concurrent
    /// page views neither spin nor deadlock: nothing waits for the gate while holding a database lock.
    /// On PostgreSQL the group's transaction holds the chain's advisory lock instead, so the groups
    /// of several instances take turns.
    static func appendGroup(_ entries: [(id: UUID, draft: AuditDraft, at: Date)], on db: any Database) async throws {
        try await db.withConnection { conn in
            guard let sql = conn as? any SQLDatabase else { throw Abort(.internalServerError) }
            if sql.dialect.name == "postgresql" {
                try await plainTransaction(on: sql) {
                    try await sql.raw("SELECT pg_advisory_xact_lock(7513)").run()
                    try await insert(entries, on: sql)
                }
            } else {
                try await chainTransaction(on: sql) { try await insert(entries, on: sql) }
            }
        }
    }

    /// `body` in a transaction on the connection `sql` (SQLite) that holds the write lock of the
    /// chain's file from its first statement, rolled back when `body` throws. The lock is taken by a
    /// write that changes nothing, before the end of the chain is read, so the read and the inserts
    /// cannot interleave with another writer (another process too) and never retry. Unlike
    /// `BEGIN IMMEDIATE`, which locks every attached file, it leaves the main file to the changes.
    static func chainTransaction(on sql: any SQLDatabase, _ body: () async throws -> Void) async throws {
        try await plainTransaction(on: sql) {
            try await sql.raw("UPDATE audit_events SET sequence = sequence WHERE 0 = 1").run()
            try await body()
        }
    }

    /// `body` between `BEGIN` and `COMMIT` on the connection `sql`, rolled back when it throws.
    static func plainTransaction(on sql: any SQLDatabase, _ body: () async throws -> Void) async throws {
        try await sql.raw("BEGIN").run()
        do {
            try await body()
            try await sql.raw("COMMIT").run()
        } catch {
            try? await sql.raw("ROLLBACK").run()
            throw error
        }
    }

    /// Reads the end of the chain and inserts the events after it, chained in order, with one
    /// statement and without Fluent's models. The caller holds the chain (a write lock or an
    /// advisory lock) for its transaction.
    static func insert(_ entries: [(id: UUID, draft: AuditDraft, at: Date)], on sql: any SQLDatabase) async throws {
        guard !entries.isEmpty else { return }
        let head = try await sql.raw("SELECT sequence, hash FROM audit_events ORDER BY sequence DESC LIMIT 1").first()
        var sequence = try head?.decode(column: "sequence", as: Int.self) ?? 0
        var previous = try head?.decode(column: "hash", as: String.self) ?? genesis
        var insert: SQLQueryString = """
            INSERT INTO audit_events (id, sequence, occurred_at, action, client_id, user_id, user_email, organisation_id, \
            on_behalf_of, basis, what, previous_hash, hash) VALUES\u{20}
            """
        for (index, (id, draft, now)) in entries.enumerated() {
            sequence += 1
            let event = AuditEvent(draft, sequence: sequence, at: now, previousHash: previous)
            previous = event.hash
            let values: [any Encodable & Sendable] = [
                id, event.sequence, event.occurredAt, event.action.rawValue, event.clientID, event.userID, event.userEmail,
                event.organisationID, event.onBehalfOf, event.basis, event.what, event.previousHash, event.hash,
            ]
            insert.appendLiteral(index == 0 ? "(" : ", (")
            insert.appendInterpolation(binds: values)
            insert.appendLiteral(")")
        }
        try await sql.raw(insert).run()
    }

    static let chainGate = AsyncGate()

    private static func append(_ draft: AuditDraft, on db: any Database, now: Date) async throws {
        guard let sql = db as? any SQLDatabase else { throw Abort(.internalServerError, reason: "the audit log needs an SQL database") }
        try await insert([(UUID(), draft, now)], on: sql)
    }

    /// Holds the end of the chain until the caller's transaction ends, so no other writer extends
    /// the same last entry: on PostgreSQL a transaction-scoped advisory lock. (SQLite never chains
    /// inside a change's transaction: `AuditOutbox`.)
    private static func lockChain(on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase, sql.dialect.name == "postgresql" else { return }
        try await sql.raw("SELECT pg_advisory_xact_lock(7513)").run()
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
        return hex(SHA256.hash(data: Data(input.utf8)))
    }
}

extension AuditLog {
    /// Lower-case hex of a digest, without a `String(format:)` per byte.
    static func hex(_ digest: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(64)
        for byte in digest {
            bytes.append(digits[Int(byte >> 4)])
            bytes.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension AuditEvent {
    /// The entry for `draft` at `sequence`, chained to `previousHash`, with its own hash.
    convenience init(_ draft: AuditDraft, sequence: Int, at now: Date, previousHash: String) {
        self.init()
        self.sequence = sequence
        occurredAt = Date(timeIntervalSince1970: Double(AuditLog.milliseconds(now)) / 1000)
        action = draft.action
        clientID = draft.clientID
        userID = draft.userID
        userEmail = draft.userEmail
        organisationID = draft.organisationID
        onBehalfOf = draft.onBehalfOf
        basis = draft.basis
        what = draft.what
        self.previousHash = previousHash
        hash = AuditLog.hash(of: self)
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
