import Vapor

/// How a figure reads on a page and in a download, in the reader's language. A hidden figure
/// reads "< 10, niet getoond" (or why else it is hidden) and nothing else: no number of it is written.
struct FigureText: Sendable {
    var format: ChartFormat
    var texts: @Sendable (String) -> String

    init(language: UILanguage, indicator: IndicatorDefinition) {
        let unit: String
        switch indicator.factor {
        case 100: unit = "%"
        case 1: unit = ""
        default: unit = " per \(indicator.factor)"
        }
        format = language == .en ? .english(unit: unit) : .dutch(unit: unit)
        texts = { Strings.text($0, language) }
    }

    /// The value as a sentence fragment: "14,8%", "< 10, niet getoond", or "geen cijfer".
    func value(_ f: AreaFigure?) -> String {
        guard let f else { return texts("monitor.figure.none") }
        if let note = suppressed(f) { return note }
        guard let v = f.value else { return texts("monitor.figure.none") }
        return format.value(v)
    }

    func suppressed(_ f: AreaFigure?) -> String? {
        switch f?.suppression {
        case .smallNumber?: texts("monitor.suppressed.small")
        case .complementary?: texts("monitor.suppressed.complementary")
        case nil: nil
        }
    }

    func interval(_ f: AreaFigure?) -> String? {
        guard let i = f?.interval, f?.suppression == nil else { return nil }
        return format.interval(i.low, i.high)
    }

    /// "significant hoger dan Nederland", only where the intervals do not overlap.
    func comparison(_ f: AreaFigure?) -> String? {
        guard let c = f?.comparison, f?.suppression == nil else { return nil }
        return texts("monitor.compare.\(c.rawValue)")
    }

    /// "30 van 200" for the table and the download.
    func counts(_ f: AreaFigure?) -> String? {
        guard let f, f.suppression == nil, let n = f.numerator, let d = f.denominator else { return nil }
        return "\(n) \(texts("monitor.of")) \(d)"
    }

    /// A point of a trend chart: only what may be published.
    func point(_ f: AreaFigure?) -> TrendChart.Point {
        guard let f, f.suppression == nil, let v = f.value else { return .init(note: f.flatMap(suppressed) ?? "–") }
        return .init(value: v, low: f.interval?.low, high: f.interval?.high)
    }
}
