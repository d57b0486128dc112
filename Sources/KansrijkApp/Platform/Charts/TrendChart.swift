import Foundation

/// A trend over periods as server-rendered SVG (ADR: no JavaScript for charts): the first series
/// is drawn with its 95% confidence band, the others (the Netherlands, a peer group) as lines.
/// A point without a value (suppressed or not yet measured) leaves a gap; its `note` says why in
/// the table. Nothing that a point does not carry can reach the SVG, so suppressed figures cannot leak.
struct TrendChart: Sendable {
    struct Point: Sendable, Equatable {
        var value: Double?
        var low: Double?
        var high: Double?
        /// Shown in the table instead of a value, e.g. "< 10, niet getoond".
        var note: String?

        init(value: Double? = nil, low: Double? = nil, high: Double? = nil, note: String? = nil) {
            self.value = value; self.low = low; self.high = high; self.note = note
        }
    }

    /// The series' role, named in its CSS class; its colour, dash and marker follow its position
    /// (`SeriesStyle.of`), so no two series of a chart look alike.
    enum Style: String, Sendable { case main, reference, peer }

    struct Series: Sendable {
        var name: String
        var style: Style
        /// One point per period label, in order.
        var points: [Point]
    }

    var title: String
    var description: String
    var periods: [String]
    var series: [Series]
    var format: ChartFormat
    /// Column headings of the table: period, and the words for the interval.
    var periodHeading = "Jaar"
    var intervalHeading = "95%-interval"

    /// viewBox size: about the width a dashboard card gives a chart, so text is not shrunk much.
    static let width = 400.0, plotHeight = 170.0
    static let fontSize = ChartText.size(viewBoxWidth: width)
    static let legendRow = fontSize + 7

    func render(id: String) -> RenderedChart { RenderedChart(svg: svg(id: id), table: table()) }

    /// Left margin: room for the widest tick label.
    var marginLeft: Double {
        let scale = self.scale
        let widest = scale.ticks.map { ChartText.width(scale.label($0, format: format), size: Self.fontSize) }.max() ?? 0
        return max(28, widest + 10)
    }

    var scale: ChartScale {
        let highest = series.flatMap { $0.points.compactMap { $0.high ?? $0.value } }.max() ?? 0
        return ChartScale(upTo: highest, wholeNumbers: format.decimals == 0)
    }

    /// Every k-th period is labelled (always the last) so labels do not run into each other.
    func labelledPeriods(plotWidth: Double) -> Set<Int> {
        guard !periods.isEmpty else { return [] }
        let widest = periods.map { ChartText.width($0, size: Self.fontSize) }.max() ?? 0
        let fits = max(1, Int(plotWidth / (widest + Self.fontSize)))
        let every = max(1, Int((Double(periods.count) / Double(fits)).rounded(.up)))
        let last = periods.count - 1
        return Set(stride(from: last, through: 0, by: -every))
    }

