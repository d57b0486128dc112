import Fluent
import Foundation

/// A municipality (gemeente) of the reference year, keyed by its CBS code (`GM0355` = Zeist).
final class Municipality: Model, @unchecked Sendable {
    static let schema = "municipalities"

    // managed fields
    @ID(custom: .id, generatedBy: .user) var id: String?

    // data fields
    @Field(key: "name") var name: String
    @Field(key: "ggd_code") var ggdCode: String
    @Field(key: "province_code") var provinceCode: String
    @Field(key: "latitude") var latitude: Double
    @Field(key: "longitude") var longitude: Double

    init() {}

    init(code: String, name: String, ggdCode: String, provinceCode: String, latitude: Double, longitude: Double) {
        self.id = code
        self.name = name
        self.ggdCode = ggdCode
        self.provinceCode = provinceCode
        self.latitude = latitude
        self.longitude = longitude
    }
}

/// A GGD region (`GG2514` = GGD regio Utrecht), the level above the municipality.
final class GGDRegion: Model, @unchecked Sendable {
    static let schema = "ggd_regions"

    @ID(custom: .id, generatedBy: .user) var id: String?
    @Field(key: "name") var name: String
    @Field(key: "province_code") var provinceCode: String

    init() {}

    init(code: String, name: String, provinceCode: String) {
        self.id = code
        self.name = name
        self.provinceCode = provinceCode
    }
}

/// A province (`PV26` = Utrecht).
final class Province: Model, @unchecked Sendable {
    static let schema = "provinces"

    @ID(custom: .id, generatedBy: .user) var id: String?
    @Field(key: "name") var name: String

    init() {}

    init(code: String, name: String) {
        self.id = code
        self.name = name
    }
}

extension Municipality {
    /// Reserved code of "Gemeente onbekend": where an imported organisation waits until someone places it
    /// (ADR 0034). Not a CBS municipality: lists, maps, forms and counts leave it out.
    static let unknownCode = "GM0000"
    static let unknownName = "Gemeente onbekend"

    /// Whether a code belongs in lists of municipalities (every code but the reserved one).
    static func isListed(_ code: String) -> Bool { code != unknownCode }

    /// The municipalities people choose from and count: without the reserved "Gemeente onbekend".
    static func listed(on db: any Database) -> QueryBuilder<Municipality> {
        Municipality.query(on: db).filter(\.$id != unknownCode)
    }

    static func allSorted(on db: any Database) async throws -> [Municipality] {
        try await listed(on: db).sort(\.$name).all()
    }
}
