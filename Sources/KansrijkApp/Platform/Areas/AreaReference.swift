import Foundation
import NIOConcurrencyHelpers

/// The 2025 area reference data read from `Resources/Data/*.geojson`: municipalities and GGD
/// regions (CBS codes) with their province. The GeoJSON has no province, so it follows from
/// the GGD region, with the two municipalities whose GGD region crosses a provincial border.
struct AreaReference: Sendable {
    struct Region: Sendable { var code, name, provinceCode: String; var geometry: GeoGeometry }
    struct Place: Sendable { var code, name, ggdCode, provinceCode: String; var latitude, longitude: Double; var geometry: GeoGeometry }

    var regions: [Region]
    var municipalities: [Place]

    static let provinces: [(code: String, name: String)] = [
        ("PV20", "Groningen"), ("PV21", "Fryslân"), ("PV22", "Drenthe"), ("PV23", "Overijssel"),
        ("PV24", "Flevoland"), ("PV25", "Gelderland"), ("PV26", "Utrecht"), ("PV27", "Noord-Holland"),
        ("PV28", "Zuid-Holland"), ("PV29", "Zeeland"), ("PV30", "Noord-Brabant"), ("PV31", "Limburg"),
    ]

    static let provinceOfRegion: [String: String] = [
        "GG0111": "PV20", "GG0706": "PV22", "GG1009": "PV23", "GG1106": "PV23", "GG1413": "PV25",
        "GG1911": "PV25", "GG2014": "PV25", "GG2209": "PV24", "GG2514": "PV26", "GG2707": "PV27",
        "GG3109": "PV27", "GG3406": "PV27", "GG3606": "PV27", "GG4506": "PV28", "GG4607": "PV28",
        "GG4816": "PV28", "GG5006": "PV29", "GG5206": "PV30", "GG5406": "PV30", "GG5608": "PV30",
        "GG6011": "PV31", "GG6106": "PV31", "GG7014": "PV28", "GG7206": "PV21", "GG7306": "PV27",
    ]

    /// Eemnes (Gooi en Vechtstreek) and Vijfheerenlanden (Zuid-Holland-Zuid) lie in the province of Utrecht.
    static let provinceExceptions: [String: String] = ["GM0317": "PV26", "GM1961": "PV26"]

    private static let cache = NIOLockedValueBox([String: AreaReference]())

    /// Parsed once per process (tests build many apps).
    static func load(dataDirectory: String) throws -> AreaReference {
        if let cached = cache.withLockedValue({ $0[dataDirectory] }) { return cached }
        let loaded = try parse(dataDirectory: dataDirectory)
        cache.withLockedValue { $0[dataDirectory] = loaded }
        return loaded
    }

    private static func parse(dataDirectory: String) throws -> AreaReference {
        let decoder = JSONDecoder()
        let regionsURL = URL(fileURLWithPath: dataDirectory).appendingPathComponent("nl-ggdregios-2025.geojson")
        let placesURL = URL(fileURLWithPath: dataDirectory).appendingPathComponent("nl-gemeenten-2025.geojson")
        let rawRegions = try decoder.decode(GeoFeatureCollection.self, from: Data(contentsOf: regionsURL))
        let rawPlaces = try decoder.decode(GeoFeatureCollection.self, from: Data(contentsOf: placesURL))

        let regions = rawRegions.features.compactMap { f -> Region? in
            guard let code = f.string("statcode"), let name = f.string("statnaam") else { return nil }
            return Region(code: code, name: name, provinceCode: provinceOfRegion[code] ?? "PV26", geometry: f.geometry)
        }
        var places: [Place] = []
        for f in rawPlaces.features {
            guard let code = f.string("statcode"), let name = f.string("statnaam") else { continue }
            let point = f.geometry.interiorPoint
            let region = regions.first { $0.geometry.contains(point) } ?? nearestRegion(to: point, in: regions)
            places.append(Place(code: code, name: name, ggdCode: region.code,
                                provinceCode: provinceExceptions[code] ?? region.provinceCode,
                                latitude: point.lat, longitude: point.lon, geometry: f.geometry))
        }
        return AreaReference(regions: regions, municipalities: places)
    }

    /// Generalised boundaries leave slivers; fall back to the region whose label point is closest.
    private static func nearestRegion(to p: GeoPoint, in regions: [Region]) -> Region {
        regions.min { a, b in
            let pa = a.geometry.interiorPoint, pb = b.geometry.interiorPoint
            return hypot(pa.lon - p.lon, pa.lat - p.lat) < hypot(pb.lon - p.lon, pb.lat - p.lat)
        }!
    }
}