    func svg(id: String) -> String {
        let scale = self.scale
        let f = Self.fontSize
        let left = marginLeft, right = 16.0
        let top = Double(series.count) * Self.legendRow + 14
        let height = top + Self.plotHeight + f + 12
        let plotW = Self.width - left - right, plotH = Self.plotHeight
        func x(_ i: Int) -> Double { periods.count <= 1 ? left + plotW / 2 : left + plotW * Double(i) / Double(periods.count - 1) }
        func y(_ v: Double) -> Double { top + plotH * (1 - scale.fraction(v)) }
        let c = ChartFormat.coordinate
        let e = HTML.escape
        let size = " font-size=\"\(c(f))\""
        var out = "<svg class=\"chart trend-chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(c(Self.width)) \(c(height))\""
        out += " role=\"img\" aria-labelledby=\"\(e(id))-title \(e(id))-desc\">"
        out += "<title id=\"\(e(id))-title\">\(e(title))</title><desc id=\"\(e(id))-desc\">\(e(description))</desc>"
        // legend: one row per series, its line, marker and name
        for (k, s) in series.enumerated() {
            let style = SeriesStyle.of(k)
            let ly = 4 + Double(k) * Self.legendRow + Self.legendRow / 2
            out += "<line class=\"legend-key line-\(s.style.rawValue)\" x1=\"4\" x2=\"34\" y1=\"\(c(ly))\" y2=\"\(c(ly))\" stroke-width=\"2.5\" \(style.strokeAttributes)/>"
            out += style.markerSVG(x: 19, y: ly, r: 4.5, className: "legend-marker")
            out += "<text class=\"legend\" x=\"42\" y=\"\(c(ly + f * 0.35))\"\(size)>\(e(ChartText.fit(s.name, width: Self.width - 46, size: f)))</text>"
        }
        // axis and grid
        for t in scale.ticks {
            out += "<line class=\"grid\" x1=\"\(c(left))\" x2=\"\(c(Self.width - right))\" y1=\"\(c(y(t)))\" y2=\"\(c(y(t)))\"/>"
            out += "<text class=\"tick tick-y\" x=\"\(c(left - 6))\" y=\"\(c(y(t) + f * 0.35))\" text-anchor=\"end\"\(size)>\(e(scale.label(t, format: format)))</text>"
        }
        let shown = labelledPeriods(plotWidth: plotW)
        for (i, p) in periods.enumerated() where shown.contains(i) {
            let anchor = periods.count > 1 && i == periods.count - 1 ? "end" : (periods.count > 1 && i == 0 ? "start" : "middle")
            out += "<text class=\"tick tick-x\" x=\"\(c(x(i)))\" y=\"\(c(height - 8))\" text-anchor=\"\(anchor)\"\(size)>\(e(p))</text>"
        }
        // the band of the main series, one polygon per run of points with an interval
        if let main = series.first {
            for run in Self.runs(main.points.map { $0.low != nil && $0.high != nil }) {
                let band = run.compactMap { i in main.points[i].low.flatMap { low in main.points[i].high.map { (i, low, $0) } } }
                let upper = band.map { "\(c(x($0.0))) \(c(y($0.2)))" }
                let lower = band.reversed().map { "\(c(x($0.0))) \(c(y($0.1)))" }
                if band.count == 1, let (i, low, high) = band.first {
                    out += "<line class=\"band-whisker\" x1=\"\(c(x(i)))\" x2=\"\(c(x(i)))\" y1=\"\(c(y(low)))\" y2=\"\(c(y(high)))\"/>"
                } else {
                    out += "<path class=\"band\" d=\"M" + (upper + lower).joined(separator: "L") + "Z\"/>"
                }
            }
        }
        // lines and markers, later series first so the first (the area itself) is on top
        for (k, s) in series.enumerated().reversed() {
            let style = SeriesStyle.of(k)
            for run in Self.runs(s.points.map { $0.value != nil }) where run.count > 1 {
                let points = run.compactMap { i in s.points[i].value.map { "\(c(x(i))),\(c(y($0)))" } }
                out += "<polyline class=\"line line-\(s.style.rawValue)\" fill=\"none\" stroke-width=\"\(k == 0 ? "3" : "2.5")\" \(style.strokeAttributes) points=\"" + points.joined(separator: " ") + "\"/>"
            }
            for (i, p) in s.points.enumerated() {
                guard let v = p.value else { continue }
                out += style.markerSVG(x: x(i), y: y(v), r: k == 0 ? 4.5 : 4, className: "dot dot-\(s.style.rawValue)")
            }
        }
        return out + "</svg>"
    }

    /// One row per period; per series its value and (for the main series) its interval.
    func table() -> ChartTable {
        var columns = [periodHeading]
        for (k, s) in series.enumerated() {
            columns.append(s.name)
            if k == 0 { columns.append(intervalHeading) }
        }
        let rows = periods.indices.map { i -> [String] in
            var row = [periods[i]]
            for (k, s) in series.enumerated() {
                let p = i < s.points.count ? s.points[i] : Point()
                row.append(p.value.map(format.value) ?? p.note ?? "–")
                if k == 0 { row.append(p.low.flatMap { low in p.high.map { format.interval(low, $0) } } ?? "") }
            }
            return row
        }
        return ChartTable(caption: title, columns: columns, rows: rows)
    }

    /// Index runs where `present` is true: [t, t, f, t] -> [[0, 1], [3]].
    static func runs(_ present: [Bool]) -> [[Int]] {
        var result: [[Int]] = [], current: [Int] = []
        for (i, p) in present.enumerated() {
            if p { current.append(i) } else if !current.isEmpty { result.append(current); current = [] }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }
}
