import Fluent
import FluentSQL
import Foundation
import Testing
import Vapor
@testable import KansrijkApp

/// The audit chain in a file of its own on SQLite, and the outbox that keeps a change and its event
/// atomic (ADR 0021).
@Suite("Audit log in its own file, changes through the outbox", .serialized)
struct AuditFileTests {
    let at = Date(timeIntervalSince1970: 1_780_000_000)

    private func count(_ table: String, on db: any Database) async throws -> Int {
        let sql = try #require(db as? any SQLDatabase)
        return try #require(try await sql.raw("SELECT count(*) AS n FROM \(ident: table)").first()?.decode(column: "n", as: Int.self))
    }

    /// SQLite's counter of changes committed to the main file by other connections, as the read pool sees it.
    private func mainFileVersion(_ pool: SQLiteReadPool) throws -> Int {
        var version = -1
        try pool.read("PRAGMA data_version", []) { version = try $0.decode(column: "data_version", as: Int.self) }
        return version
    }

    @Test("a page view writes only the audit file, so the main file's readers keep their cache",
          .enabled(if: !usesPostgres, "PostgreSQL keeps the chain in its one database"))
    func pageViewLeavesMainFile() async throws {
        try await withApp(demo: false) { app in
            // setup
            let pool = try #require(app.sqliteReads)
            let sql = try #require(app.db as? any SQLDatabase)
            let user = try await AuditFixtures.professional("v@w.nl", name: "V", on: app.db)
            let view = AuditDraft(action: .read, clientID: UUID(), user: user, basis: .ownInvolvement, what: "client page")
            let before = try mainFileVersion(pool)

            // act: page views, grouped and alone
            try await AuditLog.record(view, on: app.db, now: at, writer: app.auditWriter)
            try await AuditLog.record(view, on: app.db, now: at.addingTimeInterval(1))

            // check: the main file did not change; the chain is in the audit file only
            #expect(try mainFileVersion(pool) == before)
            let inMain = try await sql.raw("SELECT count(*) AS n FROM main.sqlite_master WHERE name = 'audit_events'").first()?.decode(column: "n", as: Int.self)
            #expect(inMain == 0)
            #expect(try await count("audit_events", on: app.db) == 2)
            let mode = try await sql.raw("PRAGMA audit.journal_mode").first()?.decode(column: "journal_mode", as: String.self)
            #expect(mode == "wal")
            let cache = try await sql.raw("PRAGMA audit.cache_size").first()?.decode(column: "cache_size", as: Int.self)
            #expect(cache == SQLitePragmas.cacheSize)

            // and a change does change the main file (the control: the counter works)
            let change = AuditDraft(action: .update, clientID: UUID(), user: user, basis: .ownInvolvement, what: "client closed")
            try await app.db.auditedTransaction { db in try await AuditLog.record(change, on: db, now: at.addingTimeInterval(2)) }
            #expect(try mainFileVersion(pool) != before)
        }
    }

    @Test("a change's event commits with the change and joins the chain right after the commit")
    func changeThroughOutbox() async throws {
        try await withApp(demo: false) { app in
            // setup
            let user = try await AuditFixtures.professional("c@d.nl", name: "C", on: app.db)
            let change = AuditDraft(action: .update, clientID: UUID(), user: user, basis: .ownInvolvement, what: "client closed")
            let sqlite = app.sqliteReads != nil

            // act
            try await app.db.auditedTransaction { db in
                try await AuditLog.record(change, on: db, now: at)
                // check inside: on SQLite the event waits in the outbox, in the change's own transaction
                #expect(try await count(AuditOutbox.schema, on: db) == (sqlite ? 1 : 0))
                #expect(try await count("audit_events", on: db) == (sqlite ? 0 : 1))
            }

            // check
            #expect(try await count(AuditOutbox.schema, on: app.db) == 0)
            let event = try #require(try await AuditEvent.query(on: app.db).first())
            #expect(event.action == .update && event.what == "client closed" && event.userEmail == "c@d.nl")
            #expect(event.occurredAt == at && event.sequence == 1 && event.previousHash == AuditLog.genesis)
            #expect(try await AuditVerification.verify(on: app.db) == .intact(count: 1))
        }
    }

