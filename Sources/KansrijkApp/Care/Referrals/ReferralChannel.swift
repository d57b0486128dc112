import Foundation

/// How a service receives referrals, and how a referral went (issue #15, "referrals that land").
/// Stored as its raw value on a referral (`care_referrals.channel`, nil reads as `kansrijk`) and on
/// a service's explicit setting (`service_referral_routes`).
enum ReferralChannel: String, Codable, CaseIterable, Sendable {
    /// Its organisation has active people in Kansrijk who answer referrals on their worklist.
    case kansrijk
    /// Nobody answers in Kansrijk: the sender calls or mails, and records the outcome later.
    case phoneEmail = "telefoon-email"
    /// Another system the coalition agreed on (safeguarding always via the meldcode / Veilig Thuis).
    case elsewhere = "elders"

    /// Whether the product offers "Verwijzen" for it: not for another system.
    var offersReferral: Bool { self != .elsewhere }

    /// The words on screen: `referral.channel.<raw>` in the Strings tables.
    var key: String { "referral.channel.\(rawValue)" }
}
