import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
@testable import KansrijkApp

/// The read pool of the hot paths on SQLite (ADR 0020): rows decode exactly as through SQLKit, a
/// transaction's reads stay on the transaction, the pool never writes, and kept statements are not
/// prepared again. On PostgreSQL there is no pool and `readRows` reads through the database.
@Suite("SQLite read pool")
struct SQLiteReadPoolTests {
    /// One row with every kind of value the hot paths read, and a NULL for each optional kind.
    private static let probe: SQLQueryString = """
        SELECT id, created_at, email, role, is_active, organisation_id, NULL AS no_text, NULL AS no_date, NULL AS no_uuid, \
        42 AS answer, 1.5 AS ratio, '["a","b"]' AS list FROM users WHERE email = \(bind: "coordinator@zeist.demo")
        """

    @Test("every column decodes to what SQLKit's row gives")
    func decodesAsSQLKit() async throws {
        try await withApp { app in
            guard let pool = app.sqliteReads else {
                #expect(usesPostgres, "SQLite runs with a read pool")
                return
            }
            let sql = try #require(app.db as? any SQLDatabase)
            // setup: the same row through SQLKit
            let expected = try #require(try await sql.raw(Self.probe).first())

            // act
            var rows = 0
            var id: UUID?, createdAt: Date?, email: String?, role: Role?, active: Bool?, organisation: UUID?
            var noText: String?? = "x", noDate: Date?? = .now, noUUID: UUID?? = UUID(), noUUIDIsNil = false
            var answer: Int?, ratio: Double?, list: [String]?, contains = false, nullAsText: (any Error)?, missing: (any Error)?
            try pool.read(Self.probe, on: sql) { row in
                rows += 1
                id = try row.decode(column: "id", as: UUID.self)
                createdAt = try row.decode(column: "created_at", as: Date?.self)
                email = try row.decode(column: "email", as: String.self)
                role = try row.decodeRaw("role", as: Role.self)
                active = try row.decode(column: "is_active", as: Bool.self)
                organisation = try row.decode(column: "organisation_id", as: UUID?.self)
                noText = try row.decode(column: "no_text", as: String?.self)
                noDate = try row.decode(column: "no_date", as: Date?.self)
                noUUID = try row.decode(column: "no_uuid", as: UUID?.self)
                noUUIDIsNil = try row.decodeNil(column: "no_uuid")
                answer = try row.decode(column: "answer", as: Int.self)
                ratio = try row.decode(column: "ratio", as: Double.self)
                list = try row.decode(column: "list", as: [String].self)
                contains = row.contains(column: "email") && !row.contains(column: "password")
                do { _ = try row.decode(column: "no_text", as: String.self) } catch { nullAsText = error }
                do { _ = try row.decode(column: "missing", as: String.self) } catch { missing = error }
            }

            // check
            #expect(id == (try expected.decode(column: "id", as: UUID.self)))
            #expect(createdAt == (try expected.decode(column: "created_at", as: Date?.self)))
            #expect(email == "coordinator@zeist.demo")
            #expect(role == (try expected.decodeRaw("role", as: Role.self)))
            #expect(active == true)
            #expect(organisation == (try expected.decode(column: "organisation_id", as: UUID?.self)))
            #expect(noText == .some(nil) && noDate == .some(nil) && noUUID == .some(nil) && noUUIDIsNil)
            #expect(answer == 42 && ratio == 1.5 && list == ["a", "b"] && contains)
            #expect(nullAsText != nil && missing != nil)
            #expect(rows == 1)
        }
    }

    @Test("a read inside a transaction sees the transaction's own write; the pool sees it after the commit")
    func transactionsReadTheirOwnWrites() async throws {
        try await withApp { app in
            let pool = app.sqliteReads
            let query: SQLQueryString = "SELECT name FROM users WHERE email = \(bind: "coordinator@zeist.demo")"
            // act
            let (inside, outsideMeanwhile) = try await app.db.transaction { tx in
                try await (tx as! any SQLDatabase).raw("UPDATE users SET name = 'Tijdelijk' WHERE email = 'coordinator@zeist.demo'").run()
                let inside = try await tx.readFirst(query, pool: pool) { try $0.decode(column: "name", as: String.self) }
                let outside = try await app.db.readFirst(query, pool: pool) { try $0.decode(column: "name", as: String.self) }
                return (inside, outside)
            }
            let after = try await app.db.readFirst(query, pool: pool) { try $0.decode(column: "name", as: String.self) }

            // check
            #expect(inside == "Tijdelijk")
            #expect(outsideMeanwhile != "Tijdelijk")
            #expect(after == "Tijdelijk")
        }
    }

