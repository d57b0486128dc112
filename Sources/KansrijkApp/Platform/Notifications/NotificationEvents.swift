import Foundation

/// The events that are mailed, with their words (issue #14). Each says what happened and links to
/// the page; none carries client data. The service, an organisation and a meeting's place are not
/// client data; the client's code is (it stays in the app's own notices).
extension NotificationEvent {
    static func referralIncoming(referralID: UUID, service: String, organisation: String) -> NotificationEvent {
        NotificationEvent(kind: .referralIncoming, path: "/zorg/verwijzingen/\(referralID.slug)") { l in
            l == .en
                ? .init(subject: "Kansrijk: a new referral for \(organisation)",
                        paragraphs: ["\(organisation) has received a new referral for \(service).", "Sign in to Kansrijk to read and answer it."],
                        action: "Open the referral")
                : .init(subject: "Kansrijk: een nieuwe verwijzing voor \(organisation)",
                        paragraphs: ["Er is een nieuwe verwijzing binnengekomen voor \(organisation), voor \(service).",
                                     "Log in bij Kansrijk om haar te lezen en te beantwoorden."],
                        action: "Open de verwijzing")
        }
    }

    static func referralStatus(referralID: UUID, service: String, status: ReferralStatus) -> NotificationEvent {
        NotificationEvent(kind: .referralStatus, path: "/zorg/verwijzingen/\(referralID.slug)") { l in
            let word = Strings.text("referral.status.\(status.rawValue)", l).lowercased()
            return l == .en
                ? .init(subject: "Kansrijk: a referral you sent was updated",
                        paragraphs: ["Your referral to \(service) has a new status: \(word).", "Sign in to Kansrijk to see what changed."],
                        action: "Open the referral")
                : .init(subject: "Kansrijk: een verwijzing van u is bijgewerkt",
                        paragraphs: ["Uw verwijzing naar \(service) heeft een nieuwe status: \(word).", "Log in bij Kansrijk om te zien wat er veranderde."],
                        action: "Open de verwijzing")
        }
    }

    static func escalation(path: String, service: String, cause: Escalation.Cause, days: Int, role: EscalationRole) -> NotificationEvent {
        NotificationEvent(kind: .escalation, path: path) { l in
            let why = Strings.text("escalation.cause.\(cause.rawValue)", l).lowercased()
            let who = Strings.text("escalation.role.\(role.rawValue)", l).lowercased()
            return l == .en
                ? .init(subject: "Kansrijk: a referral needs you (deadline watch)",
                        paragraphs: ["A referral to \(service) was \(why) (\(days) days).",
                                     "The coalition's deadline watch says the \(who) acts now. Sign in to Kansrijk to see the referral."],
                        action: "Open in Kansrijk")
                : .init(subject: "Kansrijk: een verwijzing vraagt uw actie (termijnbewaking)",
                        paragraphs: ["Een verwijzing naar \(service): \(why) (\(days) dagen).",
                                     "Volgens de termijnbewaking van de coalitie is nu de \(who) aan zet. Log in bij Kansrijk om de verwijzing te zien."],
                        action: "Open in Kansrijk")
        }
    }

    static func screeningCompleted(path: String) -> NotificationEvent {
        NotificationEvent(kind: .screeningCompleted, path: path) { l in
            l == .en
                ? .init(subject: "Kansrijk: a parent filled in the questionnaire",
                        paragraphs: ["A parent to whom you sent a link has filled in the questionnaire.",
                                     "Sign in to Kansrijk to discuss the answers together."],
                        action: "Open the screening")
                : .init(subject: "Kansrijk: een ouder heeft de vragenlijst ingevuld",
                        paragraphs: ["Een ouder aan wie u een link stuurde, heeft de vragenlijst ingevuld.",
                                     "Log in bij Kansrijk om de antwoorden samen te bespreken."],
                        action: "Open de signalering")
        }
    }

    static func mdoAgenda(meetingID: UUID, startsAt: Date, location: String, cases: Int) -> NotificationEvent {
        NotificationEvent(kind: .mdoAgenda, path: "/zorg/mdo/\(meetingID.slug)") { l in
            let when = NotificationDates.dateTime(startsAt, l)
            return l == .en
                ? .init(subject: "Kansrijk: MDO tomorrow, \(when)",
                        paragraphs: ["Tomorrow there is an MDO (multidisciplinary meeting) your organisation takes part in.",
                                     "When: \(when). Where: \(location). Cases on the agenda: \(cases).",
                                     "Sign in to Kansrijk to read the agenda."],
                        action: "Open the agenda")
                : .init(subject: "Kansrijk: MDO morgen, \(when)",
                        paragraphs: ["Morgen is er een MDO (multidisciplinair overleg) waar uw organisatie aan meedoet.",
                                     "Wanneer: \(when). Waar: \(location). Casussen op de agenda: \(cases).",
                                     "Log in bij Kansrijk om de agenda te lezen."],
                        action: "Open de agenda")
        }
    }
}

/// Dates in mail, in Dutch time and the reader's language.
enum NotificationDates {
    static func dateTime(_ instant: Date, _ language: UILanguage) -> String {
        let f = DateFormatter()
        f.timeZone = CalendarDay.amsterdamZone
        f.locale = Locale(identifier: language == .en ? "en_GB" : "nl_NL")
        f.dateFormat = "EEEE d MMMM yyyy, HH:mm"
        return f.string(from: instant)
    }
}
