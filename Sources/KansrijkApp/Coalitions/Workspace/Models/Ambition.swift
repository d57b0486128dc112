import Fluent
import Foundation

/// Where in the first 1000 days an ambition works, plus the coalition's own way of working.
enum AmbitionPhase: String, Codable, CaseIterable, Sendable {
    case before = "voor-de-zwangerschap"
    case during = "tijdens-de-zwangerschap"
    case after = "na-de-geboorte"
    case together = "samenwerken"
}

/// One of the coalition's ambitions, the heading of its action agenda.
final class Ambition: Model, @unchecked Sendable {
    static let schema = "coalition_ambitions"

    // managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // data fields
    @Field(key: "phase") var phase: AmbitionPhase
    @Field(key: "title") var title: String
    @Field(key: "description") var description: String
    /// Codes of the indicators that should move (`big2`, `zorg_na_week_10`...), comma-separated;
    /// the monitoring issue gives them their definitions.
    @Field(key: "indicators") var indicators: String
    @Field(key: "position") var position: Int

    // relationships
    @Parent(key: "coalition_id") var coalition: Coalition
    @Children(for: \.$ambition) var goals: [AmbitionGoal]
    @Children(for: \.$ambition) var activities: [AmbitionActivity]

    init() {}

    init(id: UUID? = nil, coalitionID: UUID, phase: AmbitionPhase, title: String, description: String,
         indicators: [String] = [], position: Int) {
        self.id = id
        self.$coalition.id = coalitionID
        self.phase = phase
        self.title = title
        self.description = description
        self.indicators = indicators.joined(separator: ",")
        self.position = position
    }

    var indicatorCodes: [String] { indicators.split(separator: ",").map(String.init) }
}

/// A concrete goal under an ambition ("80% of pregnant women in care before week 10").
final class AmbitionGoal: Model, @unchecked Sendable {
    static let schema = "coalition_goals"

    @ID(key: .id) var id: UUID?
    @Parent(key: "ambition_id") var ambition: Ambition
    @Field(key: "title") var title: String
    /// How the coalition will know the goal is met.
    @Field(key: "measure") var measure: String
    @Field(key: "position") var position: Int

    init() {}

    init(id: UUID? = nil, ambitionID: UUID, title: String, measure: String = "", position: Int) {
        self.id = id
        self.$ambition.id = ambitionID
        self.title = title
        self.measure = measure
        self.position = position
    }
}

enum ActivityStatus: String, Codable, CaseIterable, Sendable {
    case planned = "gepland"
    case running = "loopt"
    case done = "afgerond"
    case stopped = "gestopt"
}

/// An activity of the action agenda: who does it, from when to when, and how far it is.
final class AmbitionActivity: Model, @unchecked Sendable {
    static let schema = "coalition_activities"

    // managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // data fields
    @Field(key: "title") var title: String
    @Field(key: "status") var status: ActivityStatus
    /// Calendar days (see `CalendarDay`).
    @Field(key: "starts_on") var startsOn: Date
    @OptionalField(key: "ends_on") var endsOn: Date?

    // relationships
    @Parent(key: "ambition_id") var ambition: Ambition
    @OptionalParent(key: "goal_id") var goal: AmbitionGoal?
    @OptionalParent(key: "owner_id") var owner: CoalitionPartner?

    init() {}

    init(id: UUID? = nil, ambitionID: UUID, goalID: UUID? = nil, ownerID: UUID?, title: String,
         status: ActivityStatus, startsOn: Date, endsOn: Date? = nil) {
        self.id = id
        self.$ambition.id = ambitionID
        self.$goal.id = goalID
        self.$owner.id = ownerID
        self.title = title
        self.status = status
        self.startsOn = startsOn
        self.endsOn = endsOn
    }
}

/// A directory service that an ambition created or relies on.
final class AmbitionService: Model, @unchecked Sendable {
    static let schema = "coalition_ambition_services"

    @ID(key: .id) var id: UUID?
    @Parent(key: "ambition_id") var ambition: Ambition
    @Field(key: "service_id") var serviceID: UUID

    init() {}

    init(ambitionID: UUID, serviceID: UUID) {
        self.$ambition.id = ambitionID
        self.serviceID = serviceID
    }
}
