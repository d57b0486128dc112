import Fluent
import Foundation

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

    static func load(on db: any Database) async throws -> CoalitionCoverage {
        let coalitions = try await Coalition.query(on: db).with(\.$areas).all()
        let stages = try await StageTimeline.currentStages(of: coalitions.compactMap(\.id), on: db)
        var byCode: [String: [Covering]] = [:]
        var members: [(name: String, codes: [String])] = []
        for c in coalitions {
            let codes = c.areas.map(\.municipalityCode).sorted()
            members.append((c.name, codes))
            let covering = Covering(name: c.name, slug: c.slug, stage: c.id.flatMap { stages[$0] })
            for code in codes { byCode[code, default: []].append(covering) }
        }
        return CoalitionCoverage(coalitions: byCode.mapValues { $0.sorted { $0.name < $1.name } },
                                 members: members.sorted { $0.name < $1.name })
    }
}
