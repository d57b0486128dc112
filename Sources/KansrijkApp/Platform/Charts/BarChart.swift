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

    static let width = 560.0
    static let rowHeight = 24.0
    static let labelWidth = 170.0
    static let margin = (top: 24.0, right: 60.0, bottom: 22.0)

    func render(id: String) -> RenderedChart { RenderedChart(svg: svg(id: id), table: table()) }

    func svg(id: String) -> String {
        let highest = (bars.compactMap { $0.high ?? $0.value } + [reference?.value ?? 0]).max() ?? 0
        let scale = ChartScale(upTo: highest)
        let m = Self.margin, left = Self.labelWidth
        let plotW = Self.width - left - m.right
        let height = m.top + Double(bars.count) * Self.rowHeight + m.bottom
        func x(_ v: Double) -> Double { left + plotW * scale.fraction(v) }
        let c = ChartFormat.coordinate
        let e = HTML.escape
        var out = "<svg class=\"chart bar-chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(c(Self.width)) \(c(height))\""
        out += " role=\"img\" aria-labelledby=\"\(e(id))-title \(e(id))-desc\">"
        out += "<title id=\"\(e(id))-title\">\(e(title))</title><desc id=\"\(e(id))-desc\">\(e(description))</desc>"
        for t in scale.ticks {
            out += "<line class=\"grid\" x1=\"\(c(x(t)))\" x2=\"\(c(x(t)))\" y1=\"\(c(m.top - 4))\" y2=\"\(c(height - m.bottom))\"/>"
            out += "<text class=\"tick\" x=\"\(c(x(t)))\" y=\"\(c(height - 6))\" text-anchor=\"middle\">\(e(format.number(t)))</text>"
        }
        for (i, b) in bars.enumerated() {
            let top = m.top + Double(i) * Self.rowHeight
            let mid = top + Self.rowHeight / 2
            let name = b.label.count > 26 ? String(b.label.prefix(25)) + "…" : b.label
            out += "<text class=\"bar-label\(b.highlighted ? " strong" : "")\" x=\"\(c(left - 6))\" y=\"\(c(mid + 4))\" text-anchor=\"end\">\(e(name))</text>"
            guard let v = b.value else {
                out += "<text class=\"bar-note\" x=\"\(c(left + 4))\" y=\"\(c(mid + 4))\">\(e(b.note ?? "–"))</text>"
                continue
            }
            out += "<rect class=\"bar\(b.highlighted ? " bar-highlight" : "")\" x=\"\(c(left))\" y=\"\(c(top + 5))\" width=\"\(c(x(v) - left))\" height=\"\(c(Self.rowHeight - 10))\"/>"
            if let low = b.low, let high = b.high {
                out += "<path class=\"whisker\" d=\"M\(c(x(low))) \(c(mid))H\(c(x(high)))M\(c(x(low))) \(c(mid - 5))v10M\(c(x(high))) \(c(mid - 5))v10\"/>"
            }
            out += "<text class=\"bar-value\" x=\"\(c(x(max(v, b.high ?? v)) + 5))\" y=\"\(c(mid + 4))\">\(e(format.value(v)))</text>"
        }
        if let r = reference {
            out += "<line class=\"reference\" x1=\"\(c(x(r.value)))\" x2=\"\(c(x(r.value)))\" y1=\"\(c(m.top - 6))\" y2=\"\(c(height - m.bottom))\"/>"
            out += "<text class=\"legend\" x=\"\(c(x(r.value)))\" y=\"\(c(m.top - 10))\" text-anchor=\"middle\">\(e(r.label)) \(e(format.value(r.value)))</text>"
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