    @Test("the pool refuses to write, and names SQLite's reason")
    func refusesWrites() async throws {
        try await withApp(demo: false) { app in
            guard let pool = app.sqliteReads else { #expect(usesPostgres); return }
            #expect(throws: SQLiteReadError.self) { try pool.read("DELETE FROM users", []) { _ in } }
            #expect(throws: SQLiteReadError.self) { try pool.read("SELECT nonsense FROM", []) { _ in } }
        }
    }

    @Test("a kept statement runs again with new values without being prepared again")
    func keptStatementsAreNotPreparedAgain() async throws {
        try await withApp { app in
            guard let pool = app.sqliteReads else { #expect(usesPostgres); return }
            let user = try #require(try await User.find(email: "coordinator@zeist.demo", on: app.db))
            // act: the signed-in user's query (a boolean and an id) and a worklist (dates) several times
            for _ in 0..<3 {
                _ = try await User.readActive(try user.requireID(), on: app.db, pool: pool)
                _ = try await Referral.worklist(for: try await CareAccess.load(for: user, on: app.db), incoming: true,
                                                on: app.db, pool: pool, now: Date())
            }
            // check
            #expect(pool.reprepares() == 0)
            #expect(pool.statementCount() >= 2)
        }
    }

    @Test("columns are found by name in any order, and a repeated name is always its first column")
    func columnsByName() async throws {
        try await withApp(demo: false) { app in
            guard let pool = app.sqliteReads else { #expect(usesPostgres); return }
            let sql = try #require(app.db as? any SQLDatabase)
            var seen: [Int] = []
            // act: twice, so the second run starts where the first left off
            for _ in 0..<2 {
                try pool.read("SELECT 1 AS a, 2 AS b, 3 AS a, 4 AS c", on: sql) { row in
                    for name in ["a", "b", "a", "c", "b", "a"] { seen.append(try row.decode(column: name, as: Int.self)) }
                    #expect(throws: SQLiteReadError.self) { try row.decode(column: "d", as: Int.self) }
                }
            }
            // check
            #expect(seen == [1, 2, 1, 4, 2, 1, 1, 2, 1, 4, 2, 1])
        }
    }

    @Test("the directory reloads its large tables through the pool, and reads the same snapshot as without it")
    func directoryThroughThePool() async throws {
        try await withApp { app in
            // setup: the store the application made has the pool on SQLite, none on PostgreSQL
            #expect((app.directory.pool != nil) == !usesPostgres)
            // act
            let pooled = try await DirectorySnapshot.load(from: app.db, pool: app.sqliteReads)
            let plain = try await DirectorySnapshot.load(from: app.db, pool: nil)
            // check: every service with the same fields, in the same order, places and organisations too
            #expect(pooled.services.count == plain.services.count && pooled.services.count > 10)
            #expect(pooled.services.contains { !$0.places.isEmpty } && pooled.services.contains { !$0.organisationName.isEmpty })
            for (a, b) in zip(pooled.services, plain.services) {
                #expect(a.id == b.id && a.name == b.name && a.description == b.description && a.status == b.status)
                #expect(a.termIDs == b.termIDs && a.areas.map(\.municipalityCode) == b.areas.map(\.municipalityCode))
                #expect(a.languages.map(\.code) == b.languages.map(\.code) && a.places.map(\.id) == b.places.map(\.id))
                #expect(a.contacts.map(\.name) == b.contacts.map(\.name) && a.updatedAt == b.updatedAt && a.capacity == b.capacity)
                #expect(a.minimumAge == b.minimumAge && a.waitWeeks == b.waitWeeks && a.accessRoute == b.accessRoute)
                #expect(a.organisationName == b.organisationName && a.organisationPlaced == b.organisationPlaced)
                #expect(a.places.map(\.name) == b.places.map(\.name) && a.places.map(\.isVirtual) == b.places.map(\.isVirtual)
                        && a.places.map(\.latitude) == b.places.map(\.latitude) && a.places.map(\.municipalityCode) == b.places.map(\.municipalityCode))
            }
        }
    }

    @Test("an in-memory run keeps its database in a temporary file that is gone after shutdown")
    func temporaryFileRemoved() async throws {
        var path: String?
        try await withApp(demo: false) { app in
            path = app.sqliteReads?.path
            if let path { #expect(FileManager.default.fileExists(atPath: path)) } else { #expect(usesPostgres) }
        }
        if let path { #expect(!FileManager.default.fileExists(atPath: path)) }
    }
}
