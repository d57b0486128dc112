import Foundation

extension NotificationEvent {
    /// A professional asked for extra care (issue 15): the coalition's named decision-makers hear at
    /// once, never as a digest (the coalition agreed on an answer within the day). The mail names
    /// the coalition, never the client, the care or the reason.
    static func extraCareRequested(requestID: UUID, coalition: String) -> NotificationEvent {
        NotificationEvent(kind: .extraCare, path: ExtraCarePaths.request(requestID)) { l in
            l == .en
                ? .init(subject: "Kansrijk: a request for extra care waits for your decision",
                        paragraphs: ["A professional asked for extra care for a family in \(coalition). You are named as decision-maker.",
                                     "The coalition agreed to answer within the day. Sign in to Kansrijk to read the request and decide."],
                        action: "Open the request")
                : .init(subject: "Kansrijk: een aanvraag voor extra zorg wacht op uw besluit",
                        paragraphs: ["Een professional vraagt extra zorg voor een gezin in \(coalition). U bent aangewezen als beslisser.",
                                     "De coalitie heeft afgesproken binnen een dag te antwoorden. Log in bij Kansrijk om de aanvraag te lezen en te besluiten."],
                        action: "Open de aanvraag")
        }
    }
}
