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
    /// it outside one, and then the event is written in a short transaction of its own, on SQLite
    /// together with the other page views of the moment when a `writer` is given (`AuditGroupWriter`).
    static func record(_ draft: AuditDraft, on db: any Database, now: Date, writer: AuditGroupWriter? = nil) async throws {
        if !db.inTransaction, let sql = db as? any SQLDatabase, sql.dialect.name == "sqlite" {
            if let writer {
                try await writer.append(draft, at: now, on: db)
            } else {
                try await chainGate.run { try await appendImmediate([(draft, now)], on: db) }
            }
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

    /// Read events on SQLite, one group at a time per process (`chainGate`, `AuditGroupWriter`), in a
    /// `BEGIN IMMEDIATE` transaction on one connection: it takes SQLite's write lock before reading
    /// the end of the chain, so the read and the inserts cannot interleave with another writer (another
    /// process too) and never retry. (Fluent's own transactions begin deferred.) Waiting happens in
    /// the gate, not in SQLite's busy handler, so concurrent page views neither spin nor deadlock:
    /// nothing waits for the gate while holding a database lock. The events are chained in order and
    /// inserted with one statement, without Fluent's models.
    static func appendImmediate(_ drafts: [(AuditDraft, Date)], on db: any Database) async throws {
        try await db.withConnection { conn in
            guard let sql = conn as? any SQLDatabase else { throw Abort(.internalServerError) }
            try await sql.raw("BEGIN IMMEDIATE").run()
            do {
                try await insert(drafts, on: sql)
                try await sql.raw("COMMIT").run()
            } catch {
                try? await sql.raw("ROLLBACK").run()
                throw error
            }
        }
    }

    /// Reads the end of the chain and inserts the events after it, chained in order, with one
    /// statement and without Fluent's models. The caller holds the chain (a write lock or an
    /// advisory lock) for its transaction.
    private static func insert(_ drafts: [(AuditDraft, Date)], on sql: any SQLDatabase) async throws {
        let head = try await sql.raw("SELECT sequence, hash FROM audit_events ORDER BY sequence DESC LIMIT 1").first()
        var sequence = try head?.decode(column: "sequence", as: Int.self) ?? 0
        var previous = try head?.decode(column: "hash", as: String.self) ?? genesis
        var insert: SQLQueryString = """
            INSERT INTO audit_events (id, sequence, occurred_at, action, client_id, user_id, user_email, organisation_id, \
            on_behalf_of, basis, what, previous_hash, hash) VALUES\u{20}
            """
        for (index, (draft, now)) in drafts.enumerated() {
            sequence += 1
            let event = AuditEvent(draft, sequence: sequence, at: now, previousHash: previous)
            previous = event.hash
            let values: [any Encodable & Sendable] = [
                UUID(), event.sequence, event.occurredAt, event.action.rawValue, event.clientID, event.userID, event.userEmail,
                event.organisationID, event.onBehalfOf, event.basis, event.what, event.previousHash, event.hash,
            ]
            insert.appendLiteral(index == 0 ? "(" : ", (")
            insert.appendInterpolation(binds: values)
            insert.appendLiteral(")")
        }
        try await sql.raw(insert).run()
    }

    private static let chainGate = AsyncGate()

    private static func append(_ draft: AuditDraft, on db: any Database, now: Date) async throws {
        guard let sql = db as? any SQLDatabase else { throw Abort(.internalServerError, reason: "the audit log needs an SQL database") }
        try await insert([(draft, now)], on: sql)
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
        basis = draft.basis?.logValue
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
