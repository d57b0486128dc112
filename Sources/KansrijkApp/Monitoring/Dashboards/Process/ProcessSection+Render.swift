import Foundation

extension ProcessSection {
    /// A table as a chart with its data table: lines over the quarters (server-rendered SVG) and
    /// the same numbers as a table, hidden cells written as words and never drawn.
    func chart(_ table: Table, format: ChartFormat) -> DashboardPage.ProcessChart {
        let title = text("monitor.process.\(table.key)")
        let trend = TrendChart(
            title: title, description: text("monitor.process.\(table.key).desc"), periods: periodLabels,
            series: table.series.enumerated().map { i, name in
                TrendChart.Series(name: name, style: [.main, .reference, .peer][i % 3],
                                  points: table.cells[i].map { cell in
                                      if case .count(let v) = cell { TrendChart.Point(value: v) } else { TrendChart.Point(note: note(cell)) }
                                  })
            },
            format: ChartFormat(decimals: table.decimals, decimalMark: format.decimalMark, unit: ""))
        let number = ChartFormat(decimals: table.decimals, decimalMark: format.decimalMark, unit: "")
        let rows = periodLabels.indices.map { q in
            [periodLabels[q]] + table.cells.map { row in if case .count(let v) = row[q] { number.value(v) } else { note(row[q]) ?? "" } }
        }
        let data = ChartTable(caption: title, columns: [text("monitor.process.period")] + table.series, rows: rows)
        // the chart's own table has an interval column these counts do not have, so the table is made here
        return DashboardPage.ProcessChart(id: "proces-\(table.key)", title: title, description: text("monitor.process.\(table.key).desc"),
                                          chart: RenderedChart(svg: trend.svg(id: "proces-\(table.key)-chart"), table: data))
    }

    /// The section's download rows: chart, quarter, series, count (or why it is hidden).
    func csvRows(format: ChartFormat) -> (header: [String], rows: [[String]]) {
        let header = [text("monitor.csv.figure"), text("monitor.process.period"), text("monitor.csv.series"), text("monitor.csv.value")]
        var rows: [[String]] = []
        for table in tables() {
            let number = ChartFormat(decimals: table.decimals, decimalMark: format.decimalMark, unit: "")
            for (s, name) in table.series.enumerated() {
                for (q, label) in periodLabels.enumerated() {
                    let cell = table.cells[s][q]
                    let value: String = if case .count(let v) = cell { number.number(v) } else { note(cell) ?? "" }
                    rows.append([text("monitor.process.\(table.key)"), label, name, value])
                }
            }
        }
        return (header, rows)
    }
}
