import Foundation
import Testing
@testable import KansrijkApp

@Suite("Charts: server-rendered SVG with a data table")
struct ChartSVGTests {
    static func trend() -> TrendChart {
        TrendChart(title: "Big2 <Zeist>", description: "Lijn van Zeist per jaar.", periods: ["2019", "2020", "2021", "2022"],
                   series: [.init(name: "Zeist", style: .main, points: [
                               .init(value: 14.26, low: 12.0, high: 16.5), .init(note: "< 10, niet getoond"),
                               .init(value: 15.0, low: 13.0, high: 17.0), .init(value: 16.0, low: 14.0, high: 18.0)]),
                            .init(name: "Nederland", style: .reference, points: (0..<4).map { _ in .init(value: 15.0) })],
                   format: .dutch(unit: "%"))
    }

    @Test("a trend chart is an image with a title and description, escaped")
    func accessibleTrend() {
        let svg = Self.trend().svg(id: "g1")
        #expect(svg.hasPrefix("<svg "))
        #expect(svg.contains("role=\"img\""))
        #expect(svg.contains("aria-labelledby=\"g1-title g1-desc\""))
        #expect(svg.contains("<title id=\"g1-title\">Big2 &lt;Zeist&gt;</title>"))
        #expect(svg.contains("<desc id=\"g1-desc\">Lijn van Zeist per jaar.</desc>"))
        #expect(!svg.contains("<Zeist>"))
    }

    @Test("a point without a value leaves a gap: two line pieces, a band only where intervals are")
    func gaps() {
        let svg = Self.trend().svg(id: "g")
        // main: [0] alone and [2, 3]: one polyline for the main series, one for the national line
        #expect(svg.components(separatedBy: "<polyline class=\"line line-main\"").count - 1 == 1)
        #expect(svg.components(separatedBy: "class=\"dot dot-main\"").count - 1 == 3)
        #expect(svg.components(separatedBy: "class=\"band\"").count - 1 == 1)
        #expect(svg.components(separatedBy: "class=\"band-whisker\"").count - 1 == 1)
        #expect(TrendChart.runs([true, true, false, true]) == [[0, 1], [3]])
    }

    @Test("the table gives every figure with Dutch decimals and the note of a hidden one")
    func trendTable() {
        let table = Self.trend().table()
        #expect(table.columns == ["Jaar", "Zeist", "95%-interval", "Nederland"])
        #expect(table.rows[0] == ["2019", "14,3%", "12,0–16,5", "15,0%"])
        #expect(table.rows[1] == ["2020", "< 10, niet getoond", "", "15,0%"])
        let html = table.html()
        #expect(html.contains("<caption>Big2 &lt;Zeist&gt;</caption>"))
        #expect(html.contains("<th scope=\"row\">2020</th><td class=\"num\">&lt; 10, niet getoond</td>"))
    }

    @Test("English pages write a decimal point; coordinates always do")
    func formats() {
        #expect(ChartFormat.english(unit: "%").value(14.84) == "14.8%")
        #expect(ChartFormat.dutch(decimals: 2).number(3.14159) == "3,14")
        #expect(ChartFormat.dutch().interval(1.26, 2.0) == "1,3–2,0")
        #expect(ChartFormat.coordinate(12.34) == "12.3")
        #expect(ChartFormat.coordinate(-0.5) == "-0.5")
    }

    @Test("the value axis starts at zero and ends on a round number above the highest value")
    func scale() {
        let s = ChartScale(upTo: 17.3)
        #expect(s.ticks.first == 0)
        #expect(s.maximum == 20)
        #expect(s.ticks == [0, 5, 10, 15, 20])
        #expect(ChartScale(upTo: 0).maximum > 0)
        #expect(s.fraction(10) == 0.5)
    }

    @Test("a hidden bar is text, not a length; the reference line is labelled")
    func bars() {
        let chart = BarChart(title: "Big2 per gemeente", description: "Staafdiagram.", bars: [
            .init(label: "Zeist", value: 16.0, low: 14.0, high: 18.0, highlighted: true),
            .init(label: "Renswoude", note: "< 10, niet getoond"),
        ], reference: .init(label: "Nederland", value: 15.0), format: .dutch(unit: "%"))
        let svg = chart.svg(id: "b")
        #expect(svg.contains("role=\"img\""))
        #expect(svg.contains("<title id=\"b-title\">Big2 per gemeente</title>"))
        #expect(svg.components(separatedBy: "<rect ").count - 1 == 1)
        #expect(svg.contains("class=\"bar bar-highlight\""))
        #expect(svg.contains(">&lt; 10, niet getoond</text>"))
        #expect(svg.contains("Nederland 15,0%"))
        #expect(svg.contains("class=\"bar-label strong\""))
        let table = chart.table()
        #expect(table.rows == [["Zeist", "16,0%", "14,0–18,0"], ["Renswoude", "< 10, niet getoond", ""], ["Nederland", "15,0%", ""]])
    }
}
