import Fluent
import SQLKit
import Vapor

/// The events of changes on SQLite, on their way into the audit chain (ADR 0021). The chain is in
/// a file of its own (`AuditFile`), and SQLite commits a transaction over two files in WAL mode
/// atomically per file only. So a change writes its event into `audit_outbox`, in the main file
/// and in the change's own transaction: the change and its event commit together or not at all.
/// Right after the commit `drain` moves the event into the chain, in two steps that may be
/// repeated safely: the events are chained with the outbox row's id (a primary key of the chain),
/// and only then removed from the outbox. An event whose removal was lost (a crash between the
/// steps) is found in the chain on the next drain and removed without being chained twice.
enum AuditOutbox {
    static let schema = "audit_outbox"
    /// Events chained per drain transaction; SQLite allows 32,766 bound values in a statement, an event has 13.
    static let batch = 500

    /// Writes `draft` into the outbox on the caller's transaction.
    static func enqueue(_ draft: AuditDraft, at now: Date, on sql: any SQLDatabase) async throws {
        try await sql.raw("""
            INSERT INTO audit_outbox (id, occurred_at, action, client_id, user_id, user_email, organisation_id, on_behalf_of, basis, what) \
            VALUES (\(bind: UUID()), \(bind: now), \(bind: draft.action.rawValue), \(bind: draft.clientID), \(bind: draft.userID), \
            \(bind: draft.userEmail), \(bind: draft.organisationID), \(bind: draft.onBehalfOf), \(bind: draft.basis), \(bind: draft.what))
            """).run()
    }

    /// Chains every committed outbox event (SQLite; nothing to do on PostgreSQL). Called after each
    /// audited transaction, at start-up and before the chain is read as a whole (verify, head,
    /// access report, export), so that no reader misses an event that is on its way.
    static func drain(on db: any Database) async throws {
        guard !db.inTransaction, let sql = db as? any SQLDatabase, sql.dialect.name == "sqlite" else { return }
        try await AuditLog.chainGate.run {
            while true {
                let rows = try await sql.raw("""
                    SELECT id, occurred_at, action, client_id, user_id, user_email, organisation_id, on_behalf_of, basis, what \
                    FROM audit_outbox ORDER BY rowid LIMIT \(unsafeRaw: String(batch))
                    """).all()
                guard !rows.isEmpty else { return }
                let entries = try rows.map(entry)
                let ids = entries.map(\.id)
                try await db.withConnection { conn in
                    guard let sql = conn as? any SQLDatabase else { return }
                    try await AuditLog.chainTransaction(on: sql) {
                        let chained = try await sql.raw("SELECT id FROM audit_events WHERE id IN (\(binds: ids))").all()
                            .map { try $0.decode(column: "id", as: UUID.self) }
                        try await AuditLog.insert(entries.filter { !chained.contains($0.id) }, on: sql)
                    }
                }
                try await sql.raw("DELETE FROM audit_outbox WHERE id IN (\(binds: ids))").run()
                if rows.count < batch { return }
            }
        }
    }


    private static func entry(_ row: any SQLRow) throws -> (id: UUID, draft: AuditDraft, at: Date) {
        let action = try row.decode(column: "action", as: String.self)
        guard let known = AuditAction(rawValue: action) else { throw Abort(.internalServerError, reason: "unknown audit action \(action)") }
        let draft = AuditDraft(
            action: known, clientID: try row.decode(column: "client_id", as: UUID?.self),
            userID: try row.decode(column: "user_id", as: UUID.self), userEmail: try row.decode(column: "user_email", as: String.self),
            organisationID: try row.decode(column: "organisation_id", as: UUID.self),
            onBehalfOf: try row.decode(column: "on_behalf_of", as: String?.self), basis: try row.decode(column: "basis", as: String?.self),
            what: try row.decode(column: "what", as: String.self))
        return (try row.decode(column: "id", as: UUID.self), draft, try row.decode(column: "occurred_at", as: Date.self))
    }
}

extension Database {
    /// A transaction of a change that writes audit events: on SQLite the events wait in the outbox
    /// until the commit and are chained right after it (`AuditOutbox`). A failure to chain them is
    /// logged, not thrown: the change is committed and its events are safe in the outbox, chained
    /// by the next drain. Inside an outer transaction this is that transaction, and the outer one drains.
    func auditedTransaction<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        guard !inTransaction else { return try await body(self) }
        let result = try await writeTransaction(body)
        do {
            try await AuditOutbox.drain(on: self)
        } catch {
            logger.error("Audit outbox: events stay in the outbox until the next drain: \(String(reflecting: error))")
        }
        return result
    }
}

/// The outbox table: an audit event's fields without its place in the chain. In the main database
/// on both dialects (PostgreSQL leaves it empty).
struct CreateAuditOutbox: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(AuditOutbox.schema)
            .id()
            .auditEventFields()
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(AuditOutbox.schema).delete()
    }
}
