import Fluent
import FluentSQL
import Foundation
import Testing
import Vapor
@testable import KansrijkApp

/// Audit writes under load: read events (outside a transaction) and changes (inside one) written at
/// the same time keep one unbroken chain, and SQLite connections run with the settings for that.
@Suite("Audit writes from many requests at once", .serialized)
struct CarePerfAuditTests {
    @Test("read events and changes written at once keep one unbroken chain")
    func mixedWriters() async throws {
        try await withApp(demo: false) { app in
            // setup
            let user = try await AuditFixtures.professional("p@q.nl", name: "P", on: app.db)
            let read = AuditDraft(action: .read, clientID: UUID(), user: user, basis: .ownInvolvement, what: "client page")
            let change = AuditDraft(action: .update, clientID: UUID(), user: user, basis: .ownInvolvement, what: "client closed")
            let start = Date(timeIntervalSince1970: 1_780_000_000)

            // act
            try await withThrowingTaskGroup(of: Void.self) { group in
                for i in 0..<60 {
                    let at = start.addingTimeInterval(Double(i))
                    if i % 4 == 0 {
                        group.addTask { try await app.db.transaction { db in try await AuditLog.record(change, on: db, now: at) } }
                    } else if i % 4 == 1 {
                        group.addTask { try await AuditLog.record(read, on: app.db, now: at) }
                    } else {
                        // page views: grouped by the application's writer
                        group.addTask { try await AuditLog.record(read, on: app.db, now: at, writer: app.auditWriter) }
                    }
                }
                try await group.waitForAll()
            }

            // check
            #expect(try await AuditVerification.verify(on: app.db) == .intact(count: 60))
            #expect(try await AuditEvent.query(on: app.db).filter(\.$action == .update).count() == 15)
        }
    }

    @Test("page views written in groups keep the order and the chain of one at a time")
    func groupedPageViews() async throws {
        try await withApp(demo: false) { app in
            // setup
            let user = try await AuditFixtures.professional("g@h.nl", name: "G", on: app.db)
            let writer = try #require(app.auditWriter)
            let start = Date(timeIntervalSince1970: 1_780_000_000)

            // act: 120 page views at once, each waiting for its own event
            try await withThrowingTaskGroup(of: Void.self) { group in
                for i in 0..<120 {
                    let draft = AuditDraft(action: .read, clientID: UUID(), user: user, basis: .ownInvolvement, what: "view \(i)")
                    group.addTask { try await AuditLog.record(draft, on: app.db, now: start.addingTimeInterval(Double(i)), writer: writer) }
                }
                try await group.waitForAll()
            }
            let events = try await AuditEvent.query(on: app.db).sort(\.$sequence).all()

            // check: every view is stored once, numbered without gaps, each hashing its predecessor
            #expect(try await AuditVerification.verify(on: app.db) == .intact(count: 120))
            #expect(Set(events.map(\.what)).count == 120)
            #expect(events.map(\.sequence) == Array(1...120))
            #expect(zip(events.dropFirst(), events).allSatisfy { $0.previousHash == $1.hash })
        }
    }

    @Test("a read event that fails leaves no entry and the next one continues the chain")
    func failedAppendRollsBack() async throws {
        try await withApp(demo: false) { app in
            // setup
            let user = try await AuditFixtures.professional("r@s.nl", name: "R", on: app.db)
            let draft = AuditDraft(action: .read, clientID: nil, user: user, basis: nil, what: "worklist")
            let at = Date(timeIntervalSince1970: 1_780_000_000)
            try await AuditLog.record(draft, on: app.db, now: at)

            // act: a caller's transaction that writes an event and then fails
            await #expect(throws: Abort.self) {
                try await app.db.transaction { db in
                    try await AuditLog.record(draft, on: db, now: at.addingTimeInterval(1))
                    throw Abort(.conflict)
                }
            }
            try await AuditLog.record(draft, on: app.db, now: at.addingTimeInterval(2))

            // check
            #expect(try await AuditVerification.verify(on: app.db) == .intact(count: 2))
        }
    }

    @Test("every SQLite connection runs with WAL, synchronous NORMAL and a busy timeout",
          .enabled(if: !usesPostgres, "PostgreSQL has no such settings; its writers take an advisory lock"))
    func sqliteSettings() async throws {
        try await withApp(demo: false) { app in
            for eventLoop in app.eventLoopGroup.makeIterator() {
                // act
                let db = try #require(app.databases.database(.sqlite, logger: app.logger, on: eventLoop) as? any SQLDatabase)
                let mode = try await db.raw("PRAGMA journal_mode").first()?.decode(column: "journal_mode", as: String.self)
                let sync = try await db.raw("PRAGMA synchronous").first()?.decode(column: "synchronous", as: Int.self)
                let timeout = try await db.raw("PRAGMA busy_timeout").first()?.decode(column: "timeout", as: Int.self)

                // check
                #expect(mode == "wal")
                #expect(sync == 1)
                #expect(timeout == 5000)
            }
        }
    }
}
