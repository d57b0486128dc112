import Fluent
import Vapor

/// What the referral form adds so that a referral lands (issue #15): the organisations the client's
/// consent covers, and how the chosen service receives referrals, with its phone and e-mail when
/// the sender must call or mail.
struct ReferralLanding: Encodable {
    /// Organisations a consent in force covers for referring, by name.
    var covered: [String]
    /// Said when the consent does not cover the chosen service's organisation.
    var uncovered: String?
    var mode: ReceivingModeView?
    /// The chosen service's name, for the sentences around `mode`.
    var service: String?
    /// Set when the form must be sent once more to record the referral outside Kansrijk: the
    /// hidden `channel` field's value, which confirms the sender read the warning.
    var confirm: String?
    /// The form came back for that confirmation: the warning is shown as the page's alert.
    var mustConfirm = false
}

/// The typed referral carried through the consent step, so that recording a missing consent
/// returns to the form with everything kept.
struct ReferralCarry: Content, Encodable, Sendable {
    var referralService: String?
    var referralReason: String?
    var referralAgreed: String?
    var referralChannel: String?

    enum CodingKeys: String, CodingKey {
        case referralService = "referral_service", referralReason = "referral_reason"
        case referralAgreed = "referral_agreed", referralChannel = "referral_channel"
    }

    init(_ form: ReferralForm) {
        referralService = form.service; referralReason = form.reason; referralAgreed = form.agreed; referralChannel = form.channel
    }

    /// Carried fields arrived (the consent form was opened from the referral form).
    var isPresent: Bool { referralService != nil || referralReason != nil || referralAgreed != nil }

    var form: ReferralForm { ReferralForm(service: referralService, reason: referralReason, agreed: referralAgreed, channel: referralChannel) }
}

extension ReferralLanding {
    /// The hidden field's value: the channel and the service it was shown for (another service chosen
    /// afterwards must show its own way first).
    static func confirmation(_ channel: ReferralChannel, _ service: UUID) -> String { "\(channel.rawValue):\(service.slug)" }

    /// `confirming`: the form was posted without the confirmation the service's channel needs.
    static func make(_ req: Request, client: CareClient, form: ReferralForm, confirming: Bool, now: Date) async throws -> ReferralLanding {
        let clientID = try client.requireID()
        let consents = try await Consent.query(on: req.db).filter(\.$client.$id == clientID).filter(\.$withdrawnAt == nil)
            .with(\.$organisations) { $0.with(\.$organisation) }.all()
            .filter { $0.isValid(at: now) && $0.purposes.contains(.refer) }
        let coveredIDs = Set(consents.flatMap { $0.organisations.map { $0.$organisation.id } })
        let covered = Set(consents.flatMap { $0.organisations.map(\.organisation.name) }).sorted()
        guard let chosen = FormInput.uuid(form.service).flatMap({ id in
            ReferralTargets.services(for: client, snapshot: req.directory).first { $0.id == id }
        }) else { return ReferralLanding(covered: covered) }
        let mode = try await req.referralReceiving().mode(of: chosen)
        return ReferralLanding(
            covered: covered,
            uncovered: coveredIDs.contains(chosen.organisationID) ? nil
                : req.t("referral.consent.uncovered").replacingOccurrences(of: "{organisation}", with: chosen.organisationName),
            mode: ReceivingModeView(mode, t: req.t), service: chosen.name,
            confirm: mode.channel == .kansrijk ? nil : confirmation(mode.channel, chosen.id), mustConfirm: confirming && mode.channel != .kansrijk)
    }
}

extension ReferralController {
    /// The channel to record: Kansrijk when the service receives there; otherwise its channel once
    /// the sender confirmed it (the form's `channel` field), or nil when she has yet to read the warning.
    static func confirmedChannel(_ request: ReferralDesk.Request, form: ReferralForm, _ req: Request) async throws -> ReferralChannel? {
        guard let service = req.directory.service(request.serviceID) else { return nil }
        let mode = try await req.referralReceiving().mode(of: service)
        if mode.channel == .kansrijk { return .kansrijk }
        return FormInput.text(form.channel) == ReferralLanding.confirmation(mode.channel, service.id) ? mode.channel : nil
    }
}
