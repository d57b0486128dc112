import Foundation

/// Computes an indicator from a `CountCube`: evaluates numerator and denominator per municipality
/// and cell, adds them up the hierarchy, applies primary and complementary suppression across
/// breakdowns and areas together, then derives values, Wilson intervals and the comparison with NL.
struct IndicatorEngine: Sendable {
    let areas: AreaDimension
    private let aggregates: [(code: String, members: [Int])]

    init(areas: AreaDimension) {
        self.areas = areas
        aggregates = areas.aggregateAreas
    }

    enum Failure: Error, Equatable { case noData(missing: [String]) }

    func compute(_ indicator: IndicatorDefinition, cube: CountCube, periodLabel: String, pooled: Bool = false) throws -> IndicatorTable {
        let (numeratorExpr, denominatorExpr) = try indicator.validated()
        let needed = numeratorExpr.elements + denominatorExpr.elements
        let missing = needed.filter { !cube.has($0) }
        guard missing.isEmpty else { throw Failure.noData(missing: missing) }

        let places = areas.places.count, width = CellLayout.count
        let areaCount = places + aggregates.count
        var cells = [Suppression.Cell](repeating: .init(numerator: 0, denominator: 0), count: areaCount * width)
        for p in 0..<places {
            for c in 0..<width {
                let lookup: (String) -> Int? = { cube.count($0, place: p, cell: c) }
                cells[p * width + c] = .init(numerator: numeratorExpr.evaluate(lookup) ?? 0, denominator: denominatorExpr.evaluate(lookup) ?? 0)
            }
        }
        // constants in an expression (a count's denominator "1") must not be added up the hierarchy
        let denominatorIsConstant = denominatorExpr.elements.isEmpty
        for (k, area) in aggregates.enumerated() {
            let base = (places + k) * width
            for c in 0..<width {
                var sum = Suppression.Cell(numerator: 0, denominator: 0)
                for m in area.members { sum.numerator += cells[m * width + c].numerator; sum.denominator += cells[m * width + c].denominator }
                if denominatorIsConstant { sum.denominator = cells[c].denominator }
                cells[base + c] = sum
            }
        }

        // which breakdowns an area's data carries: its cells must add up to its total
        let breakdowns = indicator.breakdowns.compactMap(Breakdown.init(rawValue:))
        func carries(_ area: Int, _ b: Breakdown) -> Bool {
            let group = CellLayout.groups[b]!
            let total = cells[area * width]
            let n = group.reduce(0) { $0 + cells[area * width + $1].numerator }
            let d = group.reduce(0) { $0 + cells[area * width + $1].denominator }
            return n == total.numerator && (denominatorIsConstant || d == total.denominator) && d > 0
        }

        var groups: [[Int]] = []
        for area in 0..<areaCount {
            for b in breakdowns where carries(area, b) { groups.append(CellLayout.groups[b]!.map { area * width + $0 }) }
        }
        for (k, area) in aggregates.enumerated() {
            _ = k
            for c in 0..<width { groups.append(area.members.map { $0 * width + c }) }
        }
        let basis = Self.basis(of: indicator, constantDenominator: denominatorIsConstant)
        let reasons = Suppression.protect(cells, groups: groups, basis: basis)

        let national = places + aggregates.count - 1
        func figure(area: Int, cell c: Int, code: String) -> AreaFigure {
            let i = area * width + c
            let layout = CellLayout.cells[c]
            var f = AreaFigure(areaCode: code, breakdown: layout.breakdown, breakdownValue: layout.value)
            if let reason = reasons[i] { f.suppression = reason; return f }
            let cell = cells[i]
            f.numerator = cell.numerator
            f.denominator = cell.denominator
            guard cell.denominator > 0 else { return f }
            f.value = Double(cell.numerator) / Double(cell.denominator) * Double(indicator.factor)
            if basis == .proportion, let ci = WilsonInterval(successes: cell.numerator, trials: cell.denominator) {
                f.interval = ci.scaled(by: indicator.factor)
                let nl = cells[national * width + c]
                if area != national, reasons[national * width + c] == nil, let nlci = WilsonInterval(successes: nl.numerator, trials: nl.denominator) {
                    f.comparison = Comparison.compare(ci, with: nlci)
                }
            }
            return f
        }

        var figures: [String: [AreaFigure]] = [:]
        for area in 0..<areaCount {
            let code = area < places ? areas.places[area].code : aggregates[area - places].code
            var list = [figure(area: area, cell: CellLayout.total, code: code)]
            for b in breakdowns where carries(area, b) { list += CellLayout.groups[b]!.map { figure(area: area, cell: $0, code: code) } }
            figures[code] = list
        }
        return IndicatorTable(indicator: indicator, periodLabel: periodLabel, pooled: pooled, figures: figures)
    }

    static func basis(of indicator: IndicatorDefinition, constantDenominator: Bool) -> Suppression.Basis {
        switch indicator.unit {
        case .municipalities: .none
        case .persons: constantDenominator ? .count : (indicator.factor >= 100 ? .proportion : .average)
        case .events: constantDenominator ? .count : .average
        }
    }
}
