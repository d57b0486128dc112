import Foundation

/// Validation and refusal messages of the care room, Dutch first, English second.
struct CareMessages {
    var english: Bool
    var workspace: WorkspaceMessages { WorkspaceMessages(english: english) }

    private func say(_ nl: String, _ en: String) -> String { english ? en : nl }

    var birthFuture: String { say("De geboortedatum ligt in de toekomst.", "The date of birth is in the future.") }
    var birthTooOld: String { say("Deze geboortedatum is meer dan 60 jaar geleden. Controleer het jaar.", "This date of birth is more than 60 years ago. Check the year.") }
    var expectedTooFar: String { say("De verwachte bevallingsdatum ligt te ver in de toekomst (meer dan 10 maanden). Controleer de datum.", "The due date is too far in the future (more than 10 months). Check the date.") }
    var expectedTooLongAgo: String { say("De verwachte bevallingsdatum ligt meer dan 2 jaar terug. Controleer de datum, of leg de geboorte vast.", "The due date is more than 2 years ago. Check the date, or record the birth.") }
    var actualFuture: String { say("De geboortedatum van de baby ligt in de toekomst. Vul die in als de baby geboren is.", "The baby's date of birth is in the future. Fill it in once the baby is born.") }
    var actualBeforeMother: String { say("De baby kan niet eerder geboren zijn dan de moeder.", "The baby cannot be born before the mother.") }
    var municipality: String { say("Kies de gemeente waar de cliënt woont.", "Choose the municipality where the client lives.") }
    var language: String { say("Kies een taal uit de lijst.", "Choose a language from the list.") }
    var purposes: String { say("Kies minstens één doel.", "Choose at least one purpose.") }
    var organisations: String { say("Kies minstens één organisatie.", "Choose at least one organisation.") }
    var untilBeforeFrom: String { say("De einddatum ligt vóór de begindatum.", "The end date is before the start date.") }
    var reasonShort: String { say("Beschrijf de reden in minstens 10 tekens.", "Describe the reason in at least 10 characters.") }
    var unknownCode: String { say("Er is geen cliënt met deze code. Controleer de code.", "There is no client with this code. Check the code.") }
    /// "Fill in this field" naming the field, so the error summary never lists the same sentence twice.
    func required(_ field: String) -> String {
        switch field {
        case "name": say("Vul de naam of de initialen in.", "Fill in the name or initials.")
        case "birth_date": say("Vul de geboortedatum in.", "Fill in the date of birth.")
        case "valid_from": say("Vul in vanaf welke dag de toestemming geldt.", "Fill in from which day the consent holds.")
        case "reason": say("Vul de reden in.", "Fill in the reason.")
        case "agreed": say("Vul in wat u met de ouder hebt afgesproken.", "Fill in what you agreed with the parent.")
        case "code": say("Vul de code van de cliënt in.", "Fill in the client's code.")
        default: workspace.required
        }
    }

    /// Replaces every generic "fill in this field" by the field's own sentence.
    func naming(_ errors: FieldErrors) -> FieldErrors {
        var named = errors
        for (key, message) in errors.messages where message == workspace.required { named[key] = required(key) }
        return named
    }

    var alreadyWithdrawn: String { say("Deze toestemming was al ingetrokken.", "This consent was already withdrawn.") }
}

/// The languages a client can choose, by ISO 639-1 code.
enum ClientLanguages {
    static let codes: [(code: String, nl: String, en: String)] = [
        ("nl", "Nederlands", "Dutch"), ("en", "Engels", "English"), ("ar", "Arabisch", "Arabic"), ("tr", "Turks", "Turkish"),
        ("pl", "Pools", "Polish"), ("ti", "Tigrinya", "Tigrinya"), ("uk", "Oekraïens", "Ukrainian"), ("so", "Somalisch", "Somali"),
        ("fr", "Frans", "French"), ("de", "Duits", "German"), ("es", "Spaans", "Spanish"), ("fa", "Perzisch", "Persian"),
    ]

    static func name(_ code: String, english: Bool) -> String {
        codes.first { $0.code == code }.map { english ? $0.en : $0.nl } ?? code
    }

    static func options(selected: String?, english: Bool) -> [SelectOption] {
        codes.map { SelectOption(value: $0.code, label: english ? $0.en : $0.nl, selected: $0.code == selected) }
    }
}
