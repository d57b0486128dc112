import Foundation
import NIOConcurrencyHelpers

/// The map of the Netherlands as SVG path data, projected and simplified once per process so a
/// request only adds classes, links and names (ADR 0007).
///
/// Projection: equirectangular with x scaled by cos(52°), the latitude through the middle of the
/// country, so shapes look right at this scale; coordinates rounded to 0.1 px; rings simplified
/// with Douglas-Peucker at a tolerance below half a pixel.
struct NationalMap: Sendable {
    struct Shape: Sendable, Equatable {
        var code: String
        /// SVG path data (`M`, relative `l`, `z`).
        var path: String
    }

    var width: Double
    var height: Double
    var shapes: [Shape]

    static let referenceLatitude = 52.0
    static let defaultWidth = 560.0
    static let tolerance = 0.35

    private static let cache = NIOLockedValueBox([String: NationalMap]())

    /// Built once per data directory (tests build many apps).
    static func load(dataDirectory: String) throws -> NationalMap {
        if let cached = cache.withLockedValue({ $0[dataDirectory] }) { return cached }
        let map = project(try AreaReference.load(dataDirectory: dataDirectory).municipalities.map { ($0.code, $0.geometry) })
        cache.withLockedValue { $0[dataDirectory] = map }
        return map
    }

    /// Projects every municipality into a `width`-wide box with a small margin.
    static func project(_ areas: [(code: String, geometry: GeoGeometry)], width: Double = defaultWidth, margin: Double = 4) -> NationalMap {
        let points = areas.flatMap { $0.geometry.polygons.flatMap { $0.flatMap { $0 } } }
        guard let minLon = points.map(\.lon).min(), let maxLon = points.map(\.lon).max(),
              let minLat = points.map(\.lat).min(), let maxLat = points.map(\.lat).max() else {
            return NationalMap(width: width, height: width, shapes: [])
        }
        let k = cos(referenceLatitude * .pi / 180)
        let scale = (width - 2 * margin) / ((maxLon - minLon) * k)
        let height = ((maxLat - minLat) * scale + 2 * margin).rounded(.up)
        func xy(_ p: GeoPoint) -> (Double, Double) {
            ((p.lon - minLon) * k * scale + margin, (maxLat - p.lat) * scale + margin)
        }
        let shapes = areas.sorted { $0.code < $1.code }.map { area in
            var d = ""
            for polygon in area.geometry.polygons {
                for ring in polygon {
                    let projected = simplify(ring.map(xy), tolerance: tolerance)
                    d += pathData(projected)
                }
            }
            return Shape(code: area.code, path: d)
        }
        return NationalMap(width: width, height: height, shapes: shapes)
    }

    /// Douglas-Peucker on a closed ring; keeps at least the first, the farthest and the last point.
    static func simplify(_ ring: [(Double, Double)], tolerance: Double) -> [(Double, Double)] {
        guard ring.count > 4 else { return ring }
        var keep = [Bool](repeating: false, count: ring.count)
        keep[0] = true
        keep[ring.count - 1] = true
        // split the ring at its point farthest from the start, so a closed ring is two open lines
        let far = (1..<ring.count - 1).max { distance(ring[$0], ring[0]) < distance(ring[$1], ring[0]) } ?? ring.count / 2
        keep[far] = true
        var stack = [(0, far), (far, ring.count - 1)]
        while let (a, b) = stack.popLast() {
            guard b > a + 1 else { continue }
            var index = a, maxDistance = 0.0
            for i in (a + 1)..<b {
                let d = segmentDistance(ring[i], ring[a], ring[b])
                if d > maxDistance { maxDistance = d; index = i }
            }
            if maxDistance > tolerance {
                keep[index] = true
                stack.append((a, index))
                stack.append((index, b))
            }
        }
        return ring.indices.filter { keep[$0] }.map { ring[$0] }
    }

    static func distance(_ p: (Double, Double), _ q: (Double, Double)) -> Double { hypot(p.0 - q.0, p.1 - q.1) }

