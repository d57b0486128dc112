import Foundation

/// The map's GET form: indicator, year, level and period. Unknown values fall back to the default
/// (the first indicator with figures, its latest year, municipalities, five years for municipalities).
struct MapQuery: Sendable, Equatable {
    var indicator: IndicatorDefinition?
    var year: Int?
    var level: MapGeometry.Level
    var pooled: Bool
    var errors: [String]

    /// `yearsOf` gives the years with data of an indicator.
    static func parse(_ value: (String) -> String?, indicators: [IndicatorDefinition], yearsOf: (IndicatorDefinition) -> [Int]) -> MapQuery {
        var errors: [String] = []
        let withData = indicators.filter { !yearsOf($0).isEmpty }
        var indicator = withData.first
        if let code = value("indicator"), !code.isEmpty {
            if let found = withData.first(where: { $0.code == code }) { indicator = found } else { errors.append("monitor.map.error.indicator") }
        }
        let years = indicator.map(yearsOf) ?? []
        var year = years.last
        if let raw = value("jaar"), !raw.isEmpty {
            if let y = Int(raw), years.contains(y) { year = y } else { errors.append("monitor.map.error.year") }
        }
        var level = MapGeometry.Level.municipality
        if let raw = value("niveau"), !raw.isEmpty {
            if let l = MapGeometry.Level(rawValue: raw) { level = l } else { errors.append("monitor.map.error.level") }
        }
        let poolable = year.map { y in Pooling.span(endingIn: y).years.allSatisfy(years.contains) } ?? false
        // the RIVM's municipal maps pool five years; regions are large enough for one
        var pooled = level == .municipality && poolable
        if let raw = value("periode"), !raw.isEmpty {
            switch PoolingMode(rawValue: raw) {
            case .year?: pooled = false
            case .pooled?: if poolable { pooled = true } else { errors.append("monitor.map.error.pooled") }
            default: errors.append("monitor.error.mode")
            }
        }
        return MapQuery(indicator: indicator, year: year, level: level, pooled: pooled, errors: errors)
    }

    var queryString: String {
        var parts: [String] = []
        if let indicator { parts.append("indicator=\(indicator.code)") }
        if let year { parts.append("jaar=\(year)") }
        parts.append("niveau=\(level.rawValue)")
        parts.append("periode=\(pooled ? PoolingMode.pooled.rawValue : PoolingMode.year.rawValue)")
        return "?" + parts.joined(separator: "&")
    }
}
