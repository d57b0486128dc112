import Foundation
import Vapor

/// A consent as the professional records it with the client.
struct ClientConsentForm: Content, Sendable {
    var givenBy: String?
    var purposes: [String]?
    var organisations: [String]?
    var validFrom: String?
    var validUntil: String?
    var recordedHow: String?

    enum CodingKeys: String, CodingKey {
        case purposes, organisations
        case givenBy = "given_by"
        case validFrom = "valid_from"
        case validUntil = "valid_until"
        case recordedHow = "recorded_how"
    }

    struct Valid: Sendable {
        var givenBy: ConsentGiver; var purposes: Set<ConsentPurpose>; var organisations: [UUID]
        var validFrom: Date; var validUntil: Date?; var recordedHow: ConsentRecording
    }

    /// `allowed` are the organisations one may name (those offering help in the client's municipality).
    func validate(allowed: Set<UUID>, english: Bool) -> Result<Valid, FieldErrors> {
        let m = CareMessages(english: english)
        var errors = FieldErrors()
        let giver = ConsentGiver(rawValue: FormInput.text(givenBy) ?? "")
        if giver == nil { errors["given_by"] = m.workspace.choice }
        let purposes = (self.purposes ?? []).compactMap(ConsentPurpose.init(rawValue:))
        if purposes.isEmpty || purposes.count != (self.purposes ?? []).count { errors["purposes"] = m.purposes }
        let orgs = (organisations ?? []).compactMap(FormInput.uuid)
        if orgs.isEmpty || orgs.count != (organisations ?? []).count || !orgs.allSatisfy(allowed.contains) {
            errors["organisations"] = m.organisations
        }
        let from = FormInput.day(validFrom, "valid_from", required: true, &errors, m.workspace)
        let until = FormInput.day(validUntil, "valid_until", required: false, &errors, m.workspace)
        if let from, let until, until < from { errors["valid_until"] = m.untilBeforeFrom }
        let how = ConsentRecording(rawValue: FormInput.text(recordedHow) ?? "")
        if how == nil { errors["recorded_how"] = m.workspace.choice }
        guard errors.isEmpty, let giver, let from, let how else { return .failure(CareMessages(english: english).naming(errors)) }
        // the end date is the last day it holds: it ends at the start of the next day
        return .success(Valid(givenBy: giver, purposes: Set(purposes), organisations: Array(Set(orgs)), validFrom: from,
                              validUntil: until.map { $0.addingTimeInterval(86_400) }, recordedHow: how))
    }
}
