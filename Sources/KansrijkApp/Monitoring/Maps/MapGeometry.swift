import Foundation
import NIOConcurrencyHelpers

/// The shapes of the monitor's maps, through the national overview's projection and SVG writer
/// (`NationalMap`): municipalities as it loads them, GGD regions projected the same way, once per process.
enum MapGeometry {
    enum Level: String, CaseIterable, Sendable {
        case municipality = "gemeente"
        case region = "ggd-regio"
    }

    private static let regionCache = NIOLockedValueBox([String: NationalMap]())

    static func map(_ level: Level, dataDirectory: String) throws -> NationalMap {
        switch level {
        case .municipality: return try NationalMap.load(dataDirectory: dataDirectory)
        case .region:
            if let cached = regionCache.withLockedValue({ $0[dataDirectory] }) { return cached }
            let reference = try AreaReference.load(dataDirectory: dataDirectory)
            let map = NationalMap.project(reference.regions.map { ($0.code, $0.geometry) })
            regionCache.withLockedValue { $0[dataDirectory] = map }
            return map
        }
    }
}
