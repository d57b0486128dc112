import Foundation

/// Validation messages of the client's record through the 1000 days (issue #15), Dutch first:
/// each says what is wrong with the field.
struct ClientRecordMessages {
    var english: Bool
    private func say(_ nl: String, _ en: String) -> String { english ? en : nl }

    var babyRequired: String { say("Vul de geboortedatum van de baby in.", "Fill in the baby's date of birth.") }
    var babyTooLongAgo: String { say("Deze geboortedatum is meer dan 2 jaar geleden: de eerste 1000 dagen zijn dan voorbij. Controleer het jaar.", "This date of birth is more than 2 years ago: the first 1000 days are over. Check the year.") }
    var babyTooEarly: String { say("Deze datum ligt meer dan 20 weken vóór de verwachte bevallingsdatum. Controleer de datum.", "This date is more than 20 weeks before the due date. Check the date.") }
    var movedFuture: String { say("De verhuisdatum ligt in de toekomst. Leg de verhuizing vast als die heeft plaatsgevonden.", "The moving date is in the future. Record the move once it has happened.") }
    var movedLongAgo: String { say("De verhuisdatum is meer dan 2 jaar geleden. Controleer het jaar.", "The moving date is more than 2 years ago. Check the year.") }
    var movedWithoutMove: String { say("Vul alleen een verhuisdatum in als u ook de gemeente wijzigt.", "Only fill in a moving date when you also change the municipality.") }
    var target: String { say("Kies de organisatie die het gezin overneemt.", "Choose the organisation that takes the family over.") }
    var summary: String { say("Vul een korte samenvatting in voor de organisatie die het gezin overneemt.", "Fill in a short summary for the organisation that takes the family over.") }
    var agreed: String { say("Vul in wat u met de ouder hebt afgesproken over de overdracht.", "Fill in what you agreed with the parent about the handover.") }
    var consent: String { say("Vink aan dat de ouder toestemming geeft om de samenvatting te delen. Zonder toestemming kunt u niet overdragen.", "Tick that the parent agrees to share the summary. Without consent you cannot hand over.") }
    var givenBy: String { say("Kies wie de toestemming gaf.", "Choose who gave the consent.") }
    var recordedHow: String { say("Kies hoe de toestemming is gegeven.", "Choose how the consent was given.") }
    var closeReason: String { say("Kies waarom u de zorg afsluit.", "Choose why you close the care.") }
    var closeNote: String { say("Beschrijf de reden als u 'anders' kiest.", "Describe the reason when you choose 'other'.") }
    func tooLong(_ n: Int) -> String { say("Gebruik hoogstens \(n) tekens.", "Use at most \(n) characters.") }
}

/// Why the care of a client was closed (issue #15).
enum ClosingReason: String, CaseIterable, Sendable {
    case completed = "zorg-afgerond"
    case movedAway = "verhuisd-buiten-regio"
    case noContact = "geen-contact"
    case clientRequest = "op-verzoek"
    case other = "anders"
}
