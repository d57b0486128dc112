import Fluent
import Foundation
import NIOConcurrencyHelpers
import SQLKit
import Vapor

/// Indicator tables computed once per snapshot of the counts: the counts change only on import,
/// so dashboards and maps read computed tables from memory (bench/dashboard.sh). The snapshot is
/// the number of stored counts and their sum; it is re-checked at most every `recheckInterval`
/// (always in tests), so an import from the command line shows within seconds. Import pages call
/// `invalidate()` to show theirs at once.
final class MonitoringSnapshot: Sendable {
    struct Stamp: Equatable, Sendable { var rows: Int; var total: Int }

    private struct State: Sendable {
        var stamp: Stamp?
        var checkedAt = Date.distantPast
        var areas: AreaDimension?
        /// Years with counts, per data element.
        var years: [String: Set<Int>] = [:]
        /// Children >= 24 weeks per current municipality in its latest year: the size of a municipality.
        var births: [String: Int] = [:]
        /// Today's municipalities by name, for the peer-group choice.
        var placesByName: [AreaDimension.Place] = []
        var tables: [String: IndicatorTable?] = [:]
        /// Counts per data element and year on today's boundaries, read once per snapshot.
        var counts: [String: [Int: CountCube]] = [:]
    }

    private let state = NIOLockedValueBox(State())
    /// Tables being computed: concurrent first requests for one table share one computation.
    private let tableFlights = NIOLockedValueBox([String: (id: UUID, task: Task<IndicatorTable?, any Error>)]())
    /// Raised whenever the state is dropped: a computation started before does not keep its table.
    private let generation = NIOLockedValueBox(0)
    private let tablesComputed = NIOLockedValueBox(0)
    private let refreshFlight = NIOLockedValueBox<Task<Void, any Error>?>(nil)
    let recheckInterval: TimeInterval
    /// Rendered anonymous pages; emptied with the snapshot.
    let pages: RenderedPages

    init(recheckInterval: TimeInterval, pageLifetime: TimeInterval) {
        self.recheckInterval = recheckInterval
        pages = RenderedPages(lifetime: pageLifetime)
    }

    func invalidate() {
        generation.withLockedValue { $0 += 1 }
        state.withLockedValue { $0 = State() }
        tableFlights.withLockedValue { $0.removeAll() }
        pages.removeAll()
    }

    /// How many indicator tables were computed since the start: a test hook.
    var tableComputations: Int { tablesComputed.withLockedValue { $0 } }

    /// The sum of all stored counts. Fluent's `sum` decodes PostgreSQL's NUMERIC result of SUM(bigint)
    /// as a failure, so the sum is cast back to an integer in SQL (the same statement on SQLite).
    static func countTotal(on db: any Database) async throws -> Int {
        guard let sql = db as? any SQLDatabase else { return 0 }
        let row = try await sql.raw("SELECT CAST(COALESCE(SUM(\(ident: "count")), 0) AS BIGINT) AS total FROM \(ident: MonitoringCount.schema)").first()
        return try row?.decode(column: "total", as: Int.self) ?? 0
    }

    /// Checks the stamp (when due) and reloads the area dimension and the years with data when it changed.
    func refresh(on db: any Database, now: Date = Date()) async throws {
        let due = state.withLockedValue { now.timeIntervalSince($0.checkedAt) >= recheckInterval || $0.areas == nil }
        guard due else { return }
        // one check at a time: concurrent first requests wait for it rather than each load the areas
        let task = refreshFlight.withLockedValue { f -> Task<Void, any Error> in
            if let running = f { return running }
            let task = Task<Void, any Error> { [self] in
                defer { refreshFlight.withLockedValue { $0 = nil } }
                try await check(on: db, now: now)
            }
            f = task
            return task
        }
        try await task.value
    }

    private func check(on db: any Database, now: Date) async throws {
        let stamp = Stamp(rows: try await MonitoringCount.query(on: db).count(), total: try await Self.countTotal(on: db))
        let unchanged = state.withLockedValue { s -> Bool in
            s.checkedAt = now
            return s.stamp == stamp && s.areas != nil
        }
        guard !unchanged else { return }
        let areas = try await AreaDimension.load(on: db)
        var years: [String: Set<Int>] = [:]
        for r in try await MonitoringCount.query(on: db).unique().field(\.$element).field(\.$period).all() {
            if case .year(let y)? = Period(r.period) { years[r.element, default: []].insert(y) }
        }
        var births: [String: Int] = [:]
        if let latest = years["kinderen_ge24"]?.max() {
            let rows = try await MonitoringCount.query(on: db).filter(\.$element == "kinderen_ge24")
                .filter(\.$period == String(latest)).filter(\.$breakdown == "").all()
            for r in rows { if let current = areas.currentCode(for: r.areaCode) { births[current, default: 0] += r.count } }
        }
        let byName = areas.places.sorted { $0.name < $1.name }
        let replaced = state.withLockedValue { s -> Bool in
            // another check installed these counts meanwhile: keep its tables
            if s.stamp == stamp, s.areas != nil { return false }
            generation.withLockedValue { $0 += 1 }
            s = State(stamp: stamp, checkedAt: now, areas: areas, years: years, births: births, placesByName: byName)
            return true
        }
        guard replaced else { return }
        tableFlights.withLockedValue { $0.removeAll() }
        pages.removeAll()
    }

    var areas: AreaDimension? { state.withLockedValue { $0.areas } }
    var births: [String: Int] { state.withLockedValue { $0.births } }
    var placesByName: [AreaDimension.Place] { state.withLockedValue { $0.placesByName } }

