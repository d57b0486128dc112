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
    static func allSorted(on db: any Database) async throws -> [Municipality] {
        try await Municipality.query(on: db).sort(\.$name).all()
    }
}
