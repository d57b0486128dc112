import Foundation
import Testing
@testable import KansrijkApp

/// Issue 15: chart text of at least 12 px, whole-number or percent ticks, and series that differ
/// in colour, dash and marker, with a legend.
@Suite("Charts: readable text, whole ticks, distinct series")
struct ChartReadabilityTests {
    static func trend(decimals: Int = 1, unit: String = "%", series: Int = 3, values: [Double] = [14.2, 15.1, 16.3]) -> TrendChart {
        TrendChart(title: "T", description: "D", periods: values.indices.map { String(2019 + $0) },
                   series: (0..<series).map { k in
                       .init(name: ["Zeist", "Nederland", "Gemeenten in de regio"][k % 3], style: [.main, .reference, .peer][k % 3],
                             points: values.map { .init(value: $0 + Double(k)) })
                   },
                   format: ChartFormat(decimals: decimals, decimalMark: ",", unit: unit))
    }

    /// Every `font-size="…"` on a `<text>` of the SVG, and how many `<text>` elements there are.
    static func fontSizes(_ svg: String) -> (sizes: [Double], texts: Int) {
        let texts = svg.components(separatedBy: "<text ").dropFirst()
        let sizes = texts.compactMap { t -> Double? in
            let head = t.prefix { $0 != ">" }
            guard let r = head.range(of: "font-size=\"") else { return nil }
            return Double(head[r.upperBound...].prefix { $0 != "\"" })
        }
        return (sizes, texts.count)
    }

    static func viewBoxWidth(_ svg: String) -> Double {
        guard let r = svg.range(of: "viewBox=\"0 0 ") else { return 0 }
        return Double(svg[r.upperBound...].prefix { $0 != " " }) ?? 0
    }

    @Test("every text of a trend chart, a bar chart and the map label renders at 12 px or more at the narrowest card")
    func fontSizes() {
        let bars = BarChart(title: "B", description: "D", bars: [.init(label: "Laag inkomen", value: 20, low: 15, high: 25)],
                            reference: .init(label: "Zeist", value: 18), format: .dutch(unit: "%"))
        for svg in [Self.trend().svg(id: "t"), bars.svg(id: "b")] {
            let (sizes, texts) = Self.fontSizes(svg)
            #expect(texts > 3)
            #expect(sizes.count == texts, "every text carries its size")
            let width = Self.viewBoxWidth(svg)
            #expect(width == 400)
            for size in sizes {
                #expect(ChartText.pixels(size, viewBoxWidth: width) >= 12, "\(size) units in a \(width) wide viewBox")
            }
        }
        #expect(ChartText.size(viewBoxWidth: 560) * 320 / 560 >= 12)
        // the old 11-unit text in a 560-wide box came out at about 6 px: the very complaint
        #expect(ChartText.pixels(11, viewBoxWidth: 560) < 7)
    }

    @Test("counts get a whole step of at least 1: never 0, 0, 1, 1, 1")
    func wholeTicks() {
        let small = ChartScale(upTo: 1, wholeNumbers: true)
        #expect(small.ticks == [0, 1])
        #expect(small.tickDecimals == 0)
        let three = ChartScale(upTo: 3, wholeNumbers: true)
        #expect(three.ticks == [0, 1, 2, 3])
        let seven = ChartScale(upTo: 7, wholeNumbers: true)
        #expect(seven.ticks == [0, 2, 4, 6, 8])
        let many = ChartScale(upTo: 93, wholeNumbers: true)
        #expect(many.ticks == [0, 25, 50, 75, 100])
        for s in [small, three, seven, many] { #expect(s.ticks.allSatisfy { $0.rounded() == $0 }) }
        // labels of a count chart: whole, distinct, no decimals
        let chart = Self.trend(decimals: 0, unit: "", series: 2, values: [0, 1, 1, 0])
        let labels = Self.tickLabels(chart.svg(id: "c"))
        #expect(labels == ["0", "1", "2"])
        #expect(Set(labels).count == labels.count)
    }

    @Test("percentages get percent ticks with only the decimals the step needs")
    func percentTicks() {
        let s = ChartScale(upTo: 17.3)
        #expect(s.ticks == [0, 5, 10, 15, 20])
        #expect(s.ticks.map { s.label($0, format: .dutch(unit: "%")) } == ["0%", "5%", "10%", "15%", "20%"])
        let fine = ChartScale(upTo: 1.7)
        #expect(fine.ticks.map { fine.label($0, format: .dutch(unit: "%")) } == ["0%", "0,5%", "1%", "1,5%", "2%"])
        #expect(ChartScale(upTo: 9).label(2.5, format: .english(unit: " per 1000")) == "2.5")
        let labels = Self.tickLabels(Self.trend().svg(id: "p"))
        #expect(labels == ["0%", "5%", "10%", "15%", "20%"])
    }

    /// The value axis' labels, bottom to top.
    static func tickLabels(_ svg: String) -> [String] {
        svg.components(separatedBy: "<text class=\"tick tick-y\"").dropFirst().compactMap { part -> String? in
            guard let open = part.firstIndex(of: ">"), let close = part.range(of: "</text>") else { return nil }
            return String(part[part.index(after: open)..<close.lowerBound])
        }
    }

    @Test("each series has its own colour, dash and marker, all at 3:1 or more against white, and a legend entry")
    func seriesStyles() {
        let styles = (0..<4).map(SeriesStyle.of)
        #expect(Set(styles.map(\.colour)).count == 4)
        #expect(Set(styles.map { $0.dash ?? "solid" }).count == 4)
        #expect(Set(styles.map(\.marker)).count == 4)
        for s in SeriesStyle.all { #expect(SeriesStyle.contrast(s.colour, "#ffffff") >= 3, "\(s.colour)") }
        #expect(SeriesStyle.contrast("#000000", "#ffffff") > 20)

        let svg = Self.trend().svg(id: "s")
        for (k, name) in ["Zeist", "Nederland", "Gemeenten in de regio"].enumerated() {
            let style = SeriesStyle.of(k)
            #expect(svg.contains("<text class=\"legend\""))
            #expect(svg.contains(">\(name)</text>"), "legend names \(name)")
            #expect(svg.contains("class=\"legend-key line-\(["main", "reference", "peer"][k])\""))
            #expect(svg.contains(style.strokeAttributes))
            #expect(svg.contains("fill=\"\(style.colour)\""), "markers in the series' colour")
        }
        #expect(svg.contains("<circle class=\"dot dot-main\""))
        #expect(svg.contains("<rect class=\"dot dot-reference\""))
        #expect(svg.contains("<path class=\"dot dot-peer\""))
    }

    @Test("many periods: labels thinned so they do not overlap, the last always shown")
    func periodLabels() {
        let chart = TrendChart(title: "T", description: "D", periods: (0..<16).map { "2024 K\($0 % 4 + 1)" },
                               series: [.init(name: "A", style: .main, points: (0..<16).map { .init(value: Double($0)) })],
                               format: .dutch(decimals: 0))
        let shown = chart.labelledPeriods(plotWidth: 330)
        #expect(shown.contains(15))
        #expect(shown.count < 16)
        let sorted = shown.sorted()
        let gap = zip(sorted, sorted.dropFirst()).map { $1 - $0 }.min() ?? 16
        #expect(Double(gap) * 330 / 15 >= ChartText.width("2024 K1", size: TrendChart.fontSize))
    }
}
