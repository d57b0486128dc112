import FluentSQLiteDriver
import Foundation

/// Writes aggregate counts: replaces the given cells (`ReplacedCells`) in one transaction, so an
/// import is all-or-nothing and a re-import does not double count.
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

    static let birthsSource = "perined"

    /// Replaces the given elements in every area of the given periods.
    static func replace(elements: [String], periods: [String], with rows: [Row], source: String, on db: any Database) async throws {
        try await replace(ReplacedCells(elements: elements, periods: periods), with: rows, source: source, on: db)
    }

    /// Replaces `cells` with `rows`; returns per period how many rows were removed. `beforeCommit`
    /// gets that number inside the transaction, after the writes, so what it prints is what commits.
    /// Rows in the order of the unique index (element, area, period, breakdown, value) write fastest;
    /// `rows(of:)` makes them in that order, small imports need not care.
    @discardableResult
    static func replace(_ cells: ReplacedCells, with rows: [Row], source: String, on db: any Database,
                        beforeCommit: @escaping @Sendable ([String: Int]) async throws -> Void = { _ in }) async throws -> [String: Int] {
        // only SQLite is tuned, and its pragmas must be set on the connection that writes; on
        // PostgreSQL a transaction opened inside `withConnection` did not roll back the delete
        // (CountStorageTests), so it writes through the database as every other room does
        guard (db as? any SQLDatabase)?.dialect.name == "sqlite" else {
            return try await write(cells, rows: rows, source: source, on: db, beforeCommit: beforeCommit)
        }
        return try await db.withConnection { conn in
            let tuning = try await BulkWriteTuning.apply(on: conn)
            do {
                let removed = try await write(cells, rows: rows, source: source, on: conn, beforeCommit: beforeCommit)
                try await tuning?.restore(on: conn)
                return removed
            } catch {
                // the write failed: report that error, not a failure to reset the settings
                try? await tuning?.restore(on: conn)
                throw error
            }
        }
    }

    private static func write(_ cells: ReplacedCells, rows: [Row], source: String, on db: any Database,
                              beforeCommit: @escaping @Sendable ([String: Int]) async throws -> Void) async throws -> [String: Int] {
        try await db.writeTransaction { tx in
            let removed = try await cells.delete(on: tx)
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
            // dashboards of every instance show the new figures (ADR 0040)
            try await ClusterChanges.bump(.monitoring, on: tx)
            try await beforeCommit(removed)
            return removed
        }
    }

    /// The rows of a births aggregate, in the order of the unique index.
    static func rows(of aggregate: BirthAggregate) -> [Row] {
        aggregate.rowsInIndexOrder().map { r in
            Row(element: r.element, areaCode: r.code, period: String(r.year), year: r.year, breakdown: r.cell.breakdown, breakdownValue: r.cell.value, count: r.count)
        }
    }

    /// Stores a births aggregate replacing every area of its years: for the synthetic national
    /// extract of the demo and the benchmarks. A delivered file goes through `BirthCountWriter`,
    /// which replaces only the municipalities it has (issue 13).
    static func store(_ aggregate: BirthAggregate, on db: any Database) async throws -> Int {
        let rows = Self.rows(of: aggregate)
        try await replace(elements: DataElement.births.map(\.name), periods: aggregate.years.map(String.init), with: rows, source: birthsSource, on: db)
        return rows.count
    }
}
