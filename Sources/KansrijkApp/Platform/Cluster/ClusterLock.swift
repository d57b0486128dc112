import Fluent
import SQLKit

/// A named lock held by one instance of the whole cluster at a time (issue 17, ADR 0042): a
/// periodic job's tick runs once across instances (`withTryLock`), migrations at start wait their
/// turn (`withLock`).
///
/// PostgreSQL: a session-level advisory lock on a connection taken from the pool for the whole
/// body, released by `pg_advisory_unlock` or, when the instance dies, by PostgreSQL when the
/// connection closes: a crash never leaves a lock behind. The keys live in the two-integer key space
/// (namespace `keySpace`), apart from the audit chain's single-bigint lock 7513.
/// SQLite: only one instance runs on a file, so the lock is one of this process (per file and name).
enum ClusterLock {
    /// The first integer of every cluster lock's key.
    static let keySpace: Int32 = 17_042

    /// Runs `body` when nobody else holds `name`, and returns its result; nil at once when another
    /// holder has it.
    static func withTryLock<T: Sendable>(_ name: String, on db: any Database,
                                         _ body: @escaping @Sendable () async throws -> T) async throws -> T? {
        guard let sql = db as? any SQLDatabase else { return try await body() }
        if sql.dialect.name == "sqlite" {
            let key = try await localKey(name, on: sql)
            guard await LocalClusterLocks.shared.tryAcquire(key) else { return nil }
            return try await releasing(key, body)
        }
        return try await db.withConnection { conn -> T? in
            guard let sql = conn as? any SQLDatabase else { return try await body() }
            let row = try await sql.raw("SELECT pg_try_advisory_lock(\(bind: keySpace), \(bind: key(name))) AS acquired").first()
            guard try row?.decode(column: "acquired", as: Bool.self) == true else { return nil }
            return try await unlocking(name, on: sql, body)
        }
    }

    /// Runs `body` holding `name`, waiting for another holder to let go first.
    static func withLock<T: Sendable>(_ name: String, on db: any Database,
                                      _ body: @escaping @Sendable () async throws -> T) async throws -> T {
        guard let sql = db as? any SQLDatabase else { return try await body() }
        if sql.dialect.name == "sqlite" {
            let key = try await localKey(name, on: sql)
            await LocalClusterLocks.shared.acquire(key)
            return try await releasing(key, body)
        }
        return try await db.withConnection { conn -> T in
            guard let sql = conn as? any SQLDatabase else { return try await body() }
            try await sql.raw("SELECT pg_advisory_lock(\(bind: keySpace), \(bind: key(name)))").run()
            return try await unlocking(name, on: sql, body)
        }
    }

    /// The second integer of `name`'s key: FNV-1a, stable across processes and versions (unlike
    /// Swift's `hashValue`, which is seeded per process).
    static func key(_ name: String) -> Int32 {
        var hash: UInt32 = 2_166_136_261
        for byte in name.utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        return Int32(bitPattern: hash)
    }

    private static func unlocking<T: Sendable>(_ name: String, on sql: any SQLDatabase,
                                               _ body: @escaping @Sendable () async throws -> T) async throws -> T {
        let result: T
        do {
            result = try await body()
        } catch {
            try? await sql.raw("SELECT pg_advisory_unlock(\(bind: keySpace), \(bind: key(name)))").run()
            throw error
        }
        try await sql.raw("SELECT pg_advisory_unlock(\(bind: keySpace), \(bind: key(name)))").run()
        return result
    }

    private static func releasing<T: Sendable>(_ key: String, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
        do {
            let result = try await body()
            await LocalClusterLocks.shared.release(key)
            return result
        } catch {
            await LocalClusterLocks.shared.release(key)
            throw error
        }
    }

    /// SQLite: the lock's name within the main file's path, so two applications on two files (tests
    /// running side by side) never wait for each other.
    private static func localKey(_ name: String, on sql: any SQLDatabase) async throws -> String {
        let rows = try await sql.raw("PRAGMA database_list").all()
        let file = rows.first { (try? $0.decode(column: "name", as: String.self)) == "main" }
        return (try file?.decode(column: "file", as: String.self) ?? "") + "\u{1F}" + name
    }
}

/// The locks of this process by key, for SQLite: `tryAcquire` never waits, `acquire` waits in turn.
actor LocalClusterLocks {
    static let shared = LocalClusterLocks()
    private var held: Set<String> = []
    private var waiting: [String: [CheckedContinuation<Void, Never>]] = [:]

    func tryAcquire(_ key: String) -> Bool {
        held.insert(key).inserted
    }

    func acquire(_ key: String) async {
        if held.insert(key).inserted { return }
        await withCheckedContinuation { waiting[key, default: []].append($0) }
    }

    func release(_ key: String) {
        if var queue = waiting[key], !queue.isEmpty {
            // the lock passes straight to the next waiter: it stays held
            let next = queue.removeFirst()
            waiting[key] = queue.isEmpty ? nil : queue
            next.resume()
        } else {
            held.remove(key)
        }
    }
}