    static func segmentDistance(_ p: (Double, Double), _ a: (Double, Double), _ b: (Double, Double)) -> Double {
        let dx = b.0 - a.0, dy = b.1 - a.1
        let length2 = dx * dx + dy * dy
        guard length2 > 0 else { return distance(p, a) }
        let t = max(0, min(1, ((p.0 - a.0) * dx + (p.1 - a.1) * dy) / length2))
        return distance(p, (a.0 + t * dx, a.1 + t * dy))
    }

    /// `M12.3 45.6l0.4 -1z` from points rounded to tenths; repeated points are dropped, and rings
    /// that collapse below three distinct points at this scale are left out.
    static func pathData(_ points: [(Double, Double)]) -> String {
        var tenths: [(Int, Int)] = []
        for p in points {
            let t = (Int((p.0 * 10).rounded()), Int((p.1 * 10).rounded()))
            if let last = tenths.last, last == t { continue }
            tenths.append(t)
        }
        if tenths.count > 1, let first = tenths.first, let last = tenths.last, first == last { tenths.removeLast() }
        guard tenths.count >= 3 else { return "" }
        var d = "M" + decimal(tenths[0].0) + " " + decimal(tenths[0].1)
        for i in 1..<tenths.count {
            d += "l" + decimal(tenths[i].0 - tenths[i - 1].0) + " " + decimal(tenths[i].1 - tenths[i - 1].1)
        }
        return d + "z"
    }

    /// Tenths as a short decimal: 1234 -> "123.4", 1230 -> "123", -5 -> "-0.5".
    static func decimal(_ tenths: Int) -> String {
        let sign = tenths < 0 ? "-" : ""
        let a = abs(tenths)
        return a % 10 == 0 ? sign + String(a / 10) : sign + String(a / 10) + "." + String(a % 10)
    }
}

extension NationalMap {
    /// What a request adds to one municipality: where its link goes, its fill class and its
    /// accessible name.
    struct Feature: Sendable {
        var href: String
        var cssClass: String
        var label: String
    }

    /// Fill patterns, referenced by the stylesheet (`fill: url(#p-...)`) and the legend.
    static let patterns = """
    <defs>\
    <pattern id="p-t2" width="5" height="5" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="5" height="5" fill="#9fc3e7"/><rect width="2.2" height="5" fill="#1f4e79"/></pattern>\
    <pattern id="p-geen" width="4" height="4" patternUnits="userSpaceOnUse"><rect width="4" height="4" fill="#ececec"/><circle cx="2" cy="2" r="0.7" fill="#6b6b6b"/></pattern>\
    <pattern id="p-onbekend" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="#ffffff"/><path d="M0 0L6 6M6 0L0 6" stroke="#6b6b6b" stroke-width="0.8"/></pattern>\
    </defs>
    """

    /// The whole `<svg>`; every text is escaped, so it may go into the page unescaped.
    func svg(features: [String: Feature], titleID: String, title: String, description: String) -> String {
        var out = ""
        out.reserveCapacity(shapes.reduce(0) { $0 + $1.path.count } + shapes.count * 200 + 2000)
        out += "<svg class=\"nl-map\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Self.decimal(Int(width * 10))) \(Self.decimal(Int(height * 10)))\""
        out += " role=\"group\" aria-labelledby=\"\(Self.escape(titleID))\" aria-describedby=\"\(Self.escape(titleID))-desc\">"
        out += "<title id=\"\(Self.escape(titleID))\">\(Self.escape(title))</title>"
        out += "<desc id=\"\(Self.escape(titleID))-desc\">\(Self.escape(description))</desc>"
        out += Self.patterns
        for shape in shapes where !shape.path.isEmpty {
            guard let f = features[shape.code] else {
                out += "<path class=\"m\" d=\"\(shape.path)\"/>"
                continue
            }
            out += "<a href=\"\(Self.escape(f.href))\" class=\"m \(Self.escape(f.cssClass))\"><title>\(Self.escape(f.label))</title><path d=\"\(shape.path)\"/></a>"
        }
        return out + "</svg>"
    }

    static func escape(_ s: String) -> String {
        // most names need nothing: skip the copy
        guard s.utf8.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">")
            || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "'") }) else { return s }
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }
}
