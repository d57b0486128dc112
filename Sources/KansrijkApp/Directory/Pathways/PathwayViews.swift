import Fluent
import Foundation

/// A pathway as read on screen and on paper: steps grouped by phase, in order.
struct PathwayView: Encodable, Sendable {
    struct Step: Encodable, Sendable {
        var id: String
        var number: Int
        var kind: String
        var title: String
        var description: String
        var organisation: String?
        var serviceID: String?
        var serviceName: String?
        var serviceHowTo: String?
        var contactPerson: String?
        var agreement: String?
        var canMoveUp: Bool
        var canMoveDown: Bool
        /// How the step's service receives referrals, when known (issue #15).
        var route: ReceivingModeView? = nil
    }
    struct Phase: Encodable, Sendable { var code: String; var label: String; var steps: [Step] }

    var id: String
    var title: String
    var theme: String
    var themeLabel: String
    var summary: String
    var coalition: String
    var coalitionID: String
    var updated: String?
    var phases: [Phase]
    var stepCount: Int
    /// False for a draft, which only its editors see (issue 15).
    var isPublished: Bool
}

enum PathwaySteps {
    /// Published pathways that name a service in one of their steps (shown on the service page).
    static func pathways(using serviceID: UUID, on db: any Database) async throws -> [ServiceDetailView.Pathway] {
        let steps = try await PathwayStep.query(on: db).filter(\.$serviceID == serviceID).all()
        let ids = Array(Set(steps.map { $0.$pathway.id }))
        guard !ids.isEmpty else { return [] }
        let pathways = try await Pathway.query(on: db).filter(\.$id ~~ ids).filter(\.$isPublished == true).with(\.$coalition).all()
        return pathways.sorted { $0.title < $1.title }.map {
            .init(id: $0.id!.uuidString.lowercased(), title: $0.title, coalition: $0.coalition.name)
        }
    }

    static func view(_ pathway: Pathway, steps: [PathwayStep], coalition: Coalition, snapshot: DirectorySnapshot,
                     organisations: [UUID: String], english: Bool, receiving: ReferralReceiving? = nil) -> PathwayView {
        let slots = PathwayOrdering.ordered(steps.map { .init(id: $0.id!, phase: $0.phase, position: $0.position) })
        let byID = Dictionary(uniqueKeysWithValues: steps.map { ($0.id!, $0) })
        var phases: [PathwayView.Phase] = []
        var number = 0
        let grouped = Dictionary(grouping: slots, by: \.phase)
        for code in slots.map(\.phase).reduce(into: [String](), { if !$0.contains($1) { $0.append($1) } }) {
            let inPhase = grouped[code] ?? []
            let items: [PathwayView.Step] = inPhase.enumerated().map { i, slot in
                let s = byID[slot.id]!
                number += 1
                let service = s.serviceID.flatMap { snapshot.service($0) }
                return .init(id: slot.id.uuidString.lowercased(), number: number, kind: s.kind.label(english: english), title: s.title,
                             description: s.description, organisation: s.organisationID.flatMap { organisations[$0] },
                             serviceID: service?.id.uuidString.lowercased(), serviceName: service?.name,
                             serviceHowTo: service?.applicationProcess, contactPerson: s.contactPerson, agreement: s.agreement,
                             canMoveUp: i > 0, canMoveDown: i < inPhase.count - 1,
                             route: service.flatMap { s in receiving.map { ReceivingModeView($0.mode(of: s), t: { Strings.text($0, english ? .en : .nl) }) } })
            }
            phases.append(.init(code: code, label: Term.find(.fase, code)?.label(english: english) ?? code, steps: items))
        }
        return PathwayView(
            id: pathway.id!.uuidString.lowercased(), title: pathway.title, theme: pathway.theme,
            themeLabel: Term.find(.thema, pathway.theme)?.label(english: english) ?? pathway.theme,
            summary: pathway.summary, coalition: coalition.name, coalitionID: coalition.id!.uuidString.lowercased(),
            updated: pathway.updatedAt.map { DateFormats.date($0, english ? .en : .nl) }, phases: phases, stepCount: steps.count,
            isPublished: pathway.isPublished)
    }
}
