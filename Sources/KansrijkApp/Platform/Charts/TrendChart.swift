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

    static let width = 560.0, height = 220.0
    static let margin = (left: 44.0, right: 12.0, top: 30.0, bottom: 26.0)

    func render(id: String) -> RenderedChart { RenderedChart(svg: svg(id: id), table: table()) }

    func svg(id: String) -> String {
        let highest = series.flatMap { $0.points.compactMap { $0.high ?? $0.value } }.max() ?? 0
        let scale = ChartScale(upTo: highest)
        let m = Self.margin
        let plotW = Self.width - m.left - m.right, plotH = Self.height - m.top - m.bottom
        func x(_ i: Int) -> Double { periods.count <= 1 ? m.left + plotW / 2 : m.left + plotW * Double(i) / Double(periods.count - 1) }
        func y(_ v: Double) -> Double { m.top + plotH * (1 - scale.fraction(v)) }
        let c = ChartFormat.coordinate
        let e = HTML.escape
        var out = "<svg class=\"chart trend-chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(c(Self.width)) \(c(Self.height))\""
        out += " role=\"img\" aria-labelledby=\"\(e(id))-title \(e(id))-desc\">"
        out += "<title id=\"\(e(id))-title\">\(e(title))</title><desc id=\"\(e(id))-desc\">\(e(description))</desc>"
        // axis and grid
        for t in scale.ticks {
            out += "<line class=\"grid\" x1=\"\(c(m.left))\" x2=\"\(c(Self.width - m.right))\" y1=\"\(c(y(t)))\" y2=\"\(c(y(t)))\"/>"
            out += "<text class=\"tick\" x=\"\(c(m.left - 6))\" y=\"\(c(y(t) + 4))\" text-anchor=\"end\">\(e(format.number(t)))</text>"
        }
        for (i, p) in periods.enumerated() {
            out += "<text class=\"tick\" x=\"\(c(x(i)))\" y=\"\(c(Self.height - 8))\" text-anchor=\"middle\">\(e(p))</text>"
        }
        // the band of the main series, one polygon per run of points with an interval
        if let main = series.first {
            for run in Self.runs(main.points.map { $0.low != nil && $0.high != nil }) {
                let upper = run.map { "\(c(x($0))) \(c(y(main.points[$0].high!)))" }
                let lower = run.reversed().map { "\(c(x($0))) \(c(y(main.points[$0].low!)))" }
                if run.count == 1, let i = run.first {
                    out += "<line class=\"band-whisker\" x1=\"\(c(x(i)))\" x2=\"\(c(x(i)))\" y1=\"\(c(y(main.points[i].low!)))\" y2=\"\(c(y(main.points[i].high!)))\"/>"
                } else {
                    out += "<path class=\"band\" d=\"M" + (upper + lower).joined(separator: "L") + "Z\"/>"
                }
            }
        }
        // lines and points, later series first so the main line is on top
        for s in series.reversed() {
            for run in Self.runs(s.points.map { $0.value != nil }) where run.count > 1 {
                out += "<polyline class=\"line line-\(s.style.rawValue)\" points=\"" + run.map { "\(c(x($0))),\(c(y(s.points[$0].value!)))" }.joined(separator: " ") + "\"/>"
            }
            for (i, p) in s.points.enumerated() {
                guard let v = p.value else { continue }
                out += "<circle class=\"dot dot-\(s.style.rawValue)\" cx=\"\(c(x(i)))\" cy=\"\(c(y(v)))\" r=\"\(s.style == .main ? 3.5 : 2.5)\"/>"
            }
        }
        // legend along the top
        var lx = m.left
        for s in series {
            out += "<line class=\"line line-\(s.style.rawValue)\" x1=\"\(c(lx))\" x2=\"\(c(lx + 18))\" y1=\"12\" y2=\"12\"/>"
            out += "<text class=\"legend\" x=\"\(c(lx + 22))\" y=\"16\">\(e(s.name))</text>"
            lx += 30 + Double(s.name.count) * 6.2
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
