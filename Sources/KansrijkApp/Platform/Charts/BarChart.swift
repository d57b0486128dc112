import Foundation

/// Horizontal bars with 95% interval whiskers and an optional reference line (the national
/// figure), as server-rendered SVG. A bar without a value (suppressed) shows its `note` as text,
/// never a length, so the picture cannot give away what the table hides.
struct BarChart: Sendable {
    struct Bar: Sendable, Equatable {
        var label: String
        var value: Double?
        var low: Double?
        var high: Double?
        /// Shown instead of a value, e.g. "< 10, niet getoond".
        var note: String?
        /// Drawn darker: the area the page is about.
        var highlighted = false
    }

    struct Reference: Sendable, Equatable {
        var label: String
        var value: Double
    }

    var title: String
    var description: String
    var bars: [Bar]
    var reference: Reference?
    var format: ChartFormat
    var labelHeading = "Gebied"
    var valueHeading = "Waarde"
    var intervalHeading = "95%-interval"

    /// viewBox width as for `TrendChart`; each bar has its label on a line of its own above it,
    /// so long group names fit a phone without shrinking the text.
    static let width = 400.0
    static let fontSize = ChartText.size(viewBoxWidth: width)
    static let barHeight = 14.0
    static let rowHeight = fontSize + barHeight + 16
    static let margin = (left: 6.0, right: 64.0)

    func render(id: String) -> RenderedChart { RenderedChart(svg: svg(id: id), table: table()) }

    func svg(id: String) -> String {
        let highest = (bars.compactMap { $0.high ?? $0.value } + [reference?.value ?? 0]).max() ?? 0
        let scale = ChartScale(upTo: highest, wholeNumbers: format.decimals == 0)
        let f = Self.fontSize
        let m = Self.margin, left = m.left
        let plotW = Self.width - left - m.right
        let top = f + 12
        let height = top + Double(bars.count) * Self.rowHeight + f + 10
        func x(_ v: Double) -> Double { left + plotW * scale.fraction(v) }
        let c = ChartFormat.coordinate
        let e = HTML.escape
        let size = " font-size=\"\(c(f))\""
        var out = "<svg class=\"chart bar-chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(c(Self.width)) \(c(height))\""
        out += " role=\"img\" aria-labelledby=\"\(e(id))-title \(e(id))-desc\">"
        out += "<title id=\"\(e(id))-title\">\(e(title))</title><desc id=\"\(e(id))-desc\">\(e(description))</desc>"
        let plotBottom = height - f - 10
        for t in scale.ticks {
            let anchor = t == scale.ticks.last ? "end" : (t == 0 ? "start" : "middle")
            out += "<line class=\"grid\" x1=\"\(c(x(t)))\" x2=\"\(c(x(t)))\" y1=\"\(c(top))\" y2=\"\(c(plotBottom))\"/>"
            out += "<text class=\"tick\" x=\"\(c(x(t)))\" y=\"\(c(height - 6))\" text-anchor=\"\(anchor)\"\(size)>\(e(scale.label(t, format: format)))</text>"
        }
        for (i, b) in bars.enumerated() {
            let rowTop = top + Double(i) * Self.rowHeight
            let barTop = rowTop + f + 6
            let mid = barTop + Self.barHeight / 2
            let name = ChartText.fit(b.label, width: Self.width - left, size: f)
            out += "<text class=\"bar-label\(b.highlighted ? " strong" : "")\" x=\"\(c(left))\" y=\"\(c(rowTop + f))\"\(size)>\(e(name))</text>"
            guard let v = b.value else {
                out += "<text class=\"bar-note\" x=\"\(c(left))\" y=\"\(c(mid + f * 0.35))\"\(size)>\(e(b.note ?? "–"))</text>"
                continue
            }
            out += "<rect class=\"bar\(b.highlighted ? " bar-highlight" : "")\" x=\"\(c(left))\" y=\"\(c(barTop))\" width=\"\(c(x(v) - left))\" height=\"\(c(Self.barHeight))\"/>"
            if let low = b.low, let high = b.high {
                out += "<path class=\"whisker\" d=\"M\(c(x(low))) \(c(mid))H\(c(x(high)))M\(c(x(low))) \(c(mid - 6))v12M\(c(x(high))) \(c(mid - 6))v12\"/>"
            }
            out += "<text class=\"bar-value\" x=\"\(c(x(max(v, b.high ?? v)) + 5))\" y=\"\(c(mid + f * 0.35))\"\(size)>\(e(format.value(v)))</text>"
        }
        if let r = reference {
            let rx = x(r.value)
            let label = r.label + " " + format.value(r.value)
            let anchor = rx + ChartText.width(label, size: f) / 2 > Self.width ? "end" : (rx - ChartText.width(label, size: f) / 2 < 0 ? "start" : "middle")
            out += "<line class=\"reference\" x1=\"\(c(rx))\" x2=\"\(c(rx))\" y1=\"\(c(top - 2))\" y2=\"\(c(plotBottom))\"/>"
            out += "<text class=\"legend\" x=\"\(c(rx))\" y=\"\(c(top - 6))\" text-anchor=\"\(anchor)\"\(size)>\(e(label))</text>"
        }
        return out + "</svg>"
    }

    func table() -> ChartTable {
        var rows = bars.map { b -> [String] in
            [b.label, b.value.map(format.value) ?? b.note ?? "–",
             b.low.flatMap { low in b.high.map { format.interval(low, $0) } } ?? ""]
        }
        if let r = reference { rows.append([r.label, format.value(r.value), ""]) }
        return ChartTable(caption: title, columns: [labelHeading, valueHeading, intervalHeading], rows: rows)
    }
}
