import Foundation

/// How a service receives referrals, in the reader's words (issue #15): the service page, the
/// pathway steps, the referral form and the search results show the same badge and sentence.
struct ReceivingModeView: Encodable, Sendable {
    /// `ReferralChannel` raw value; the badge's class is `route-<channel>`.
    var channel: String
    /// The badge: "Verwijzen via Kansrijk", "Verwijzen per telefoon of e-mail", "Verwijzen via een ander systeem".
    var label: String
    /// One sentence on what the sender does.
    var explanation: String
    var phone: String?
    /// `tel:` address in international form, as every phone link (`PhoneLink`).
    var phoneHref: String?
    var email: String?
    var whereText: String?
    /// The where-text when it is a web address (shown as a link).
    var whereURL: String?
    /// Kansrijk was set but nobody answers there: said in words.
    var warning: String?
    /// Whether "Verwijzen" is offered (not for another system).
    var offersReferral: Bool
    /// On the referral form: how sending records it ("wordt vastgelegd als verwezen per telefoon of e-mail").
    var recordNote: String

    init(_ mode: ReferralReceiving.Mode, t: (String) -> String) {
        channel = mode.channel.rawValue
        label = t(mode.channel.key)
        explanation = t(mode.channel.key + ".explain")
        phone = mode.phone
        phoneHref = mode.phone.flatMap(PhoneLink.href)
        email = mode.email
        whereText = mode.whereText
        whereURL = mode.whereText.flatMap { ServiceForm.isWebAddress($0) ? $0 : nil }
        warning = mode.noReceivers ? t("referral.channel.noreceivers") : nil
        offersReferral = mode.channel.offersReferral
        recordNote = t(mode.channel.key + ".record")
    }
}
