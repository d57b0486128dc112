import Vapor

/// The consent step inside a referral (issue #15): the referral form, refused for want of consent,
/// posts what was typed here; the consent form opens with the purpose and the organisation ticked
/// and carries the referral along, and once the consent is recorded the referral form comes back
/// with everything kept.
extension ConsentController {
    @Sendable func startForReferral(req: Request) async throws -> View {
        let (_, access) = try await req.careAccess()
        let now = Date()
        let (client, basis) = try await req.careClient(access, now: now)
        let carry = try req.content.decode(ReferralCarry.self)
        try await req.audit(.read, client: client.id, basis: basis, what: "consent form (from the referral form)", now: now)
        let service = FormInput.uuid(carry.referralService).flatMap { id in
            ReferralTargets.services(for: client, snapshot: req.directory).first { $0.id == id }
        }
        let form = ClientConsentForm(givenBy: "client", purposes: [ConsentPurpose.refer.rawValue],
                                     organisations: service.map { [$0.organisationID.slug] } ?? [],
                                     validFrom: CalendarDay.iso(CalendarDay.day(at: now)), recordedHow: "verbal")
        return try await render(req, client: client, form: form, errors: [:], carry: carry)
    }

    /// The referral form again, as it was typed, now that the consent is recorded.
    func backToReferral(_ req: Request, client: CareClient, carry: ReferralCarry) async throws -> Response {
        req.flash(req.t("referral.consent.back"))
        return try await ReferralController().renderNew(req, client: client, form: carry.form, refusal: nil, errors: [:])
            .encodeResponse(for: req)
    }
}
