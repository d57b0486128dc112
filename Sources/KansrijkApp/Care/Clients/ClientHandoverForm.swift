import Foundation
import Vapor

/// A warm handover as the professional fills it in (issue #15): the receiving service, a short
/// summary, what was agreed with the parent, and the parent's consent to share the summary.
struct ClientHandoverForm: Content, Sendable {
    var service: String?
    var summary: String?
    var agreed: String?
    var consent: String?
    var givenBy: String?
    var recordedHow: String?

    enum CodingKeys: String, CodingKey {
        case service, summary, agreed, consent
        case givenBy = "given_by"
        case recordedHow = "recorded_how"
    }

    struct Valid: Sendable {
        var target: ServiceRecord
        var summary: String
        var agreed: String
        var givenBy: ConsentGiver
        var recordedHow: ConsentRecording
    }

    func validate(targets: [ClientHandover.Target], english: Bool) -> Result<Valid, FieldErrors> {
        let m = ClientRecordMessages(english: english), w = CareMessages(english: english).workspace
        var errors = FieldErrors()
        let target = FormInput.uuid(service).flatMap { id in targets.first { $0.service.id == id } }
        if target == nil { errors["service"] = m.target }
        let summary = FormInput.limited(self.summary, "summary", max: 2000, required: true, &errors, w)
        if errors["summary"] == w.required { errors["summary"] = m.summary }
        let agreed = FormInput.limited(self.agreed, "agreed", max: 1000, required: true, &errors, w)
        if errors["agreed"] == w.required { errors["agreed"] = m.agreed }
        if !FormInput.ticked(consent) { errors["consent"] = m.consent }
        let giver = FormInput.text(givenBy).flatMap(ConsentGiver.init(rawValue:))
        if giver == nil { errors["given_by"] = m.givenBy }
        let how = FormInput.text(recordedHow).flatMap(ConsentRecording.init(rawValue:))
        if how == nil { errors["recorded_how"] = m.recordedHow }
        guard errors.isEmpty, let target, let summary, let agreed, let giver, let how else { return .failure(errors) }
        return .success(Valid(target: target.service, summary: summary, agreed: agreed, givenBy: giver, recordedHow: how))
    }
}

/// Closing the care with a reason (issue #15): the form is the confirmation.
struct ClientCloseForm: Content, Sendable {
    var reason: String?
    var note: String?

    func validate(english: Bool) -> Result<(ClosingReason, String?), FieldErrors> {
        let m = ClientRecordMessages(english: english), w = CareMessages(english: english).workspace
        var errors = FieldErrors()
        let reason = FormInput.text(self.reason).flatMap(ClosingReason.init(rawValue:))
        if reason == nil { errors["reason"] = m.closeReason }
        let note = FormInput.limited(self.note, "note", max: 500, required: reason == .other, &errors, w)
        if errors["note"] == w.required { errors["note"] = m.closeNote }
        guard errors.isEmpty, let reason else { return .failure(errors) }
        return .success((reason, note))
    }
}
