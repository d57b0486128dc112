import Fluent
import Foundation
import NIOConcurrencyHelpers
import SQLKit
import SQLiteKit
import KansrijkSQLiteConfig
import VaporCSQLite
import Vapor

/// Reads of the hot paths (session, signed-in user, access basis, worklists, the client page) on
/// SQLite, run on the calling thread with connections of their own (ADR 0020).
///
/// SQLiteNIO runs every statement on a thread pool: a request of five small queries handed work
/// between threads ten times, prepared every statement anew and decoded each value through an enum
/// and a `Decodable` container; together most of a care page's CPU. Here a query runs where the
/// request runs (a few hundred microseconds of work an event loop may do), each connection keeps its
/// prepared statements, and rows are decoded straight from SQLite's columns.
///
/// Only reads outside a transaction come here (`Database.readRows`): a read inside a transaction
/// must see that transaction's own writes, so it stays on the transaction's connection. The
/// connections are opened on the same file with the same SQLite library as Fluent's (SQLite's file
/// locks are per process and per library copy), refuse writes (`query_only`) and wait for a busy
/// database as Fluent's do. They are made on demand and kept: as many as requests ever read at the
/// same moment, which is the number of threads that run requests.
final class SQLiteReadPool: Sendable {
    let path: String
    private let idle = NIOLockedValueBox<[SQLiteReadConnection]>([])

    init(path: String) { self.path = path }

    /// Runs `sql` with `binds` (as SQLKit serialised them for SQLite) and calls `each` with every
    /// row; a row is valid only during its call.
    func read(_ sql: String, _ binds: [any Encodable & Sendable], _ each: (any SQLRow) throws -> Void) throws {
        let connection = try idle.withLockedValue { $0.popLast() } ?? SQLiteReadConnection(path: path)
        defer { idle.withLockedValue { $0.append(connection) } }
        try connection.read(sql, binds, each)
    }

    /// Runs `query`, serialised for SQLite with `sql`'s dialect (see `read(_:_:_:)`).
    func read(_ query: SQLQueryString, on sql: any SQLDatabase, _ each: (any SQLRow) throws -> Void) throws {
        var serializer = SQLSerializer(database: sql)
        query.serialize(to: &serializer)
        try read(serializer.sql, serializer.binds, each)
    }

    /// How often the idle connections' kept statements were prepared again (SQLite does so when a
    /// plan depended on a bound value; with the planner's stability guarantee on, never).
    func reprepares() -> Int {
        idle.withLockedValue { $0.reduce(0) { $0 + $1.reprepares() } }
    }

    /// How many prepared statements the idle connections keep.
    func statementCount() -> Int {
        idle.withLockedValue { $0.reduce(0) { $0 + $1.statementCount } }
    }

    /// Closes the idle connections (at shutdown).
    func close() {
        for connection in idle.withLockedValue({ pool in defer { pool.removeAll() }; return pool }) { connection.close() }
    }
}

extension Database {
    /// Runs a read-only `query` and calls `each` with every row: through `pool` when there is one and
    /// this is no transaction, otherwise on this database (PostgreSQL, or inside a transaction).
    func readRows(_ query: SQLQueryString, pool: SQLiteReadPool?, _ each: (any SQLRow) throws -> Void) async throws {
        guard let sql = self as? any SQLDatabase else { throw Abort(.internalServerError, reason: "this read needs an SQL database") }
        if let pool, !inTransaction {
            try pool.read(query, on: sql, each)
        } else {
            for row in try await sql.raw(query).all() { try each(row) }
        }
    }

    /// Every row of `query`, decoded by `decode` (see `readRows`).
    func readAll<T>(_ query: SQLQueryString, pool: SQLiteReadPool?, _ decode: (any SQLRow) throws -> T) async throws -> [T] {
        var rows: [T] = []
        try await readRows(query, pool: pool) { rows.append(try decode($0)) }
        return rows
    }

    /// The first row of `query`, decoded by `decode`, or nil (see `readRows`).
    func readFirst<T>(_ query: SQLQueryString, pool: SQLiteReadPool?, _ decode: (any SQLRow) throws -> T) async throws -> T? {
        var first: T?
        try await readRows(query, pool: pool) { row in if first == nil { first = try decode(row) } }
        return first
    }
}

extension Application {
    private struct SQLiteReadPoolKey: StorageKey { typealias Value = SQLiteReadPool }

    /// The read pool of the SQLite database (nil on PostgreSQL): see `SQLiteReadPool`.
    var sqliteReads: SQLiteReadPool? {
        get { storage[SQLiteReadPoolKey.self] }
        set { storage[SQLiteReadPoolKey.self] = newValue }
    }
}