    @Test("a change that fails leaves no event, in the outbox or the chain")
    func failedChangeLeavesNothing() async throws {
        try await withApp(demo: false) { app in
            // setup
            let user = try await AuditFixtures.professional("f@g.nl", name: "F", on: app.db)
            let change = AuditDraft(action: .update, clientID: UUID(), user: user, basis: .ownInvolvement, what: "x")

            // act
            await #expect(throws: Abort.self) {
                try await app.db.auditedTransaction { db in
                    try await AuditLog.record(change, on: db, now: at)
                    throw Abort(.conflict)
                }
            }

            // check
            #expect(try await count(AuditOutbox.schema, on: app.db) == 0)
            #expect(try await count("audit_events", on: app.db) == 0)
        }
    }

    @Test("an event a crash left in the outbox after it was chained is removed, not chained twice",
          .enabled(if: !usesPostgres, "PostgreSQL chains inside the change's transaction"))
    func drainAfterCrash() async throws {
        try await withApp(demo: false) { app in
            // setup: a change whose event was chained, and whose outbox row came back (the removal lost)
            let user = try await AuditFixtures.professional("h@i.nl", name: "H", on: app.db)
            let change = AuditDraft(action: .update, clientID: UUID(), user: user, basis: .ownInvolvement, what: "first")
            try await app.db.auditedTransaction { db in try await AuditLog.record(change, on: db, now: at) }
            let chained = try #require(try await AuditEvent.query(on: app.db).first())
            let sql = try #require(app.db as? any SQLDatabase)
            try await sql.raw("""
                INSERT INTO audit_outbox (id, occurred_at, action, client_id, user_id, user_email, organisation_id, what) \
                VALUES (\(bind: chained.id!), \(bind: at), 'update', \(bind: chained.clientID), \(bind: chained.userID), \
                \(bind: chained.userEmail), \(bind: chained.organisationID), 'first')
                """).run()
            // and a change committed with a plain transaction: its event waits for the next drain
            let second = AuditDraft(action: .update, clientID: UUID(), user: user, basis: .ownInvolvement, what: "second")
            try await app.db.transaction { db in try await AuditLog.record(second, on: db, now: at.addingTimeInterval(1)) }
            #expect(try await count(AuditOutbox.schema, on: app.db) == 2)

            // act: the drain at start-up
            try await AuditOutbox.drain(on: app.db)

            // check
            #expect(try await count(AuditOutbox.schema, on: app.db) == 0)
            let events = try await AuditEvent.query(on: app.db).sort(\.$sequence).all()
            #expect(events.map(\.what) == ["first", "second"])
            #expect(try await AuditVerification.verify(on: app.db) == .intact(count: 2))
        }
    }

    @Test("an audit log in the main file, as earlier versions kept it, moves into the audit file intact",
          .enabled(if: !usesPostgres, "PostgreSQL keeps the chain in its one database"))
    func moveFromMainFile() async throws {
        try await withApp(demo: false) { app in
            // setup: three events, then the table put back into the main file with its index; one
            // entry also left in the audit file, as a move that crashed half-way leaves it
            let user = try await AuditFixtures.professional("m@n.nl", name: "M", on: app.db)
            for i in 0..<3 {
                try await AuditLog.record(AuditDraft(action: .read, clientID: UUID(), user: user, basis: .ownInvolvement, what: "view \(i)"),
                                          on: app.db, now: at.addingTimeInterval(Double(i)))
            }
            try await app.db.withConnection { conn in
                let sql = try #require(conn as? any SQLDatabase)
                try await CreateAuditEvents().prepare(on: conn)
                try await sql.raw("CREATE INDEX main.audit_events_client ON audit_events (client_id)").run()
                try await sql.raw("INSERT INTO main.audit_events SELECT * FROM audit.audit_events").run()
                try await sql.raw("DELETE FROM audit.audit_events WHERE sequence > 1").run()

                // act
                try await MoveAuditLogToOwnFile().prepare(on: conn)
                // again: nothing left to move
                try await MoveAuditLogToOwnFile().prepare(on: conn)

                // check
                let inMain = try await sql.raw("SELECT count(*) AS n FROM main.sqlite_master WHERE tbl_name = 'audit_events'").first()?.decode(column: "n", as: Int.self)
                #expect(inMain == 0)
                let index = try await sql.raw("SELECT count(*) AS n FROM audit.sqlite_master WHERE name = 'audit_events_client'").first()?.decode(column: "n", as: Int.self)
                #expect(index == 1)
            }
            #expect(try await AuditVerification.verify(on: app.db) == .intact(count: 3))
        }
    }

    @Test("the checkpointer copies the audit file's log back into the file, and stops at once",
          .enabled(if: !usesPostgres, "PostgreSQL has no such logs"))
    func checkpointer() async throws {
        try await withApp(demo: false) { app in
            // setup: page views written while Fluent's connections leave checkpoints to the checkpointer
            let pool = try #require(app.sqliteReads)
            try await SQLitePragmas.run(["PRAGMA wal_autocheckpoint = 0"], on: app, id: .sqlite)
            let user = try await AuditFixtures.professional("k@l.nl", name: "K", on: app.db)
            for i in 0..<20 {
                try await AuditLog.record(AuditDraft(action: .read, clientID: UUID(), user: user, basis: .ownInvolvement, what: "view \(i)"),
                                          on: app.db, now: at.addingTimeInterval(Double(i)), writer: app.auditWriter)
            }
            // an hour between rounds: `stop` must wake the thread, not wait for the next round
            let checkpointer = try SQLiteCheckpointer(path: pool.path, auditPath: AuditFile.path(besides: pool.path), interval: 3600)

            // act
            let result = checkpointer.checkpoint(AuditFile.schema)
            checkpointer.start(logger: app.logger)
            checkpointer.stop()

            // check
            #expect(result.code == 0)
            #expect(result.logFrames > 0 && result.checkpointed == result.logFrames)
            #expect(try await AuditVerification.verify(on: app.db) == .intact(count: 20))
        }
    }

    @Test("the move names the audit schema in each statement the main file kept")
    func qualify() {
        #expect(AuditFile.qualify(#"CREATE TABLE "audit_events"("id" BLOB PRIMARY KEY)"#, name: "audit_events")
                == #"CREATE TABLE "audit"."audit_events"("id" BLOB PRIMARY KEY)"#)
        #expect(AuditFile.qualify("CREATE INDEX audit_events_client ON audit_events (client_id)", name: "audit_events_client")
                == #"CREATE INDEX "audit"."audit_events_client" ON audit_events (client_id)"#)
        #expect(AuditFile.qualify("CREATE VIEW audit_events AS SELECT 1", name: "audit_events") == nil)
        #expect(AuditFile.path(besides: "/data/kansrijk.sqlite") == "/data/kansrijk-audit.sqlite")
        #expect(AuditFile.path(besides: "/data/kansrijk.db") == "/data/kansrijk.db-audit")
    }
}
