import Foundation

/// How chart text and series look, in one place so every chart reads the same (issue 15:
/// "about 7 px text, two series in the same colour and line style").
enum ChartText {
    /// The narrowest width, in CSS px, a page gives a chart: a 390 px phone less the page's and
    /// the card's padding and border (390 - 32 - 34). Wider pages show the chart up to its
    /// `maximumWidth` (charts.css), so text only grows from here.
    static let narrowestWidth = 320.0
    /// WCAG-minded floor for chart text at its usual rendered size.
    static let minimumPixels = 12.0

    /// The font size in user units that renders at `minimumPixels` or more when a chart whose
    /// viewBox is `viewBoxWidth` wide is drawn `narrowestWidth` px wide.
    static func size(viewBoxWidth: Double) -> Double {
        (minimumPixels * viewBoxWidth / narrowestWidth).rounded(.up)
    }

    /// Rendered size in CSS px of `size` user units for a chart drawn `renderedWidth` px wide.
    static func pixels(_ size: Double, viewBoxWidth: Double, renderedWidth: Double = narrowestWidth) -> Double {
        size * renderedWidth / viewBoxWidth
    }

    /// A rough width of `text` in user units (proportional fonts average ~0.56 em per character).
    static func width(_ text: String, size: Double) -> Double { Double(text.count) * size * 0.56 }

    /// `text` shortened with an ellipsis to fit `width` user units.
    static func fit(_ text: String, width: Double, size: Double) -> String {
        let fits = max(4, Int(width / (size * 0.56)))
        return text.count <= fits ? text : String(text.prefix(fits - 1)) + "…"
    }
}

/// The look of the n-th series of a chart: a colour from the Okabe-Ito palette (safe for the
/// common kinds of colour blindness), darkened where needed to 3:1 against white, and also its
/// own dash pattern and marker shape, so series stay apart in grey print and for people who
/// cannot tell the colours apart.
struct SeriesStyle: Sendable, Equatable {
    enum Marker: String, Sendable, CaseIterable { case circle, square, triangle, diamond, cross, triangleDown }

    var colour: String
    /// `stroke-dasharray`; nil is a solid line.
    var dash: String?
    var marker: Marker

    static let all: [SeriesStyle] = [
        .init(colour: "#0072B2", dash: nil, marker: .circle),
        .init(colour: "#D55E00", dash: "9 5", marker: .square),
        .init(colour: "#009E73", dash: "2 4", marker: .triangle),
        .init(colour: "#A8387F", dash: "12 4 3 4", marker: .diamond),
        .init(colour: "#535353", dash: "5 3", marker: .cross),
        .init(colour: "#8A5A00", dash: "1 3 6 3", marker: .triangleDown),
    ]

    /// Series beyond the palette repeat it; charts here draw at most four.
    static func of(_ index: Int) -> SeriesStyle { all[index % all.count] }

    /// The stroke attributes of a line in this style.
    var strokeAttributes: String {
        "stroke=\"\(colour)\"" + (dash.map { " stroke-dasharray=\"\($0)\"" } ?? "")
    }

    /// The marker centred on (x, y), `r` its half size.
    func markerSVG(x: Double, y: Double, r: Double, className: String) -> String {
        let c = ChartFormat.coordinate
        let fill = "class=\"\(className)\" fill=\"\(colour)\" stroke=\"#ffffff\" stroke-width=\"1\""
        switch marker {
        case .circle:
            return "<circle \(fill) cx=\"\(c(x))\" cy=\"\(c(y))\" r=\"\(c(r))\"/>"
        case .square:
            return "<rect \(fill) x=\"\(c(x - r))\" y=\"\(c(y - r))\" width=\"\(c(2 * r))\" height=\"\(c(2 * r))\"/>"
        case .triangle:
            return "<path \(fill) d=\"M\(c(x)) \(c(y - r * 1.2))L\(c(x + r * 1.15)) \(c(y + r * 0.9))L\(c(x - r * 1.15)) \(c(y + r * 0.9))Z\"/>"
        case .triangleDown:
            return "<path \(fill) d=\"M\(c(x)) \(c(y + r * 1.2))L\(c(x + r * 1.15)) \(c(y - r * 0.9))L\(c(x - r * 1.15)) \(c(y - r * 0.9))Z\"/>"
        case .diamond:
            return "<path \(fill) d=\"M\(c(x)) \(c(y - r * 1.3))L\(c(x + r * 1.3)) \(c(y))L\(c(x)) \(c(y + r * 1.3))L\(c(x - r * 1.3)) \(c(y))Z\"/>"
        case .cross:
            let k = r * 1.1
            return "<path class=\"\(className)\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2.5\" d=\"M\(c(x - k)) \(c(y - k))L\(c(x + k)) \(c(y + k))M\(c(x + k)) \(c(y - k))L\(c(x - k)) \(c(y + k))\"/>"
        }
    }

    /// WCAG contrast ratio of two `#rrggbb` colours.
    static func contrast(_ a: String, _ b: String) -> Double {
        func luminance(_ hex: String) -> Double {
            let digits = Array(hex.dropFirst())
            guard digits.count == 6 else { return 0 }
            let channels = stride(from: 0, to: 6, by: 2).map { Double(Int(String(digits[$0..<$0 + 2]), radix: 16) ?? 0) / 255 }
            let linear = channels.map { $0 <= 0.03928 ? $0 / 12.92 : pow(($0 + 0.055) / 1.055, 2.4) }
            return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
        }
        let (la, lb) = (luminance(a), luminance(b))
        return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
    }
}
