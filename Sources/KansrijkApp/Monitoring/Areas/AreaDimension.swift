import Fluent
import SQLKit
import Foundation

/// The year-versioned area dimension: today's municipalities with their GGD region and province,
/// and the mergers that map former municipalities onto them. Pure lookups once loaded.
struct AreaDimension: Sendable {
    struct Place: Sendable, Equatable { var code, name, ggdCode, provinceCode: String }
    struct Merge: Sendable, Equatable { var year: Int; var former, formerName, current: String; var currentIsNew: Bool }

    let places: [Place]
    let regionNames: [String: String]
    let provinceNames: [String: String]
    let merges: [Merge]
    private let placeIndex: [String: Int]
    private let mergeIndex: [String: Merge]

    init(places: [Place], regionNames: [String: String], provinceNames: [String: String], merges: [Merge]) {
        self.places = places.sorted { $0.code < $1.code }
        self.regionNames = regionNames
        self.provinceNames = provinceNames
        self.merges = merges
        placeIndex = Dictionary(uniqueKeysWithValues: self.places.enumerated().map { ($1.code, $0) })
        mergeIndex = Dictionary(merges.map { ($0.former, $0) }, uniquingKeysWith: { a, _ in a })
    }

    static func load(on db: any Database) async throws -> AreaDimension {
        let places = try await Self.places(on: db)
        let regions = try await GGDRegion.query(on: db).all()
        let provinces = try await Province.query(on: db).all()
        let merges = try await MunicipalityMerge.query(on: db).all().map {
            Merge(year: $0.year, former: $0.formerCode, formerName: $0.formerName, current: $0.currentCode, currentIsNew: $0.currentIsNew)
        }
        return AreaDimension(places: places, regionNames: Dictionary(uniqueKeysWithValues: regions.map { ($0.id!, $0.name) }),
                             provinceNames: Dictionary(uniqueKeysWithValues: provinces.map { ($0.id!, $0.name) }), merges: merges)
    }

    /// Every listed municipality (not the reserved "Gemeente onbekend") as four columns with SQL
    /// rather than 342 Fluent models through reflection: a dashboard's process section and the
    /// national overview read them on every request.
    static func places(on db: any Database) async throws -> [Place] {
        try await db.readAll("""
            SELECT id, name, ggd_code, province_code FROM municipalities WHERE id <> \(bind: Municipality.unknownCode)
            """, pool: nil) { row in
            Place(code: try row.decode(column: "id", as: String.self), name: try row.decode(column: "name", as: String.self),
                  ggdCode: try row.decode(column: "ggd_code", as: String.self), provinceCode: try row.decode(column: "province_code", as: String.self))
        }
    }

    /// Index of a current municipality in `places` (dense, for fast aggregation).
    func index(of currentCode: String) -> Int? { placeIndex[currentCode] }

    /// The municipality a code stands for on today's boundaries, following mergers in a chain.
    func currentCode(for code: String) -> String? {
        var code = code
        for _ in 0..<10 {
            if let merge = mergeIndex[code] { code = merge.current } else { break }
        }
        return placeIndex[code] == nil ? nil : code
    }

    /// True when `code` was a municipality in `year` (a former one before its merger, a new one from it on).
    func existed(_ code: String, in year: Int) -> Bool {
        if let merge = mergeIndex[code] { return year < merge.year }
        guard placeIndex[code] != nil else { return false }
        if let created = merges.filter({ $0.current == code && $0.currentIsNew }).map(\.year).min() { return year >= created }
        return true
    }

    /// The municipalities of `year` as they were then.
    func municipalityCodes(in year: Int) -> [String] {
        (places.map(\.code) + merges.map(\.former)).filter { existed($0, in: year) }.sorted()
    }

    /// The current municipalities an area consists of; nil for an unknown area.
    func members(of areaCode: String) -> [String]? {
        switch AreaLevel(code: areaCode) {
        case .municipality: placeIndex[areaCode] == nil ? nil : [areaCode]
        case .ggdRegion: regionNames[areaCode] == nil ? nil : places.filter { $0.ggdCode == areaCode }.map(\.code)
        case .province: provinceNames[areaCode] == nil ? nil : places.filter { $0.provinceCode == areaCode }.map(\.code)
        case .country: places.map(\.code)
        case nil: nil
        }
    }

    func name(of areaCode: String) -> String? {
        switch AreaLevel(code: areaCode) {
        case .municipality: placeIndex[areaCode].map { places[$0].name }
        case .ggdRegion: regionNames[areaCode]
        case .province: provinceNames[areaCode]
        case .country: "Nederland"
        case nil: nil
        }
    }

    /// Every area above the municipality level, each with its members: the groups whose totals are published.
    var aggregateAreas: [(code: String, members: [Int])] {
        var regions: [String: [Int]] = [:], provinces: [String: [Int]] = [:]
        for (i, p) in places.enumerated() {
            regions[p.ggdCode, default: []].append(i)
            provinces[p.provinceCode, default: []].append(i)
        }
        return regions.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
            + provinces.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
            + [(AreaLevel.netherlands, Array(places.indices))]
    }
}

extension AreaDimension {
    /// A coalition as an area: its municipalities on today's boundaries.
    static func coalitionMembers(_ coalition: Coalition, on db: any Database) async throws -> [String] {
        try await coalition.municipalityCodes(on: db)
    }
}
