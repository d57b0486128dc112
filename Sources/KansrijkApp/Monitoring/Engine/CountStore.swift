import FluentSQLiteDriver
import Foundation

/// Writes aggregate counts: replaces the given elements for the given periods in one transaction,
/// so an import is all-or-nothing and a re-import does not double count.
enum CountStore {
    struct Row: Sendable {
        var element: String
        var areaCode: String
        var period: String
        var year: Int
        var breakdown: String
        var breakdownValue: String
        var count: Int
    }

    static let columns = ["id", "element", "area_code", "period", "year", "breakdown", "breakdown_value", "count", "source"]

    /// Rows per INSERT: 9 binds each stays under SQLite's 32,766 and PostgreSQL's 65,535 bind limits.
    static let rowsPerStatement = 2_000

    /// Rows in the order of the unique index (element, area, period, breakdown, value) write fastest;
    /// `store(_ aggregate:)` makes them in that order, small imports need not care.
    static func replace(elements: [String], periods: [String], with rows: [Row], source: String, on db: any Database) async throws {
        // only SQLite is tuned, and its pragmas must be set on the connection that writes; on
        // PostgreSQL a transaction opened inside `withConnection` did not roll back the delete
        // (CountStorageTests), so it writes through the database as every other room does
        guard (db as? any SQLDatabase)?.dialect.name == "sqlite" else {
            return try await write(elements: elements, periods: periods, rows: rows, source: source, on: db)
        }
        try await db.withConnection { conn in
            let tuning = try await BulkWriteTuning.apply(on: conn)
            do {
                try await write(elements: elements, periods: periods, rows: rows, source: source, on: conn)
                try await tuning?.restore(on: conn)
            } catch {
                // the write failed: report that error, not a failure to reset the settings
                try? await tuning?.restore(on: conn)
                throw error
            }
        }
    }

    private static func write(elements: [String], periods: [String], rows: [Row], source: String, on db: any Database) async throws {
        try await db.writeTransaction { tx in
            try await MonitoringCount.query(on: tx).filter(\.$element ~~ elements).filter(\.$period ~~ periods).delete()
            // hundreds of thousands of rows: multi-row INSERTs skip Fluent's per-model work, and on
            // SQLite the binds go straight to SQLiteNIO (CountStore+SQLite.swift)
            if let sqlite = tx as? any SQLiteDatabase {
                try await insert(rows, source: source, into: sqlite)
            } else if let sql = tx as? any SQLDatabase {
                var ids = TimeOrderedUUIDs()
                for start in stride(from: 0, to: rows.count, by: rowsPerStatement) {
                    var insert = sql.insert(into: MonitoringCount.schema).columns(columns)
                    for r in rows[start..<min(start + rowsPerStatement, rows.count)] {
                        insert = insert.values([ids.next(), r.element, r.areaCode, r.period, r.year, r.breakdown, r.breakdownValue, r.count, source] as [any Encodable & Sendable])
                    }
                    try await insert.run()
                }
            } else {
                for chunk in rows.chunked(500) {
                    try await chunk.map { r in
                        let m = MonitoringCount()
                        m.element = r.element; m.areaCode = r.areaCode; m.period = r.period; m.year = r.year
                        m.breakdown = r.breakdown; m.breakdownValue = r.breakdownValue; m.count = r.count; m.source = source
                        return m
                    }.create(on: tx)
                }
            }
        }
    }

    /// Stores a births aggregate (source `perined`), replacing those years.
    static func store(_ aggregate: BirthAggregate, on db: any Database) async throws -> Int {
        let rows = aggregate.rowsInIndexOrder().map { r in
            Row(element: r.element, areaCode: r.code, period: String(r.year), year: r.year, breakdown: r.cell.breakdown, breakdownValue: r.cell.value, count: r.count)
        }
        try await replace(elements: DataElement.births.map(\.name), periods: aggregate.years.map(String.init), with: rows, source: "perined", on: db)
        return rows.count
    }
}
