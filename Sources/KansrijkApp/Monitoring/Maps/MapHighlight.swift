import Foundation

/// The signed-in user's own municipality on the map (issue 15): its outline drawn again on top of
/// every other shape, thick and dark, with its name on a white halo, so it is found at a glance
/// and is not only a colour. Added after the national map's SVG is written (`NationalMap` keeps
/// its shapes in code order, so a neighbour drawn later would cover part of a plain stroke).
enum MapHighlight {
    static let stroke = "#1b1b1b"
    static let strokeWidth = 3.0
    static let halo = "#f5a300"

    /// The overlay: the outline and the label, to go just before `</svg>`.
    static func overlay(path: String, label: String, mapWidth: Double) -> String {
        let c = ChartFormat.coordinate
        let size = ChartText.size(viewBoxWidth: mapWidth)
        var out = "<g class=\"own-highlight\" pointer-events=\"none\" aria-hidden=\"true\">"
        // an amber halo under a dark line: the outline shows on the darkest class and the lightest alike
        out += "<path class=\"own-halo\" d=\"\(path)\" fill=\"none\" stroke=\"\(halo)\" stroke-width=\"\(c(strokeWidth * 2.2))\" stroke-linejoin=\"round\"/>"
        out += "<path class=\"own-outline\" d=\"\(path)\" fill=\"none\" stroke=\"\(stroke)\" stroke-width=\"\(c(strokeWidth))\" stroke-linejoin=\"round\"/>"
        if let box = bounds(of: path) {
            let width = ChartText.width(label, size: size)
            // beside the shape, on the side with room, kept inside the map
            let rightOfShape = box.maxX + 6 + width <= mapWidth
            let x = rightOfShape ? box.maxX + 6 : max(2, box.minX - 6 - width)
            let y = (box.minY + box.maxY) / 2 + size * 0.35
            out += "<text class=\"own-label\" x=\"\(c(x))\" y=\"\(c(y))\" font-size=\"\(c(size))\" font-weight=\"700\" fill=\"\(stroke)\""
            out += " stroke=\"#ffffff\" stroke-width=\"4\" paint-order=\"stroke\">\(HTML.escape(label))</text>"
        }
        return out + "</g>"
    }

    /// `svg` with the overlay of `code`'s shape added on top; unchanged when the map has no such shape.
    static func highlight(_ svg: String, map: NationalMap, code: String, label: String) -> String {
        guard let shape = map.shapes.first(where: { $0.code == code }), !shape.path.isEmpty, svg.hasSuffix("</svg>") else { return svg }
        return String(svg.dropLast(6)) + overlay(path: shape.path, label: label, mapWidth: map.width) + "</svg>"
    }

    /// The bounding box of path data written by `NationalMap.pathData` (`M x y`, relative `l dx dy`, `z`).
    static func bounds(of path: String) -> (minX: Double, minY: Double, maxX: Double, maxY: Double)? {
        var minX = Double.infinity, minY = Double.infinity, maxX = -Double.infinity, maxY = -Double.infinity
        var x = 0.0, y = 0.0
        var command: Character = "M"
        var number = ""
        var pending: [Double] = []
        func flush() {
            guard !number.isEmpty, let v = Double(number) else { number = ""; return }
            number = ""
            pending.append(v)
            guard pending.count == 2 else { return }
            if command == "M" { x = pending[0]; y = pending[1] } else { x += pending[0]; y += pending[1] }
            pending = []
            minX = min(minX, x); maxX = max(maxX, x); minY = min(minY, y); maxY = max(maxY, y)
        }
        for ch in path {
            switch ch {
            case "M", "l", "z":
                flush(); pending = []; command = ch
            case " ":
                flush()
            case "-":
                flush(); number = "-"
            default:
                number.append(ch)
            }
        }
        flush()
        return minX.isFinite ? (minX, minY, maxX, maxY) : nil
    }
}
