import Vapor

/// A referral as the professional fills it in from a client page.
struct ReferralForm: Content, Sendable {
    var service: String?
    var reason: String?
    var agreed: String?
    /// The channel the sender confirmed after reading how the service receives referrals (issue #15).
    var channel: String?

    func validate(services: [ServiceRecord], english: Bool) -> Result<ReferralDesk.Request, FieldErrors> {
        let m = CareMessages(english: english).workspace
        var errors = FieldErrors()
        let chosen = FormInput.uuid(service).flatMap { id in services.first { $0.id == id } }
        if chosen == nil { errors["service"] = m.choice }
        let reason = FormInput.limited(self.reason, "reason", max: 2000, required: true, &errors, m)
        let agreed = FormInput.limited(self.agreed, "agreed", max: 2000, required: true, &errors, m)
        guard errors.isEmpty, let chosen, let reason, let agreed else { return .failure(CareMessages(english: english).naming(errors)) }
        return .success(ReferralDesk.Request(service: chosen, reason: reason, agreed: agreed))
    }
}

/// A status change as posted from the referral page.
struct ReferralMoveForm: Content, Sendable {
    var to: String?
    var reason: String?
    var alternative: String?
}
