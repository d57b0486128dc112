import Fluent
import Vapor

/// What the referral page adds for issue #15: the status's colour and "te laat" in words, how the
/// referral went (Kansrijk, phone or e-mail, elsewhere), and for a referral outside Kansrijk the
/// service's phone and e-mail and the sender's record of whether contact was made.
struct ReferralShowExtras: Encodable {
    /// `ReferralStatus` raw value: the badge's class is `status-<raw>`.
    var statusKey: String
    /// "te laat: geen reactie binnen 5 dagen (nu 8 dagen)", when the referral is overdue.
    var overdue: String?
    var channelKey: String
    var channelLabel: String
    /// Outside Kansrijk: how to reach the service now.
    var contact: ReceivingModeView?
    var canRecordContact: Bool
    var outcome: String?
    /// Today, for the date field's default and maximum.
    var today: String
    var reminder: String
    var errors: FieldErrors
    var errorList: [ErrorLink]

    static func make(_ req: Request, referral: Referral, sides: Set<ReferralSide>, errors: FieldErrors, now: Date) async throws -> ReferralShowExtras {
        let channel = referral.channel
        var contact: ReceivingModeView?
        if channel != .kansrijk, let service = req.directory.service(referral.serviceID) {
            contact = ReceivingModeView(try await req.referralReceiving().mode(of: service), t: req.t)
        }
        var outcome: String?
        switch referral.contactOutcome {
        case .made?:
            outcome = req.t("referral.contact.outcome.made")
                .replacingOccurrences(of: "{day}", with: referral.firstContactAt.map { req.date($0) } ?? "—")
        case .notMade?: outcome = req.t("referral.contact.outcome.notmade")
        case nil: outcome = nil
        }
        return ReferralShowExtras(
            statusKey: referral.status.rawValue,
            overdue: channel == .kansrijk ? ReferralStatusWords.overdue(referral, req: req, now: now) : nil,
            channelKey: channel.rawValue, channelLabel: req.t("referral.sent." + channel.rawValue), contact: contact,
            canRecordContact: sides.contains(.sender) && channel != .kansrijk && referral.contactOutcome == nil && !referral.status.isClosed,
            outcome: outcome, today: CalendarDay.iso(CalendarDay.day(at: now)),
            reminder: req.t("referral.contact.reminder").replacingOccurrences(of: "{days}", with: String(req.application.careSettings.contactReminderDays)),
            errors: errors, errorList: ErrorLink.list(errors, order: ["outcome", "contact_day", "contact_reason"]))
    }
}

/// "te laat" in words, the same on the worklist and the referral page.
enum ReferralStatusWords {
    static func overdue(_ r: Referral, req: Request, now: Date) -> String? {
        overdue(status: r.status, requestedAt: r.requestedAt, statusChangedAt: r.statusChangedAt, alternative: r.alternative, t: req.t, now: now)
    }

    static func overdue(status: ReferralStatus, requestedAt: Date, statusChangedAt: Date, alternative: String?,
                        t: (String) -> String, now: Date) -> String? {
        guard let late = Escalation.overdue(status: status, requestedAt: requestedAt, statusChangedAt: statusChangedAt,
                                            alternative: alternative, hasNewerReferral: false, ladder: [], now: now) else { return nil }
        let limit = Escalation.defaultLadder.map(\.afterDays).min() ?? late.step.afterDays
        // "1 dag", "5 dagen": the count with its noun in the right number
        return t(late.cause == .notAccepted ? "referral.overdue.noreply" : "referral.overdue.noalternative")
            .replacingOccurrences(of: "{limit}", with: Plural.text(limit, "escalation.daysword", t: t))
            .replacingOccurrences(of: "{days}", with: Plural.text(late.days, "escalation.daysword", t: t))
    }
}

/// The sender's record of a referral outside Kansrijk, as posted.
struct ReferralContactForm: Content, Sendable {
    var outcome: String?
    var day: String?
    var reason: String?

    enum CodingKeys: String, CodingKey {
        case outcome
        case day = "contact_day"
        case reason = "contact_reason"
    }
}

extension ReferralController {
    /// `POST /zorg/verwijzingen/:referral/contact`: the sender records whether contact was made.
    @Sendable func recordContact(req: Request) async throws -> Response {
        let (user, access) = try await req.careAccess()
        let now = Date()
        let (referral, client, basis) = try await load(req, access: access, now: now)
        let form = try req.content.decode(ReferralContactForm.self)
        let english = req.isEnglish
        var errors = FieldErrors()
        let outcome = ReferralContactOutcome(rawValue: FormInput.text(form.outcome) ?? "")
        if outcome == nil { errors["outcome"] = english ? "Choose whether there was contact." : "Kies of er contact was." }
        var day: Date?
        if outcome == .made {
            day = CalendarDay.parse(form.day)
            if day == nil { errors["contact_day"] = english ? "Fill in the day of the first contact." : "Vul de dag van het eerste contact in." }
        }
        if outcome == .notMade, FormInput.text(form.reason) == nil {
            errors["contact_reason"] = english ? "Fill in why no contact came about." : "Vul in waarom er geen contact kwam."
        }
        if (form.reason ?? "").count > 2000 { errors["contact_reason"] = FieldMessages(english: english).tooLong(2000) }
        if errors.isEmpty, let outcome {
            do {
                try await ReferralDesk(db: req.db, notifier: Notifier(app: req.application))
                    .recordContact(referral, outcome: outcome, on: day, reason: form.reason, by: user, basis: basis, now: now)
                req.flash(req.t("referral.contact.recorded"))
                return req.redirect(to: "/zorg/verwijzingen/\(referral.id!.slug)")
            } catch let refusal as ReferralDesk.ContactRefusal {
                switch refusal {
                case .badDay: errors["contact_day"] = english ? "Choose a day from the referral until today." : "Kies een dag vanaf de verwijzing tot en met vandaag."
                case .notSender, .inKansrijk, .alreadyRecorded: errors["outcome"] = req.t("referral.contact.refused")
                }
            } catch ReferralDesk.Refusal.lifecycle(let refusal) {
                errors["contact_reason"] = Self.message(refusal, req)
            }
        }
        try await req.audit(.read, client: client.id, basis: basis, what: "referral \(referral.id!.slug) (contact record not valid)", now: now)
        return try await render(req, referral: referral, client: client, user: user, error: nil, contactErrors: errors)
            .encodeResponse(status: .unprocessableEntity, for: req)
    }
}
