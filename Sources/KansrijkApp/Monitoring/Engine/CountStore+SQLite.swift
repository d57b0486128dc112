import FluentSQLiteDriver
import Foundation

/// The SQLite write path for large imports. `perf` on the births import (bench/README.md,
/// Monitoring) showed a third of the storing time in SQLKit serialising ~3 million binds and in
/// `SQLiteDataEncoder` casting each one through `Encodable`. Here the binds are made as
/// `SQLiteData` and handed to SQLiteNIO with one fixed multi-row INSERT text, and the next
/// statement's binds are made while SQLite runs the previous one on its thread pool.
extension CountStore {
    static func insert(_ rows: [Row], source: String, into db: any SQLiteDatabase) async throws {
        var ids = TimeOrderedUUIDs()
        let sourceText = SQLiteData.text(source)
        let fullStatement = insertSQL(rows: rowsPerStatement)
        var pending: EventLoopFuture<Void>?
        for start in stride(from: 0, to: rows.count, by: rowsPerStatement) {
            let chunk = rows[start..<min(start + rowsPerStatement, rows.count)]
            var binds: [SQLiteData] = []
            binds.reserveCapacity(chunk.count * columns.count)
            for r in chunk {
                binds.append(.text(ids.next().upperHexString))
                binds.append(.text(r.element))
                binds.append(.text(r.areaCode))
                binds.append(.text(r.period))
                binds.append(.integer(r.year))
                binds.append(.text(r.breakdown))
                binds.append(.text(r.breakdownValue))
                binds.append(.integer(r.count))
                binds.append(sourceText)
            }
            // one statement in flight at a time: wait for the previous one only now
            try await pending?.get()
            let sql = chunk.count == rowsPerStatement ? fullStatement : insertSQL(rows: chunk.count)
            pending = db.query(sql, binds, logger: db.logger) { _ in }
        }
        try await pending?.get()
    }

    /// `INSERT INTO "monitoring_counts" ("id", …) VALUES (?, …), …` for `rows` rows.
    static func insertSQL(rows: Int) -> String {
        let names = columns.map { "\"\($0)\"" }.joined(separator: ", ")
        let tuple = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
        return "INSERT INTO \"\(MonitoringCount.schema)\" (\(names)) VALUES " + Array(repeating: tuple, count: rows).joined(separator: ", ")
    }
}
