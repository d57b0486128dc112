import Fluent
import Foundation

/// Reads what an indicator needs from the database and runs the engine: the one entry point for
/// the API now and for dashboards, maps and reports later.
struct MonitoringQuery {
    let db: any Database

    /// Counts of the needed elements for one or more periods, added together (pooled years).
    func cube(elements: [String], periods: [Period], areas: AreaDimension) async throws -> CountCube {
        var cube = CountCube(placeCount: areas.places.count)
        let rows = try await MonitoringCount.query(on: db)
            .filter(\.$element ~~ elements)
            .filter(\.$period ~~ periods.map(\.description))
            .all()
        var perPeriod: [String: Set<String>] = [:]
        for r in rows {
            perPeriod[r.element, default: []].insert(r.period)
            guard let current = areas.currentCode(for: r.areaCode), let place = areas.index(of: current),
                  let cell = CellLayout.index(breakdown: r.breakdown, value: r.breakdownValue) else { continue }
            cube.add(r.element, place: place, cell: cell, r.count)
        }
        // a pooled figure must rest on every year its label names, so an element missing a year counts as absent
        var complete = CountCube(placeCount: areas.places.count)
        for name in elements where perPeriod[name]?.count == periods.count {
            for p in 0..<areas.places.count { for c in 0..<CellLayout.count { complete.add(name, place: p, cell: c, cube.count(name, place: p, cell: c) ?? 0) } }
        }
        return complete
    }

    /// The whole table of an indicator for a year, or its five-year pool ending in that year.
    func table(_ indicator: IndicatorDefinition, period: Period, pooled: Bool, areas: AreaDimension) async throws -> IndicatorTable {
        let (n, d) = try indicator.validated()
        let periods: [Period]
        let label: String
        if pooled {
            let span = Pooling.span(endingIn: period.year)
            periods = span.years.map { .year($0) }
            label = Pooling.label(span)
        } else {
            periods = [period]
            label = period.description
        }
        let cube = try await cube(elements: n.elements + d.elements, periods: periods, areas: areas)
        return try IndicatorEngine(areas: areas).compute(indicator, cube: cube, periodLabel: label, pooled: pooled)
    }
}
