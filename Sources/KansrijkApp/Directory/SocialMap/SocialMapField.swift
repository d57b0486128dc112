import Foundation

/// The fields a row of a social map (sociale kaart) can fill: one service (aanbod) of one
/// organisation, where it is, how to reach it, and for whom.
enum SocialMapField: String, CaseIterable, Sendable {
    case organisation = "organisatie"
    case organisationKind = "soort-organisatie"
    case service = "naam-aanbod"
    case description = "omschrijving"
    case municipality = "gemeente"
    case street = "adres"
    case postcode
    case city = "plaats"
    case phone = "telefoon"
    case email = "e-mail"
    case website
    case targetGroup = "doelgroep"
    case phase = "fase"
    case theme = "thema"
    case minimumAge = "leeftijd-van"
    case maximumAge = "leeftijd-tot"
    case fees = "kosten"
    case application = "aanmelden"

    var isRequired: Bool { self == .organisation || self == .service }

    /// The column name the template uses.
    var label: String {
        switch self {
        case .organisation: "Organisatie"
        case .organisationKind: "Soort organisatie"
        case .service: "Naam aanbod"
        case .description: "Omschrijving"
        case .municipality: "Gemeente"
        case .street: "Adres"
        case .postcode: "Postcode"
        case .city: "Plaats"
        case .phone: "Telefoon"
        case .email: "E-mail"
        case .website: "Website"
        case .targetGroup: "Doelgroep"
        case .phase: "Fase"
        case .theme: "Thema"
        case .minimumAge: "Leeftijd van"
        case .maximumAge: "Leeftijd tot"
        case .fees: "Kosten"
        case .application: "Aanmelden"
        }
    }

    var englishLabel: String {
        switch self {
        case .organisation: "Organisation"
        case .organisationKind: "Kind of organisation"
        case .service: "Service name"
        case .description: "Description"
        case .municipality: "Municipality"
        case .street: "Address"
        case .postcode: "Postal code"
        case .city: "Town"
        case .phone: "Phone"
        case .email: "Email"
        case .website: "Website"
        case .targetGroup: "Target group"
        case .phase: "Phase"
        case .theme: "Theme"
        case .minimumAge: "Age from"
        case .maximumAge: "Age to"
        case .fees: "Costs"
        case .application: "How to apply"
        }
    }

    func label(english: Bool) -> String { english ? englishLabel : label }

    /// Header names people use for this field, Dutch and English, in folded form (`SocialMapColumns.key`).
    var aliases: [String] {
        switch self {
        case .organisation: ["organisatie", "organisatienaam", "naam organisatie", "aanbieder", "instelling", "organisation", "organization", "provider", "organisation name", "organization name"]
        case .organisationKind: ["soort organisatie", "type organisatie", "organisatiesoort", "domein", "organisation type", "organization type", "kind of organisation"]
        case .service: ["naam aanbod", "aanbod", "naam van het aanbod", "dienst", "activiteit", "voorziening", "naam", "service", "service name", "name", "programma"]
        case .description: ["omschrijving", "beschrijving", "toelichting", "wat", "description", "details"]
        case .municipality: ["gemeente", "vestigingsgemeente", "municipality"]
        case .street: ["adres", "bezoekadres", "straat", "straat en huisnummer", "address", "street", "street address"]
        case .postcode: ["postcode", "post code", "postal code", "zip", "zipcode", "zip code"]
        case .city: ["plaats", "woonplaats", "plaatsnaam", "stad", "city", "town", "place"]
        case .phone: ["telefoon", "telefoonnummer", "tel", "telnr", "phone", "telephone", "phone number"]
        case .email: ["e mail", "email", "e mailadres", "emailadres", "mail", "mailadres", "email address"]
        case .website: ["website", "webadres", "url", "internet", "site", "web", "internetadres"]
        case .targetGroup: ["doelgroep", "doelgroepen", "voor wie", "target group", "audience"]
        case .phase: ["fase", "fasen", "fases", "levensfase", "phase", "phases"]
        case .theme: ["thema", "themas", "thema s", "onderwerp", "hulpvraag", "theme", "themes", "need"]
        case .minimumAge: ["leeftijd van", "leeftijd vanaf", "vanaf leeftijd", "minimum leeftijd", "minimale leeftijd", "min leeftijd", "age from", "minimum age", "min age"]
        case .maximumAge: ["leeftijd tot", "tot leeftijd", "maximum leeftijd", "maximale leeftijd", "max leeftijd", "age to", "maximum age", "max age"]
        case .fees: ["kosten", "prijs", "eigen bijdrage", "tarief", "costs", "cost", "fees", "price"]
        case .application: ["aanmelden", "aanmelding", "hoe aanmelden", "aanmeldprocedure", "how to apply", "application", "apply"]
        }
    }
}

/// Which column fills which field.
struct SocialMapColumns: Sendable, Equatable {
    /// Field per column index; a column without a field is not used.
    var fieldByColumn: [Int: SocialMapField] = [:]

    func column(of field: SocialMapField) -> Int? {
        fieldByColumn.filter { $0.value == field }.keys.min()
    }

    /// A guess from the header names: an exact name first, then a header that starts with a known
    /// name ("E-mailadres aanbieder"), then one that contains it ("Naam van de organisatie"). Each field goes to one column at most.
    static func guess(_ header: [String]) -> SocialMapColumns {
        var result = SocialMapColumns()
        var taken = Set<SocialMapField>()
        let keys = header.map(key)
        let passes: [(String, String) -> Bool] = [
            { name, alias in name == alias },
            { name, alias in alias.count >= 4 && (name + " ").hasPrefix(alias + " ") },
            { name, alias in alias.count >= 4 && (" " + name + " ").contains(" " + alias + " ") },
        ]
        for matches in passes {
            for (index, name) in keys.enumerated() where result.fieldByColumn[index] == nil && !name.isEmpty {
                let field = SocialMapField.allCases.first { field in
                    !taken.contains(field) && field.aliases.contains { matches(name, $0) }
                }
                if let field {
                    result.fieldByColumn[index] = field
                    taken.insert(field)
                }
            }
        }
        return result
    }

    /// A header name folded for comparing: lower case, no accents, words separated by one space.
    static func key(_ name: String) -> String {
        DutchText.words(name).joined(separator: " ")
    }
}
