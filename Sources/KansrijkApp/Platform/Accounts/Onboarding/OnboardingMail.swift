import Foundation

/// The mails of onboarding: an invitation, a notice that an existing account joined coalitions, and
/// a password-reset link. They carry no client data, only what happened and one link.
enum OnboardingMail {
    static func invitation(to email: String, language: UILanguage, inviter: String, organisation: String, link: String,
                           expires: Date) -> MailDraft {
        let en = language == .en
        let until = day(expires, language)
        let layout = MailLayout(
            language: language, greeting: en ? "Hello," : "Beste collega,",
            paragraphs: [
                en ? "\(inviter) invites you to Kansrijk, the platform of the local Kansrijke Start coalition, as part of \(organisation)."
                    : "\(inviter) nodigt u uit voor Kansrijk, het platform van de lokale coalitie Kansrijke Start, namens \(organisation).",
                en ? "Open the link below to choose your name and password. The link works once and until \(until)."
                    : "Open de link hieronder om uw naam en wachtwoord te kiezen. De link werkt één keer en tot en met \(until).",
                en ? "Did you not expect this invitation? Then you can ignore this message."
                    : "Verwachtte u deze uitnodiging niet? Dan kunt u dit bericht negeren.",
            ],
            action: (en ? "Accept the invitation" : "Uitnodiging aannemen", link))
        return layout.draft(to: email, userID: nil, kind: .invitation,
                            subject: en ? "Invitation to Kansrijk" : "Uitnodiging voor Kansrijk")
    }

    static func addedToCoalitions(to user: User, userID: UUID, inviter: String, coalitions: [String], loginLink: String) -> MailDraft {
        let language = user.uiLanguage, en = language == .en
        let names = coalitions.joined(separator: ", ")
        let layout = MailLayout(
            language: language, greeting: en ? "Hello \(user.name)," : "Beste \(user.name),",
            paragraphs: [
                en ? "\(inviter) added you to the coalition(s) \(names) in Kansrijk. You can use your existing account."
                    : "\(inviter) heeft u toegevoegd aan de coalitie(s) \(names) in Kansrijk. U gebruikt uw bestaande account.",
            ],
            action: (en ? "Log in" : "Inloggen", loginLink))
        return layout.draft(to: user.email, userID: userID, kind: .invitation,
                            subject: en ? "You were added to a coalition in Kansrijk" : "U bent toegevoegd aan een coalitie in Kansrijk")
    }

    static func passwordReset(to user: User, userID: UUID, link: String) -> MailDraft {
        let language = user.uiLanguage, en = language == .en
        let layout = MailLayout(
            language: language, greeting: en ? "Hello \(user.name)," : "Beste \(user.name),",
            paragraphs: [
                en ? "Someone asked to set a new password for your Kansrijk account. Open the link below within one hour to choose a new password. The link works once."
                    : "Er is gevraagd om een nieuw wachtwoord voor uw account in Kansrijk. Open de link hieronder binnen een uur om een nieuw wachtwoord te kiezen. De link werkt één keer.",
                en ? "Did you not ask for this? Then you can ignore this message: your password stays the same."
                    : "Heeft u dit niet gevraagd? Dan kunt u dit bericht negeren: uw wachtwoord blijft hetzelfde.",
            ],
            action: (en ? "Choose a new password" : "Nieuw wachtwoord kiezen", link))
        return layout.draft(to: user.email, userID: userID, kind: .passwordReset,
                            subject: en ? "A new password for Kansrijk" : "Nieuw wachtwoord voor Kansrijk")
    }

    static func day(_ date: Date, _ language: UILanguage) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: language == .en ? "en_GB" : "nl_NL")
        formatter.timeZone = TimeZone(identifier: "Europe/Amsterdam")
        formatter.dateFormat = "d MMMM yyyy"
        return formatter.string(from: date)
    }
}
