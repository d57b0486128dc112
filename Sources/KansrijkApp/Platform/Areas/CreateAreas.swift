import Fluent

struct CreateAreas: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Province.schema)
            .field(.id, .string, .identifier(auto: false))
            .field("name", .string, .required)
            .create()
        try await database.schema(GGDRegion.schema)
            .field(.id, .string, .identifier(auto: false))
            .field("name", .string, .required)
            .field("province_code", .string, .required)
            .create()
        try await database.schema(Municipality.schema)
            .field(.id, .string, .identifier(auto: false))
            .field("name", .string, .required)
            .field("ggd_code", .string, .required)
            .field("province_code", .string, .required)
            .field("latitude", .double, .required)
            .field("longitude", .double, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Municipality.schema).delete()
        try await database.schema(GGDRegion.schema).delete()
        try await database.schema(Province.schema).delete()
    }
}

/// Loads the 342 municipalities and 25 GGD regions of 2025 with their province.
/// Reference data, so it belongs to the schema's history rather than to the demo.
struct SeedAreas2025: AsyncMigration {
    let dataDirectory: String

    func prepare(on database: any Database) async throws {
        let reference = try AreaReference.load(dataDirectory: dataDirectory)
        try await database.writeTransaction { db in
            for p in AreaReference.provinces { try await Province(code: p.code, name: p.name).create(on: db) }
            for r in reference.regions { try await GGDRegion(code: r.code, name: r.name, provinceCode: r.provinceCode).create(on: db) }
            for m in reference.municipalities {
                try await Municipality(code: m.code, name: m.name, ggdCode: m.ggdCode, provinceCode: m.provinceCode,
                                       latitude: m.latitude, longitude: m.longitude).create(on: db)
            }
        }
    }

    func revert(on database: any Database) async throws {
        try await Municipality.query(on: database).delete()
        try await GGDRegion.query(on: database).delete()
        try await Province.query(on: database).delete()
    }
}