extension Request {
    /// `Application.sqliteReads`, for the reads of a request.
    var sqliteReads: SQLiteReadPool? { application.sqliteReads }
}

/// Closes the read pool's connections when the application stops, and removes the database file
/// of a run "in memory".
struct SQLiteReadPoolLifecycle: LifecycleHandler {
    let pool: SQLiteReadPool
    /// The database files of a temporary database (the tests), removed at shutdown.
    let removesFiles: [String]

    func shutdown(_ application: Application) {
        pool.close()
        for path in removesFiles {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
    }
}

/// A failed statement of the read pool, with SQLite's message.
struct SQLiteReadError: Error, CustomStringConvertible {
    let code: Int32
    let message: String
    var description: String { "SQLite error \(code): \(message)" }
}

/// One read connection of the pool with its prepared statements. Used by one thread at a time: the
/// pool hands it out and takes it back.
final class SQLiteReadConnection: @unchecked Sendable {
    private var handle: OpaquePointer?
    /// Prepared statements by SQL text, with their column names; bounded, as a text may carry literals
    private var statements: [String: PreparedRead] = [:]
    private static let maxStatements = 64

    init(path: String) throws {
        var handle: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI
        let opened = sqlite_nio_sqlite3_open_v2(path, &handle, flags, nil)
        guard opened == SQLITE_OK, let handle else {
            let message = handle.map { String(cString: sqlite_nio_sqlite3_errmsg($0)) } ?? "cannot open"
            sqlite_nio_sqlite3_close(handle)
            throw SQLiteReadError(code: opened, message: message)
        }
        self.handle = handle
        // plans that do not depend on bound values: otherwise SQLite prepares a kept statement anew
        // whenever a value it looked at is bound again (every request)
        let qpsg = kansrijk_sqlite_enable_qpsg(UnsafeMutableRawPointer(handle))
        guard qpsg == SQLITE_OK else { defer { close() }; throw error(qpsg) }
        // as Fluent's connections, and never a write from here
        for pragma in SQLitePragmas.perConnection + ["PRAGMA query_only = 1"] {
            let rc = sqlite_nio_sqlite3_exec(handle, pragma, nil, nil, nil)
            guard rc == SQLITE_OK else { defer { close() }; throw error(rc) }
        }
    }

    deinit { close() }

    func close() {
        for statement in statements.values { sqlite_nio_sqlite3_finalize(statement.handle) }
        statements.removeAll()
        if let handle { sqlite_nio_sqlite3_close_v2(handle) }
        handle = nil
    }

    var statementCount: Int { statements.count }

    func reprepares() -> Int {
        statements.values.reduce(0) { $0 + Int(sqlite_nio_sqlite3_stmt_status($1.handle, SQLITE_STMTSTATUS_REPREPARE, 0)) }
    }

    func read(_ sql: String, _ binds: [any Encodable & Sendable], _ each: (any SQLRow) throws -> Void) throws {
        let statement = try prepared(sql)
        let stmt = statement.handle
        // every parameter is bound anew on each run, so the old values need no clearing
        defer { sqlite_nio_sqlite3_reset(stmt) }
        for (i, bind) in binds.enumerated() {
            let rc = try self.bind(sqliteEncoder.encode(bind), at: Int32(i + 1), to: stmt)
            guard rc == SQLITE_OK else { throw error(rc) }
        }
        while true {
            let rc = sqlite_nio_sqlite3_step(stmt)
            if rc == SQLITE_DONE { return }
            guard rc == SQLITE_ROW else { throw error(rc) }
            try each(SQLiteColumnsRow(statement: statement))
        }
    }

    private func prepared(_ sql: String) throws -> PreparedRead {
        if let statement = statements[sql] { return statement }
        var stmt: OpaquePointer?
        let rc = sqlite_nio_sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &stmt, nil)
        guard rc == SQLITE_OK, let stmt else { throw error(rc) }
        if statements.count >= Self.maxStatements {
            for old in statements.values { sqlite_nio_sqlite3_finalize(old.handle) }
            statements.removeAll()
        }
        let count = sqlite_nio_sqlite3_column_count(stmt)
        var columns: [String: Int32] = [:]
        var names: [String] = []
        for i in 0..<count {
            let name = String(cString: sqlite_nio_sqlite3_column_name(stmt, i))
            names.append(name)
            if columns[name] == nil { columns[name] = i }
        }
        let firstOfName = names.indices.map { columns[names[$0]] == Int32($0) }
        let statement = PreparedRead(handle: stmt, names: names, columns: columns, firstOfName: firstOfName)
        statements[sql] = statement
        return statement
    }

