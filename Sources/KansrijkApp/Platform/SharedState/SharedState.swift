import Fluent
import Foundation
import SQLKit

/// Small state per key that every instance must see alike (ADR 0041): how often an address tried
/// to log in, how many reset mails an address asked for, who is busy with a break-the-glass
/// request. One row per key in `shared_state`: the value as JSON and when it may be forgotten.
///
/// A change reads the rows of its keys under their locks, lets plain Swift decide, and writes the
/// rows back, all in one write transaction, so two requests - on one instance or on two - never
/// both pass a limit. PostgreSQL: missing rows are created first (`ON CONFLICT DO NOTHING`), then
/// locked with `SELECT ... FOR UPDATE`, both in key order, so two changes never wait on each other
/// in a circle. SQLite: the write transaction holds the file's write lock from its first statement,
/// which puts every change in one line anyway (there `FOR UPDATE` is left out by SQLKit).
enum SharedState {
    static let table = "shared_state"

    /// A value and until when it counts; after that the key reads as if it never had one.
    struct Entry<Value: Codable & Sendable>: Sendable {
        var value: Value
        var expires: Date
    }

    struct Unavailable: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs `decide` on the live values of `keys` (keys without one are missing from the
    /// dictionary) under their rows' locks and stores what it leaves: a key it removed is cleared.
    static func change<Value: Codable & Sendable, Result: Sendable>(
        _ keys: [String], as _: Value.Type, on db: any Database, now: Date,
        _ decide: @escaping @Sendable (inout [String: Entry<Value>]) -> Result
    ) async throws -> Result {
        let keys = Array(Set(keys)).sorted()
        return try await db.writeTransaction { db in
            guard let sql = db as? any SQLDatabase else { throw Unavailable(description: "shared state needs an SQL database") }
            let rows = try await lock(keys, on: sql)
            var current: [String: Entry<Value>] = [:]
            for row in rows {
                guard row.expires > now.timeIntervalSince1970, let text = row.value,
                      let value = try? JSONDecoder().decode(Value.self, from: Data(text.utf8)) else { continue }
                current[row.key] = Entry(value: value, expires: Date(timeIntervalSince1970: row.expires))
            }
            let before = Set(current.keys)
            let result = decide(&current)
            for key in keys {
                if let entry = current[key] {
                    let text = String(decoding: try JSONEncoder().encode(entry.value), as: UTF8.self)
                    try await store(key, value: text, expires: entry.expires.timeIntervalSince1970, on: sql)
                } else if before.contains(key) {
                    try await store(key, value: nil, expires: 0, on: sql)
                }
            }
            return result
        }
    }

    private struct Row: Decodable {
        var key: String
        var value: String?
        var expires: Double

        enum CodingKeys: String, CodingKey {
            case key, value
            case expires = "expires_at"
        }
    }

    /// Every key's row, locked until the transaction ends. A row the purge removed between the
    /// insert and the lock is made again (read committed: the next statement sees the removal).
    private static func lock(_ keys: [String], on sql: any SQLDatabase) async throws -> [Row] {
        for _ in 0..<5 {
            let insert = sql.insert(into: table).columns("key", "value", "expires_at")
            for key in keys { _ = insert.values(SQLBind(key), SQLLiteral.null, SQLBind(0.0)) }
            try await insert.ignoringConflicts(with: "key").run()
            let rows = try await sql.select().columns("key", "value", "expires_at").from(table)
                .where("key", .in, keys).orderBy("key").for(.update).all(decoding: Row.self)
            if rows.count == keys.count { return rows }
        }
        throw Unavailable(description: "shared state rows could not be locked")
    }

    private static func store(_ key: String, value: String?, expires: Double, on sql: any SQLDatabase) async throws {
        try await sql.update(table)
            .set("value", to: value.map { SQLBind($0) as any SQLExpression } ?? SQLLiteral.null)
            .set("expires_at", to: expires)
            .where("key", .equal, key).run()
    }

    /// Removes the rows that no longer count. On PostgreSQL rows another change holds are skipped
    /// (`SKIP LOCKED`), so a purge never waits on a request, nor a request on a purge.
    static func purge(on db: any Database, now: Date) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        let cutoff = now.timeIntervalSince1970
        if sql.dialect.name == "postgresql" {
            try await sql.raw("""
                DELETE FROM shared_state WHERE key IN
                (SELECT key FROM shared_state WHERE expires_at < \(bind: cutoff) FOR UPDATE SKIP LOCKED)
                """).run()
        } else {
            try await sql.delete(from: table).where("expires_at", .lessThan, cutoff).run()
        }
    }
}
