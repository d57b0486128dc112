import Foundation
import Vapor

/// Records the day a coalition reached a stage, and what showed it.
struct StageForm: Content, Sendable {
    var stage: String?
    var reachedOn: String?
    var evidence: String?

    enum CodingKeys: String, CodingKey {
        case stage, evidence
        case reachedOn = "reached_on"
    }

    struct Valid { var stage: CoalitionStage; var reachedOn: Date; var evidence: String }

    /// `reached` holds the stages already recorded, with their day written out.
    func validate(reached: [CoalitionStage: String], today: Date, english: Bool) -> Result<Valid, FieldErrors> {
        let m = WorkspaceMessages(english: english)
        var errors = FieldErrors()
        let stage = CoalitionStage(rawValue: FormInput.text(self.stage) ?? "")
        if let stage, let day = reached[stage] { errors["stage"] = m.stageTwice(day) }
        else if stage == nil { errors["stage"] = m.choice }
        let day = FormInput.day(reachedOn, "reached_on", required: true, &errors, m)
        if let day, day > today { errors["reached_on"] = m.stageFuture }
        let evidence = FormInput.limited(self.evidence, "evidence", max: 500, required: true, &errors, m)
        guard errors.isEmpty, let stage, let day, let evidence else { return .failure(errors) }
        return .success(Valid(stage: stage, reachedOn: day, evidence: evidence))
    }
}