    private func bind(_ data: SQLiteData, at i: Int32, to stmt: OpaquePointer) -> Int32 {
        switch data {
        case .integer(let value): return sqlite_nio_sqlite3_bind_int64(stmt, i, Int64(value))
        case .float(let value): return sqlite_nio_sqlite3_bind_double(stmt, i, value)
        case .text(let value):
            var value = value
            return value.withUTF8 { sqlite_nio_sqlite3_bind_text64(stmt, i, $0.baseAddress, UInt64($0.count), sqliteTransient, UInt8(SQLITE_UTF8)) }
        case .blob(let buffer):
            return buffer.withUnsafeReadableBytes { sqlite_nio_sqlite3_bind_blob64(stmt, i, $0.baseAddress, UInt64($0.count), sqliteTransient) }
        case .null: return sqlite_nio_sqlite3_bind_null(stmt, i)
        }
    }

    private func error(_ code: Int32) -> SQLiteReadError {
        SQLiteReadError(code: code, message: handle.map { String(cString: sqlite_nio_sqlite3_errmsg($0)) } ?? "closed")
    }
}

/// SQLiteKit's conversions, made once: each makes a JSON coder, which a read should not pay for.
private let sqliteEncoder = SQLiteDataEncoder()
private let sqliteDecoder = SQLiteDataDecoder()

/// SQLite's "copy this value now" destructor (the C macro does not reach Swift).
private let sqliteTransient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

/// The column types `SQLiteColumnsRow` reads without a decoder, by the identity of their metatype.
private enum ColumnKind {
    case string, optionalString, uuid, optionalUUID, date, optionalDate, int, optionalInt, bool, optionalBool

    static let known: [ObjectIdentifier: ColumnKind] = [
        ObjectIdentifier(String.self): .string, ObjectIdentifier(String?.self): .optionalString,
        ObjectIdentifier(UUID.self): .uuid, ObjectIdentifier(UUID?.self): .optionalUUID,
        ObjectIdentifier(Date.self): .date, ObjectIdentifier(Date?.self): .optionalDate,
        ObjectIdentifier(Int.self): .int, ObjectIdentifier(Int?.self): .optionalInt,
        ObjectIdentifier(Bool.self): .bool, ObjectIdentifier(Bool?.self): .optionalBool,
    ]
}

/// A prepared statement with its columns' names and the index of each name.
struct PreparedRead {
    let handle: OpaquePointer
    let names: [String]
    let columns: [String: Int32]
    /// Whether each column is the first of its name (the one `columns` gives for the name).
    let firstOfName: [Bool]
    /// The column after the one asked for last: rows are mostly decoded in the order of the select
    /// list, so comparing one name usually finds the column without hashing it.
    let next = NextColumn()
}

/// See `PreparedRead.next`; used by the one thread that holds the statement's connection.
final class NextColumn: @unchecked Sendable {
    var index = 0
}

/// The current row of a statement, decoded straight from SQLite's columns with SQLiteNIO's
/// conversions (a `Date` from seconds since 1970 rounded to microseconds, a `UUID` from its text);
/// types without a shortcut go through SQLiteKit's decoder, so every type decodes as through Fluent.
struct SQLiteColumnsRow: SQLRow, @unchecked Sendable {
    let statement: PreparedRead

    var allColumns: [String] { statement.names }
    func contains(column: String) -> Bool { statement.columns[column] != nil }

    func decodeNil(column: String) throws -> Bool {
        sqlite_nio_sqlite3_column_type(statement.handle, try index(column)) == SQLITE_NULL
    }

    func decode<D: Decodable>(column: String, as type: D.Type) throws -> D {
        let i = try index(column)
        let stmt = statement.handle
        let isNull = sqlite_nio_sqlite3_column_type(stmt, i) == SQLITE_NULL
        if let value = try shortcut(D.self, i, isNull: isNull) { return value }
        if isNull, let none = (Optional<Any>.none as Any) as? D { return none }
        return try sqliteDecoder.decode(D.self, from: data(i))
    }

