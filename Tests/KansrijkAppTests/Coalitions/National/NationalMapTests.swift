import Foundation
import Testing
@testable import KansrijkApp

@Suite("National map (projected once, coloured per request)")
struct NationalMapTests {
    static let data = packageRoot + "Resources/Data/"

    @Test("all 342 municipalities projected into a box shaped like the Netherlands, coordinates in tenths")
    func projection() throws {
        // act
        let map = try NationalMap.load(dataDirectory: Self.data)
        // check
        #expect(map.shapes.count == 342)
        #expect(map.shapes.allSatisfy { !$0.path.isEmpty && $0.path.hasPrefix("M") && $0.path.hasSuffix("z") })
        #expect(map.width == NationalMap.defaultWidth)
        // the country is taller than wide at cos(52°): about 1.2 : 1
        #expect((1.1...1.3).contains(map.height / map.width), "height \(map.height)")
        let numbers = try NSRegularExpression(pattern: #"-?\d+(\.\d+)?"#)
        let zeist = try #require(map.shapes.first { $0.code == "GM0355" })
        for m in numbers.matches(in: zeist.path, range: NSRange(zeist.path.startIndex..., in: zeist.path)) {
            let n = String(zeist.path[Range(m.range, in: zeist.path)!])
            #expect(n.split(separator: ".").dropFirst().first.map { $0.count == 1 } ?? true, "\(n) has at most one decimal")
        }
        // Zeist lies in the middle of the country; Groningen in the north-east; Vaals (Limburg) in the far south
        let start = { (code: String) -> (Double, Double) in
            let p = map.shapes.first { $0.code == code }!.path.dropFirst().split(separator: "l")[0].split(separator: " ")
            return (Double(p[0])!, Double(p[1])!)
        }
        #expect((0.3...0.6).contains(start("GM0355").0 / map.width) && (0.35...0.6).contains(start("GM0355").1 / map.height))
        #expect(start("GM0014").0 / map.width > 0.7 && start("GM0014").1 / map.height < 0.2)
        #expect(start("GM0981").1 / map.height > 0.9)
    }

    @Test("simplification drops points within the tolerance and keeps the shape's corners")
    func simplify() {
        let ring: [(Double, Double)] = [(0, 0), (5, 0.1), (10, 0), (10, 5), (10.1, 7), (10, 10), (0, 10), (0, 0)]
        let s = NationalMap.simplify(ring, tolerance: 0.35)
        #expect(s.count == 5)
        #expect(s.map(\.0) == [0, 10, 10, 0, 0] && s.map(\.1) == [0, 0, 10, 10, 0])
        #expect(NationalMap.simplify(ring, tolerance: 0.05).count == 8)
    }

    @Test("path data: relative steps from rounded tenths, duplicates and slivers dropped")
    func pathData() {
        #expect(NationalMap.pathData([(1.04, 2), (3.06, 2), (3.06, 2.01), (3.06, 4.5), (1.04, 2)]) == "M1 2l2.1 0l0 2.5z")
        #expect(NationalMap.pathData([(1, 1), (1.01, 1.01), (1, 1)]) == "")
        #expect(NationalMap.decimal(-5) == "-0.5" && NationalMap.decimal(1230) == "123" && NationalMap.decimal(1234) == "123.4")
    }

    @Test("the SVG links every municipality with its escaped name; unknown ones stay plain shapes")
    func svg() throws {
        let map = try NationalMap.load(dataDirectory: Self.data)
        let svg = map.svg(features: ["GM0355": .init(href: "/landelijk/gemeenten/GM0355", cssClass: "t2", label: "Zeist: \"tranche\" <2> & meer")],
                          titleID: "k", title: "Kaart", description: "Uitleg")
        #expect(svg.hasPrefix("<svg class=\"nl-map\""))
        #expect(svg.contains("<a href=\"/landelijk/gemeenten/GM0355\" class=\"m t2\"><title>Zeist: &quot;tranche&quot; &lt;2&gt; &amp; meer</title><path d=\"M"))
        #expect(svg.components(separatedBy: "<a href=").count == 2)
        #expect(svg.components(separatedBy: "<path class=\"m\"").count == 342)
        #expect(svg.contains("aria-labelledby=\"k\"") && svg.contains("<desc id=\"k-desc\">Uitleg</desc>"))
    }
}