    /// Years in which every element of the indicator has counts, ascending.
    func years(of indicator: IndicatorDefinition) -> [Int] {
        guard indicator.periodKind == .year, let (n, d) = try? indicator.validated() else { return [] }
        let elements = n.elements + d.elements
        return state.withLockedValue { s in
            guard let first = elements.first else { return [] }
            return elements.dropFirst().reduce(s.years[first] ?? []) { $0.intersection(s.years[$1] ?? []) }.sorted()
        }
    }

    /// The table for a year (or the five years ending in it); nil when there is no data for it.
    /// Concurrent first requests for one table wait for one computation (single-flight).
    func table(_ indicator: IndicatorDefinition, year: Int, pooled: Bool, on db: any Database) async throws -> IndicatorTable? {
        let key = Self.key(indicator, year: year, pooled: pooled)
        if let cached = state.withLockedValue({ $0.tables[key] }) { return cached }
        let task = tableFlights.withLockedValue { flights -> Task<IndicatorTable?, any Error> in
            if let running = flights[key] { return running.task }
            let id = UUID()
            let started = generation.withLockedValue { $0 }
            // created inside the lock: the task cannot remove its entry before it is stored
            let task = Task<IndicatorTable?, any Error> { [self] in
                defer { tableFlights.withLockedValue { f in if f[key]?.id == id { f[key] = nil } } }
                tablesComputed.withLockedValue { $0 += 1 }
                let table = try await computeTable(indicator, year: year, pooled: pooled, on: db)
                if generation.withLockedValue({ $0 }) == started { state.withLockedValue { $0.tables[key] = table } }
                return table
            }
            flights[key] = (id, task)
            return task
        }
        return try await task.value
    }

    private func computeTable(_ indicator: IndicatorDefinition, year: Int, pooled: Bool, on db: any Database) async throws -> IndicatorTable? {
        guard let areas, let (n, d) = try? indicator.validated() else { return nil }
        let available = Set(years(of: indicator))
        let span = pooled ? Array(Pooling.span(endingIn: year).years) : [year]
        var table: IndicatorTable?
        if span.allSatisfy(available.contains) {
            let elements = n.elements + d.elements
            let counts = try await counts(of: elements, areas: areas, on: db)
            var cube = CountCube(placeCount: areas.places.count)
            for e in elements { for y in span { if let c = counts[e]?[y] { cube.add(c) } } }
            let label = pooled ? Pooling.label(Pooling.span(endingIn: year)) : String(year)
            table = try? IndicatorEngine(areas: areas).compute(indicator, cube: cube, periodLabel: label, pooled: pooled)
        }
        return table
    }

    private struct CountRow: Decodable {
        var element: String
        var area_code: String
        var period: String
        var breakdown: String
        var breakdown_value: String
        var count: Int
    }

    /// Yearly counts of the elements, read in one query for those not yet in memory.
    private func counts(of elements: [String], areas: AreaDimension, on db: any Database) async throws -> [String: [Int: CountCube]] {
        let missing = state.withLockedValue { s in elements.filter { s.counts[$0] == nil } }
        if !missing.isEmpty {
            var loaded: [String: [Int: CountCube]] = Dictionary(uniqueKeysWithValues: missing.map { ($0, [:]) })
            func add(_ element: String, _ areaCode: String, _ period: String, _ breakdown: String, _ value: String, _ n: Int) {
                guard case .year(let y)? = Period(period), let current = areas.currentCode(for: areaCode), let place = areas.index(of: current),
                      let cell = CellLayout.index(breakdown: breakdown, value: value) else { return }
                loaded[element]![y, default: CountCube(placeCount: areas.places.count)].add(element, place: place, cell: cell, n)
            }
            // SQLKit reads only the columns needed, far cheaper than whole Fluent models for 10^5 rows
            if let sql = db as? any SQLDatabase {
                let rows = try await sql.select().columns("element", "area_code", "period", "breakdown", "breakdown_value", "count")
                    .from(MonitoringCount.schema).where("element", .in, missing).all(decoding: CountRow.self)
                for r in rows { add(r.element, r.area_code, r.period, r.breakdown, r.breakdown_value, r.count) }
            } else {
                for r in try await MonitoringCount.query(on: db).filter(\.$element ~~ missing).all() {
                    add(r.element, r.areaCode, r.period, r.breakdown, r.breakdownValue, r.count)
                }
            }
            state.withLockedValue { s in for (k, v) in loaded { s.counts[k] = v } }
        }
        return state.withLockedValue { s in Dictionary(uniqueKeysWithValues: elements.map { ($0, s.counts[$0] ?? [:]) }) }
    }

    /// Everything that changes the result: a local indicator's definition may be edited.
    static func key(_ d: IndicatorDefinition, year: Int, pooled: Bool) -> String {
        [d.code, d.numerator, d.denominator, String(d.factor), d.unit.rawValue, d.breakdowns.joined(separator: ","), String(year), pooled ? "5" : "1"].joined(separator: "|")
    }
}

extension Application {
    private struct MonitoringSnapshotKey: StorageKey { typealias Value = MonitoringSnapshot }

    /// One per application (tests build many).
    var monitoringSnapshot: MonitoringSnapshot {
        if let s = storage[MonitoringSnapshotKey.self] { return s }
        let s = MonitoringSnapshot(recheckInterval: environment == .testing ? 0 : 5, pageLifetime: environment == .testing ? 0 : 60)
        storage[MonitoringSnapshotKey.self] = s
        return s
    }
}