    /// The common column types without a decoder; nil when `D` has no shortcut or the value is not
    /// in the usual form (the decoder then decides). `D` is compared by identity with the types
    /// known here (no dynamic casts: a row is decoded through the `SQLRow` existential, where `D`
    /// is not specialised), and the value is handed back as what `D` is then known to be.
    private func shortcut<D>(_ type: D.Type, _ i: Int32, isNull: Bool) throws -> D? {
        let stmt = statement.handle
        let id = ObjectIdentifier(type)
        let kind = ColumnKind.known[id]
        switch kind {
        case .string?:
            return isNull ? nil : unsafeBitCast(text(i), to: D.self)
        case .optionalString?:
            return unsafeBitCast(isNull ? String?.none : text(i), to: D.self)
        case .uuid?, .optionalUUID?:
            if isNull { return kind == .optionalUUID ? unsafeBitCast(UUID?.none, to: D.self) : nil }
            guard let uuid = uuid(i) else { return nil }
            return kind == .uuid ? unsafeBitCast(uuid, to: D.self) : unsafeBitCast(UUID?.some(uuid), to: D.self)
        case .date?, .optionalDate?:
            if isNull { return kind == .optionalDate ? unsafeBitCast(Date?.none, to: D.self) : nil }
            let stored = sqlite_nio_sqlite3_column_type(stmt, i)
            guard stored == SQLITE_FLOAT || stored == SQLITE_INTEGER else { return nil }
            let seconds = sqlite_nio_sqlite3_column_double(stmt, i) - Date.timeIntervalBetween1970AndReferenceDate
            let date = Date(timeIntervalSinceReferenceDate: (seconds * 1e6).rounded() / 1e6)
            return kind == .date ? unsafeBitCast(date, to: D.self) : unsafeBitCast(Date?.some(date), to: D.self)
        case .int?, .optionalInt?:
            if isNull { return kind == .optionalInt ? unsafeBitCast(Int?.none, to: D.self) : nil }
            guard sqlite_nio_sqlite3_column_type(stmt, i) == SQLITE_INTEGER else { return nil }
            let value = Int(sqlite_nio_sqlite3_column_int64(stmt, i))
            return kind == .int ? unsafeBitCast(value, to: D.self) : unsafeBitCast(Int?.some(value), to: D.self)
        case .bool?, .optionalBool?:
            if isNull { return kind == .optionalBool ? unsafeBitCast(Bool?.none, to: D.self) : nil }
            guard sqlite_nio_sqlite3_column_type(stmt, i) == SQLITE_INTEGER else { return nil }
            let value = sqlite_nio_sqlite3_column_int64(stmt, i) != 0
            return kind == .bool ? unsafeBitCast(value, to: D.self) : unsafeBitCast(Bool?.some(value), to: D.self)
        case nil:
            return nil
        }
    }

    private func index(_ column: String) throws -> Int32 {
        let next = statement.next
        let names = statement.names
        if next.index < names.count, statement.firstOfName[next.index], names[next.index] == column {
            next.index += 1
            return Int32(next.index - 1)
        }
        guard let i = statement.columns[column] else { throw SQLiteReadError(code: SQLITE_RANGE, message: "no column \(column)") }
        next.index = Int(i) + 1
        return i
    }

    private func text(_ i: Int32) -> String {
        let stmt = statement.handle
        guard let bytes = sqlite_nio_sqlite3_column_text(stmt, i) else { return "" }
        let count = Int(sqlite_nio_sqlite3_column_bytes(stmt, i))
        return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    }

    private func uuid(_ i: Int32) -> UUID? {
        let stmt = statement.handle
        guard sqlite_nio_sqlite3_column_type(stmt, i) == SQLITE_TEXT, let bytes = sqlite_nio_sqlite3_column_text(stmt, i) else { return nil }
        return UUID(hexText: UnsafeBufferPointer(start: bytes, count: Int(sqlite_nio_sqlite3_column_bytes(stmt, i))))
    }

    /// The column as SQLiteNIO would hand it to a decoder.
    private func data(_ i: Int32) -> SQLiteData {
        let stmt = statement.handle
        switch sqlite_nio_sqlite3_column_type(stmt, i) {
        case SQLITE_INTEGER: return .integer(Int(sqlite_nio_sqlite3_column_int64(stmt, i)))
        case SQLITE_FLOAT: return .float(sqlite_nio_sqlite3_column_double(stmt, i))
        case SQLITE_TEXT: return .text(text(i))
        case SQLITE_BLOB:
            let count = Int(sqlite_nio_sqlite3_column_bytes(stmt, i))
            var buffer = ByteBufferAllocator().buffer(capacity: count)
            if let bytes = sqlite_nio_sqlite3_column_blob(stmt, i) {
                buffer.writeBytes(UnsafeRawBufferPointer(start: bytes, count: count))
            }
            return .blob(buffer)
        default: return .null
        }
    }
}
