import Fluent
import Foundation

extension ReportBuilder {
    /// The yearly indicators for the area: the latest year with data up to the report's year, a trend
    /// over up to five years beside the Netherlands, and for a regional coalition each municipality.
    func addIndicators(scope: ReportScope, year: Int, areas: AreaDimension, to doc: inout ReportDocument) async throws {
        try await snapshot.refresh(on: db)
        let definitions = try await Indicator.definitions(on: db, english: english).filter { d in
            d.periodKind == .year && d.group != "proces" && (scope.isCountry || d.unit != .municipalities)
        }
        let members = scope.municipalities
        for d in definitions {
            let years = snapshot.years(of: d).filter { $0 <= year }.suffix(Self.trendYears)
            guard let latest = years.last, let table = try await snapshot.table(d, year: latest, pooled: false, on: db),
                  let figure = ReportAreaFigure.of(table, members: members) else {
                doc.withoutData.append(d.name)
                continue
            }
            let format = ChartFormat.dutch(decimals: 1, unit: d.factor == 100 ? "%" : "")
            let nl = table.total(AreaLevel.netherlands)
            var item = ReportDocument.IndicatorFigure(
                code: d.code, name: d.name, description: d.description, year: String(latest),
                value: figure.suppressed ? t("report.suppressed") : (figure.value.map(format.value) ?? t("report.nodata")),
                interval: figure.interval.map { format.interval($0.low, $0.high) } ?? "",
                national: scope.isCountry ? "" : (nl?.value.map(format.value) ?? t("report.suppressed")),
                comparison: scope.isCountry ? "" : (figure.comparison.map { t("report.comparison.\($0.rawValue)") } ?? ""),
                suppressed: figure.suppressed, members: [], chart: nil)
            if members.count > 1 {
                item.members = members.map { code in
                    let f = table.total(code)
                    let suppressed = f?.suppression != nil
                    return .init(name: areas.name(of: code) ?? code,
                                 value: suppressed ? t("report.suppressed") : (f?.value.map(format.value) ?? t("report.nodata")),
                                 interval: suppressed ? "" : (f?.interval.map { format.interval($0.low, $0.high) } ?? ""))
                }
            }
            item.chart = try await trend(d, years: Array(years), scope: scope, format: format)
            doc.indicators.append(item)
        }
    }

    /// The trend chart: the area with its 95% band, and the Netherlands as reference.
    private func trend(_ d: IndicatorDefinition, years: [Int], scope: ReportScope, format: ChartFormat) async throws -> RenderedChart? {
        guard years.count >= 1 else { return nil }
        var area: [TrendChart.Point] = [], national: [TrendChart.Point] = []
        for y in years {
            guard let table = try await snapshot.table(d, year: y, pooled: false, on: db) else {
                area.append(.init(note: t("report.nodata"))); national.append(.init(note: t("report.nodata"))); continue
            }
            if let f = ReportAreaFigure.of(table, members: scope.municipalities), !f.suppressed, let v = f.value {
                area.append(.init(value: v, low: f.interval?.low, high: f.interval?.high))
            } else {
                area.append(.init(note: t("report.suppressed")))
            }
            let nl = table.total(AreaLevel.netherlands)
            national.append(nl?.value.map { .init(value: $0) } ?? .init(note: t("report.suppressed")))
        }
        var series = [TrendChart.Series(name: scope.name, style: .main, points: area)]
        if !scope.isCountry { series.append(.init(name: "Nederland", style: .reference, points: national)) }
        let chart = TrendChart(title: "\(d.name), \(scope.name)", description: d.description, periods: years.map(String.init),
                               series: series, format: format, periodHeading: t("report.year"), intervalHeading: t("report.interval"))
        return chart.render(id: "trend-\(d.code)")
    }

    /// The generated opening of the summary: where the coalition stands and what the figures say.
    func summary(_ doc: ReportDocument, scope: ReportScope, year: Int) -> [String] {
        var lines: [String] = []
        if scope.isCountry {
            lines.append(String(format: t("report.summary.country"), year))
        } else {
            let partners = doc.circles.reduce(0) { $0 + $1.partners.count }
            lines.append(String(format: t("report.summary.coalition"), partners) + " \(doc.municipalities.joined(separator: ", ")).")
            if let stage = doc.stage { lines.append("\(t("report.summary.stage")) \(stage).") }
            lines.append(String(format: t("report.summary.ambitions"), doc.ambitions.count, doc.stories.count))
        }
        if let big2 = doc.indicators.first(where: { $0.code == "big2" }) {
            var line = "Big2 (\(big2.year)): \(big2.value)"
            if !big2.national.isEmpty { line += "; Nederland \(big2.national)" }
            if !big2.comparison.isEmpty { line += "; \(big2.comparison)" }
            lines.append(line + ".")
        }
        return lines
    }
}
