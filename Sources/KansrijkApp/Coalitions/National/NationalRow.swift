import Foundation

/// One municipality in the national overview: where it lies, its participation (nil when it has
/// not reported), and the coalitions on the platform that cover it.
struct NationalRow: Sendable, Equatable {
    var code: String
    var name: String
    var provinceCode: String
    var provinceName: String
    var ggdCode: String
    var ggdName: String
    var facts: ParticipationFacts?
    var isDemo: Bool
    var sourceNote: String?
    var updatedAt: Date?
    /// Names of the coalitions registered on the platform that work for this municipality.
    var coalitions: [String]
    /// The furthest stage of the coalitions covering it, as their workspaces record it.
    var stage: CoalitionStage?

    var tranche: Tranche? { facts?.tranche }

    var figuresEntry: NationalFigures.Entry {
        NationalFigures.Entry(code: code, provinceCode: provinceCode, ggdCode: ggdCode, answered: facts != nil,
                              hasCoalition: (facts?.tranche.isParticipating ?? false) || !coalitions.isEmpty,
                              hasJointPlan: facts?.hasJointPlan ?? false, hasNNZ: facts?.hasNNZ ?? false,
                              hasPrenatalVisit: facts?.hasPrenatalVisit ?? false)
    }

    var fundingInput: ImpulseFunding.Input? {
        facts.map { ImpulseFunding.Input(code: code, tranche: $0.tranche, isGIDS: $0.isGIDS, inhabitants: $0.inhabitants) }
    }
}
