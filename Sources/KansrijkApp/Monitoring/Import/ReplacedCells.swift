import Fluent

/// The stored counts an import replaces: some data elements and, per period, either every area or
/// only the areas the file brings. Imports name their areas; only an explicit choice replaces a
/// whole period (issue 13: 200 rows for Zeist 2023 replaced the whole country's 2023, so 32,412
/// counts became 58).
struct ReplacedCells: Sendable {
    enum Areas: Sendable, Equatable {
        case all
        case only(Set<String>)
    }

    var elements: [String]
    var periods: [String: Areas]

    /// Every area of these periods.
    init(elements: [String], periods: [String]) {
        self.elements = elements
        self.periods = Dictionary(periods.map { ($0, Areas.all) }, uniquingKeysWith: { a, _ in a })
    }

    /// Only these areas, per period.
    init(elements: [String], areasByPeriod: [String: Set<String>]) {
        self.elements = elements
        self.periods = areasByPeriod.mapValues { Areas.only($0) }
    }

    /// Deletes the cells and returns per period how many rows went. Call it inside the import's
    /// transaction, so the numbers are what the commit removes.
    @discardableResult
    func delete(on db: any Database) async throws -> [String: Int] {
        var removed: [String: Int] = [:]
        for (period, areas) in periods.sorted(by: { $0.key < $1.key }) {
            if case .only(let codes) = areas, codes.isEmpty { removed[period] = 0; continue }
            func matching() -> QueryBuilder<MonitoringCount> {
                let query = MonitoringCount.query(on: db).filter(\.$element ~~ elements).filter(\.$period == period)
                if case .only(let codes) = areas { query.filter(\.$areaCode ~~ codes.sorted()) }
                return query
            }
            removed[period] = try await matching().count()
            try await matching().delete()
        }
        return removed
    }
}
