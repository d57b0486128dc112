import Crypto
import Fluent
import SQLKit
import Foundation

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

    /// Appends one event. Call it inside the transaction of the change it describes.
    static func record(_ draft: AuditDraft, on db: any Database, now: Date) async throws {
        try await lockChain(on: db)
        // SQLite has no advisory lock: two requests may both read the same last entry; the unique
        // sequence refuses the second insert (SQLite fails only that statement), which then reads
        // the new end of the chain and tries again
        var attempt = 0
        while true {
            do {
                try await append(draft, on: db, now: now)
                return
            } catch let error as any DatabaseError where error.isConstraintFailure && attempt < 50 {
                attempt += 1
            }
        }
    }

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

    /// PostgreSQL runs requests in parallel: two writers must not both extend the same last entry.
    /// The transaction-scoped advisory lock serialises them (released at commit); SQLite writes one at a time already.
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
        return SHA256.hash(data: Data(input.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
