import Fluent
import Foundation

extension RouteProposal {
    /// The published zorgpaden of the coalitions that include the municipality.
    static func pathways(for municipality: String, on db: any Database) async throws -> [PathwayInput] {
        let coalitionIDs = try await CoalitionMunicipality.query(on: db).filter(\.$municipalityCode == municipality).all()
            .map { $0.$coalition.id }
        guard !coalitionIDs.isEmpty else { return [] }
        let rows = try await Pathway.query(on: db).filter(\.$coalition.$id ~~ coalitionIDs).filter(\.$isPublished == true)
            .with(\.$steps).sort(\.$title).all()
        return rows.map { p in
            PathwayInput(id: p.id!, title: p.title, theme: p.theme, steps: p.steps.map {
                .init(phase: $0.phase, position: $0.position, kind: $0.kind, title: $0.title, serviceID: $0.serviceID)
            })
        }
    }
}
