import Foundation
import Vapor

/// An ambition: its phase, what it aims at, the indicators that should move, and the directory
/// services it created.
struct AmbitionForm: Content, Sendable {
    var phase: String?
    var title: String?
    var description: String?
    var indicators: String?
    var services: [String]?

    struct Valid { var phase: AmbitionPhase; var title: String; var description: String; var indicators: [String]; var serviceIDs: [UUID] }

    func validate(allowedServices: Set<UUID>, english: Bool) -> Result<Valid, FieldErrors> {
        let m = WorkspaceMessages(english: english)
        var errors = FieldErrors()
        let phase = AmbitionPhase(rawValue: FormInput.text(self.phase) ?? "")
        if phase == nil { errors["phase"] = m.choice }
        let title = FormInput.limited(self.title, "title", max: 200, required: true, &errors, m)
        let description = FormInput.limited(self.description, "description", max: 2000, required: false, &errors, m) ?? ""
        let (codes, invalid) = IndicatorCodes.parse(indicators ?? "")
        if !invalid.isEmpty { errors["indicators"] = m.indicators(invalid) }
        let ids = (services ?? []).map { UUID(uuidString: $0) }
        if ids.contains(where: { $0 == nil || !allowedServices.contains($0!) }) { errors["services"] = m.choice }
        guard errors.isEmpty, let phase, let title else { return .failure(errors) }
        return .success(Valid(phase: phase, title: title, description: description, indicators: codes,
                              serviceIDs: Array(Set(ids.compactMap { $0 })).sorted { $0.uuidString < $1.uuidString }))
    }
}

/// A concrete goal under an ambition.
struct GoalForm: Content, Sendable {
    var title: String?
    var measure: String?

    struct Valid { var title: String; var measure: String }

    func validate(english: Bool) -> Result<Valid, FieldErrors> {
        let m = WorkspaceMessages(english: english)
        var errors = FieldErrors()
        let title = FormInput.limited(self.title, "goal_title", max: 300, required: true, &errors, m)
        let measure = FormInput.limited(self.measure, "goal_measure", max: 500, required: false, &errors, m) ?? ""
        guard errors.isEmpty, let title else { return .failure(errors) }
        return .success(Valid(title: title, measure: measure))
    }
}

/// An activity of the action agenda.
struct ActivityForm: Content, Sendable {
    var title: String?
    var goal: String?
    var owner: String?
    var status: String?
    var startsOn: String?
    var endsOn: String?

    enum CodingKeys: String, CodingKey {
        case title, goal, owner, status
        case startsOn = "starts_on", endsOn = "ends_on"
    }

    struct Valid { var title: String; var goalID: UUID?; var ownerID: UUID?; var status: ActivityStatus; var startsOn: Date; var endsOn: Date? }

    /// `goals` of this ambition, `partners` of this coalition (current or not: an owner may have left).
    func validate(goals: Set<UUID>, partners: Set<UUID>, english: Bool) -> Result<Valid, FieldErrors> {
        let m = WorkspaceMessages(english: english)
        var errors = FieldErrors()
        let title = FormInput.limited(self.title, "activity_title", max: 300, required: true, &errors, m)
        var goalID: UUID?
        if FormInput.text(goal) != nil {
            goalID = FormInput.uuid(goal)
            if goalID == nil || !goals.contains(goalID!) { errors["goal"] = m.choice }
        }
        var ownerID: UUID?
        if FormInput.text(owner) != nil {
            ownerID = FormInput.uuid(owner)
            if ownerID == nil || !partners.contains(ownerID!) { errors["owner"] = m.choice }
        }
        let status = ActivityStatus(rawValue: FormInput.text(self.status) ?? "")
        if status == nil { errors["status"] = m.choice }
        let starts = FormInput.day(startsOn, "starts_on", required: true, &errors, m)
        let ends = FormInput.day(endsOn, "ends_on", required: false, &errors, m)
        if let starts, let ends, ends < starts { errors["ends_on"] = m.endBeforeStart }
        guard errors.isEmpty, let title, let status, let starts else { return .failure(errors) }
        return .success(Valid(title: title, goalID: goalID, ownerID: ownerID, status: status, startsOn: starts, endsOn: ends))
    }
}
