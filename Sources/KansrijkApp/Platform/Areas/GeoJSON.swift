import Foundation

/// The part of GeoJSON the reference data uses: features with a Polygon or MultiPolygon
/// geometry (WGS84) and string properties.
struct GeoFeatureCollection: Decodable {
    var features: [GeoFeature]
}

struct GeoFeature: Decodable {
    var properties: [String: GeoProperty]
    var geometry: GeoGeometry

    func string(_ key: String) -> String? {
        if case .string(let s) = properties[key] { return s }
        return nil
    }
}

enum GeoProperty: Decodable {
    case string(String)
    case number(Double)
    case other

    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let s = try? c.decode(String.self) { self = .string(s) } else if let d = try? c.decode(Double.self) { self = .number(d) } else { self = .other }
    }
}

/// A point as (longitude, latitude).
struct GeoPoint: Equatable, Sendable {
    var lon: Double
    var lat: Double
}

/// Polygons as rings of points; the first ring of each polygon is its outer boundary.
struct GeoGeometry: Decodable, Sendable {
    var polygons: [[[GeoPoint]]]

    private enum CodingKeys: String, CodingKey { case type, coordinates }

    init(polygons: [[[GeoPoint]]]) { self.polygons = polygons }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let type = try c.decode(String.self, forKey: .type)
        func ring(_ raw: [[Double]]) -> [GeoPoint] { raw.map { GeoPoint(lon: $0[0], lat: $0[1]) } }
        switch type {
        case "Polygon":
            let raw = try c.decode([[[Double]]].self, forKey: .coordinates)
            polygons = [raw.map(ring)]
        case "MultiPolygon":
            let raw = try c.decode([[[[Double]]]].self, forKey: .coordinates)
            polygons = raw.map { $0.map(ring) }
        default:
            throw DecodingError.dataCorruptedError(forKey: .type, in: c, debugDescription: "unsupported geometry \(type)")
        }
    }

    /// Even-odd rule over all rings, so holes are respected.
    func contains(_ p: GeoPoint) -> Bool {
        var inside = false
        for polygon in polygons {
            for ring in polygon where Self.ringContains(ring, p) { inside.toggle() }
        }
        return inside
    }

    static func ringContains(_ ring: [GeoPoint], _ p: GeoPoint) -> Bool {
        var inside = false
        var j = ring.count - 1
        for i in 0..<ring.count {
            let a = ring[i], b = ring[j]
            if (a.lat > p.lat) != (b.lat > p.lat),
               p.lon < (b.lon - a.lon) * (p.lat - a.lat) / (b.lat - a.lat) + a.lon {
                inside.toggle()
            }
            j = i
        }
        return inside
    }

    /// Signed area and centroid of one ring (shoelace formula in degrees; fine for a label point).
    static func ringCentroid(_ ring: [GeoPoint]) -> (area: Double, point: GeoPoint) {
        var a = 0.0, cx = 0.0, cy = 0.0
        for i in 0..<ring.count {
            let p = ring[i], q = ring[(i + 1) % ring.count]
            let cross = p.lon * q.lat - q.lon * p.lat
            a += cross
            cx += (p.lon + q.lon) * cross
            cy += (p.lat + q.lat) * cross
        }
        a /= 2
        guard abs(a) > 1e-12 else { return (0, ring.first ?? GeoPoint(lon: 0, lat: 0)) }
        return (abs(a), GeoPoint(lon: cx / (6 * a), lat: cy / (6 * a)))
    }

    /// A point inside the area: the centroid of the largest outer ring, or, when that
    /// falls outside (a crescent-shaped municipality), the best inside point on a grid.
    var interiorPoint: GeoPoint {
        let outers = polygons.compactMap(\.first).map { Self.ringCentroid($0) }
        guard let largest = outers.max(by: { $0.area < $1.area }) else { return GeoPoint(lon: 0, lat: 0) }
        if contains(largest.point) { return largest.point }
        let all = polygons.flatMap { $0.flatMap { $0 } }
        let minLon = all.map(\.lon).min()!, maxLon = all.map(\.lon).max()!
        let minLat = all.map(\.lat).min()!, maxLat = all.map(\.lat).max()!
        var best = largest.point, bestDistance = Double.infinity
        for i in 1..<20 {
            for j in 1..<20 {
                let p = GeoPoint(lon: minLon + (maxLon - minLon) * Double(i) / 20, lat: minLat + (maxLat - minLat) * Double(j) / 20)
                guard contains(p) else { continue }
                let d = hypot(p.lon - largest.point.lon, p.lat - largest.point.lat)
                if d < bestDistance { bestDistance = d; best = p }
            }
        }
        return best
    }
}
