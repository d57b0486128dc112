import Fluent
import Foundation

/// A coalition's path through the stages: which it reached, when, and where it is now.
enum StageTimeline {
    struct Reached: Sendable, Equatable {
        var stage: CoalitionStage
        var on: Date
        var evidence: String
    }

    struct Step: Sendable, Equatable {
        var stage: CoalitionStage
        var reached: Reached?
        var isCurrent: Bool
    }

    /// The furthest stage reached; coalitions do not always go in order, so it is the furthest,
    /// not the latest.
    static func current(_ reached: [Reached]) -> CoalitionStage? {
        reached.map(\.stage).max { $0.order < $1.order }
    }

    static func steps(_ reached: [Reached]) -> [Step] {
        let current = current(reached)
        let byStage = Dictionary(reached.map { ($0.stage, $0) }, uniquingKeysWith: { a, _ in a })
        return CoalitionStage.allCases.map { Step(stage: $0, reached: byStage[$0], isCurrent: $0 == current) }
    }
}

extension StageTimeline {
    /// The current stage of each of these coalitions that recorded one. Also the national
    /// overview's way to show a coalition's stage.
    static func currentStages(of coalitionIDs: [UUID], on db: any Database) async throws -> [UUID: CoalitionStage] {
        guard !coalitionIDs.isEmpty else { return [:] }
        let milestones = try await StageMilestone.query(on: db).filter(\.$coalition.$id ~~ coalitionIDs).all()
        return Dictionary(grouping: milestones, by: { $0.$coalition.id }).compactMapValues { list in
            current(list.map { Reached(stage: $0.stage, on: $0.reachedOn, evidence: $0.evidence) })
        }
    }
}
