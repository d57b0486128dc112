import Fluent
import Foundation

/// The stages a coalition goes through, in order (after the programme's own step plan).
enum CoalitionStage: String, Codable, CaseIterable, Sendable {
    /// Verkennen en ontmoeten: partners get to know each other.
    case explore = "verkennen"
    /// Startbijeenkomst: the first official meeting with partners.
    case startMeeting = "startbijeenkomst"
    /// Gezamenlijke ambities.
    case ambitions = "ambities"
    /// Doelen en maatschappelijke resultaten.
    case goals = "doelen"
    /// Interventies en inrichting.
    case interventions = "interventies"
    /// Monitoren en bijsturen.
    case monitoring = "monitoring"
    /// Geborgd: part of the regular work and budgets.
    case sustained = "geborgd"

    var order: Int { Self.allCases.firstIndex(of: self)! }
}

/// The day a coalition reached a stage and what showed it ("startbijeenkomst met 14 partners").
final class StageMilestone: Model, @unchecked Sendable {
    static let schema = "coalition_stage_milestones"

    // managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    // data fields
    @Field(key: "stage") var stage: CoalitionStage
    /// Calendar day (see `CalendarDay`).
    @Field(key: "reached_on") var reachedOn: Date
    @Field(key: "evidence") var evidence: String

    // relationships
    @Parent(key: "coalition_id") var coalition: Coalition

    init() {}

    init(id: UUID? = nil, coalitionID: UUID, stage: CoalitionStage, reachedOn: Date, evidence: String) {
        self.id = id
        self.$coalition.id = coalitionID
        self.stage = stage
        self.reachedOn = reachedOn
        self.evidence = evidence
    }
}
