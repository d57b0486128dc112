import Fluent
import Foundation
import SQLKit
import Vapor

/// The reference areas and every municipality's row, read in a handful of queries.
struct NationalData: Sendable {
    var provinces: [(code: String, name: String)]
    var regions: [(code: String, name: String)]
    var rows: [NationalRow]

    var hasDemo: Bool { rows.contains(where: \.isDemo) }
    var entries: [NationalFigures.Entry] { rows.map(\.figuresEntry) }

    func row(_ code: String) -> NationalRow? { rows.first { $0.code == code } }

    /// Reads with SQLKit rather than Fluent models: Fluent decodes models by reflection, which
    /// for the 684 rows this page reads cost about a third of the request (bench/README.md).
    /// Both our drivers (SQLite, PostgreSQL) are SQL databases.
    static func load(on db: any Database) async throws -> NationalData {
        guard let sql = db as? any SQLDatabase else { throw Abort(.internalServerError, reason: "the national overview needs an SQL database") }
        let provinces = try await Province.query(on: db).all().map { (code: $0.id!, name: $0.name) }
        let regions = try await GGDRegion.query(on: db).all().map { (code: $0.id!, name: $0.name) }
        let municipalities = try await AreaDimension.places(on: db)
        let participation = try await sql.select().columns("*").from(MunicipalityParticipation.schema)
            .all(decoding: ParticipationColumns.self)
        let byCode = Dictionary(participation.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let coverage = try await CoalitionCoverage.load(on: db)
        let provinceNames = Dictionary(uniqueKeysWithValues: provinces.map { ($0.code, $0.name) })
        let regionNames = Dictionary(uniqueKeysWithValues: regions.map { ($0.code, $0.name) })
        let rows = municipalities.map { m -> NationalRow in
            let p = byCode[m.code]
            return NationalRow(code: m.code, name: m.name, provinceCode: m.provinceCode, provinceName: provinceNames[m.provinceCode] ?? m.provinceCode,
                               ggdCode: m.ggdCode, ggdName: regionNames[m.ggdCode] ?? m.ggdCode,
                               facts: p?.facts, isDemo: p?.is_demo ?? false, sourceNote: p?.source_note, updatedAt: p?.updated_at,
                               coalitions: (coverage.coalitions[m.code] ?? []).map(\.name), stage: coverage.stage(of: m.code))
        }
        return NationalData(provinces: DutchFold.sorted(provinces, by: \.name), regions: DutchFold.sorted(regions, by: \.name),
                            rows: DutchFold.sorted(rows, by: \.name))
    }

    /// CBS code -> name of every municipality (for the library, imports and forms).
    static func municipalityNames(on db: any Database) async throws -> [String: String] {
        guard let sql = db as? any SQLDatabase else { throw Abort(.internalServerError, reason: "the national overview needs an SQL database") }
        let rows = try await sql.select().columns("id", "name").from(Municipality.schema)
            .where("id", .notEqual, Municipality.unknownCode).all(decoding: NameColumns.self)
        return Dictionary(rows.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
    }

    private struct NameColumns: Decodable {
        var id: String
        var name: String
    }

    private struct ParticipationColumns: Decodable {
        var id: String
        var tranche: Tranche
        var is_gids: Bool
        var has_joint_plan: Bool
        var has_prenatal_visit: Bool
        var has_nnz: Bool
        var inhabitants: Int
        var is_demo: Bool
        var source_note: String
        var updated_at: Date?

        var facts: ParticipationFacts {
            ParticipationFacts(tranche: tranche, isGIDS: is_gids, hasJointPlan: has_joint_plan,
                               hasPrenatalVisit: has_prenatal_visit, hasNNZ: has_nnz, inhabitants: inhabitants)
        }
    }
}
