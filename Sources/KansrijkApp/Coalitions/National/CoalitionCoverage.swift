import Fluent
import Foundation
import SQLKit

/// Which coalitions registered on the platform work for which municipalities, and how far they
/// are (the furthest stage the coalition workspace recorded).
struct CoalitionCoverage: Sendable {
    struct Covering: Sendable, Equatable {
        var name: String
        var slug: String
        var stage: CoalitionStage?
    }

    /// Municipality code -> the coalitions covering it, by name.
    var coalitions: [String: [Covering]]
    /// Every coalition with its municipality codes, for funding per coalition.
    var members: [(name: String, codes: [String])]

    /// The stage shown for a municipality: the furthest of the coalitions covering it.
    func stage(of code: String) -> CoalitionStage? {
        (coalitions[code] ?? []).compactMap(\.stage).max { $0.order < $1.order }
    }

    /// Two SQL reads rather than `Coalition.query(...).with(\.$areas)`: Fluent's eager loader
    /// matches every coalition against every area through reflection, which was half of the
    /// national overview's CPU with 275 coalitions (bench/README.md, "The whole country").
    static func load(on db: any Database) async throws -> CoalitionCoverage {
        let coalitions = try await db.readAll("SELECT id, name, slug FROM coalitions", pool: nil) { row in
            (id: try row.decode(column: "id", as: UUID.self), name: try row.decode(column: "name", as: String.self),
             slug: try row.decode(column: "slug", as: String.self))
        }
        var codesOf: [UUID: [String]] = [:]
        try await db.readRows("SELECT coalition_id, municipality_code FROM coalition_municipalities", pool: nil) { row in
            codesOf[try row.decode(column: "coalition_id", as: UUID.self), default: []].append(try row.decode(column: "municipality_code", as: String.self))
        }
        let stages = try await StageTimeline.currentStages(of: coalitions.map(\.id), on: db)
        var byCode: [String: [Covering]] = [:]
        var members: [(name: String, codes: [String])] = []
        for c in coalitions {
            let codes = (codesOf[c.id] ?? []).sorted()
            members.append((c.name, codes))
            let covering = Covering(name: c.name, slug: c.slug, stage: stages[c.id])
            for code in codes { byCode[code, default: []].append(covering) }
        }
        return CoalitionCoverage(coalitions: byCode.mapValues { $0.sorted { $0.name < $1.name } },
                                 members: members.sorted { $0.name < $1.name })
    }
}
