import Fluent

/// Stores the counts of a delivered births extract (`kansrijk import births`). Per year it replaces
/// only the municipalities in the file, so a file for Zeist leaves the rest of the country alone
/// (issue 13). `wholeYears` (`--replace-year`) replaces every area of the file's years instead: for
/// a complete national extract that must also drop municipalities it no longer lists.
enum BirthCountWriter {
    /// What an import changes in one year, shown before the commit.
    struct YearChange: Sendable, Equatable {
        var year: Int
        /// Municipalities (on today's boundaries) replaced; nil when the whole year is.
        var municipalities: Int?
        var removed: Int
        var added: Int
    }

    /// Writes in one transaction and returns the changes per year. `beforeCommit` gets them inside
    /// the transaction, after the writes; throwing there rolls everything back.
    @discardableResult
    static func store(_ aggregate: BirthAggregate, areas: AreaDimension, wholeYears: Bool, on db: any Database,
                      beforeCommit: @escaping @Sendable ([YearChange]) async throws -> Void = { _ in }) async throws -> [YearChange] {
        let cells = Self.cells(of: aggregate, areas: areas, wholeYears: wholeYears)
        let rows = CountStore.rows(of: aggregate)
        let added = Dictionary(grouping: rows, by: \.year).mapValues(\.count)
        let municipalities: [Int: Int]? = wholeYears ? nil : Dictionary(grouping: aggregate.slots, by: \.year)
            .mapValues { Set($0.map { areas.currentCode(for: $0.code) ?? $0.code }).count }
        @Sendable func changes(_ removed: [String: Int]) -> [YearChange] {
            aggregate.years.map { year in
                YearChange(year: year, municipalities: municipalities?[year], removed: removed[String(year)] ?? 0, added: added[year] ?? 0)
            }
        }
        let removed = try await CountStore.replace(cells, with: rows, source: CountStore.birthsSource, on: db) { removed in
            try await beforeCommit(changes(removed))
        }
        return changes(removed)
    }

    /// The cells the file replaces. A municipality is replaced under every code that maps onto it
    /// today, so a year delivered again on newer boundaries does not count a merged one twice.
    static func cells(of aggregate: BirthAggregate, areas: AreaDimension, wholeYears: Bool) -> ReplacedCells {
        let elements = DataElement.births.map(\.name)
        if wholeYears { return ReplacedCells(elements: elements, periods: aggregate.years.map(String.init)) }
        let codesToday = Dictionary(grouping: areas.places.map(\.code) + areas.merges.map(\.former)) { areas.currentCode(for: $0) ?? $0 }
        var byYear: [String: Set<String>] = [:]
        for slot in aggregate.slots {
            let today = areas.currentCode(for: slot.code) ?? slot.code
            byYear[String(slot.year), default: []].formUnion((codesToday[today] ?? []) + [slot.code])
        }
        return ReplacedCells(elements: elements, areasByPeriod: byYear)
    }

    /// One line per year, as the command prints it.
    static func summary(_ changes: [YearChange]) -> [String] {
        changes.map { c in
            let scope = c.municipalities.map { "\($0) \($0 == 1 ? "gemeente" : "gemeenten") uit het bestand" } ?? "alle gebieden (--replace-year)"
            return "\(c.year): \(scope) vervangen: \(c.removed) tellingen weg, \(c.added) erbij."
        }
    }
}
