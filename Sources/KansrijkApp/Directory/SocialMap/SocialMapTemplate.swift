import Foundation

/// The template to download: the expected columns and one fictional example row (xlsx with a second
/// sheet that explains each column, or CSV as Dutch Excel opens it). The example imports cleanly.
enum SocialMapTemplate {
    static var header: [String] { SocialMapField.allCases.map(\.label) }

    /// `municipality`: the name of one of the coalition's municipalities, so the example is valid there.
    static func example(municipality: String) -> [String] {
        SocialMapField.allCases.map { field in
            switch field {
            case .organisation: "Stichting Voorbeeld Welzijn"
            case .organisationKind: OrganisationKind.welzijn.label
            case .service: "Inloopochtend voor jonge ouders"
            case .description: "Elke dinsdagochtend koffie, thee en een luisterend oor voor ouders met een baby of peuter."
            case .municipality: municipality
            case .street: "Voorbeeldstraat 1"
            case .postcode: "9999 ZZ"
            case .city: municipality
            case .phone: "030 000 00 00"
            case .email: "info@example.org"
            case .website: "https://www.example.org"
            case .targetGroup: Term.find(.doelgroep, "jonge-ouders")?.name ?? ""
            case .phase: [Term.find(.fase, "0-1"), Term.find(.fase, "1-2")].compactMap { $0?.name }.joined(separator: "; ")
            case .theme: Term.find(.thema, "eenzaamheid")?.name ?? ""
            case .minimumAge: "0"
            case .maximumAge: "2"
            case .fees: "Gratis"
            case .application: "Aanmelden hoeft niet: loop gewoon binnen."
            }
        }
    }

    /// The second sheet: per column whether it is required and what goes in it.
    static var explanation: [[String]] {
        [["Kolom", "Verplicht", "Wat vult u in"]] + SocialMapField.allCases.map { field in
            [field.label, field.isRequired ? "ja" : "nee", hint(field)]
        }
    }

    static func hint(_ field: SocialMapField) -> String {
        switch field {
        case .organisation: "De naam van de organisatie. Regels met dezelfde organisatie horen bij één organisatie."
        case .organisationKind: "Kies uit: " + OrganisationKind.allCases.map(\.label).joined(separator: "; ")
        case .service: "De naam van het aanbod. Eén regel per aanbod."
        case .description: "Wat het aanbod is en wat een gezin eraan heeft."
        case .municipality: "De gemeente waar de organisatie zit. Leeg: dan zetten we de organisatie op de lijst 'Te controleren'."
        case .street: "Straat en huisnummer van de plek waar het aanbod is."
        case .postcode: "Zoals 3701 AB."
        case .city: "De plaats van het adres."
        case .phone: "Alleen cijfers, spaties, + of -."
        case .email: "Zoals info@organisatie.nl."
        case .website: "Zoals https://www.organisatie.nl."
        case .targetGroup: "Meer dan één? Scheid ze met ;. Kies uit: " + Vocabulary.doelgroep.terms.map(\.name).joined(separator: "; ")
        case .phase: "Meer dan één? Scheid ze met ;. Kies uit: " + Vocabulary.fase.terms.map(\.name).joined(separator: "; ")
        case .theme: "Meer dan één? Scheid ze met ;. Kies uit: " + Vocabulary.thema.terms.map(\.name).joined(separator: "; ")
        case .minimumAge: "Leeftijd van het kind in jaren, zoals 0 of 1,5; of in maanden, zoals 6 maanden."
        case .maximumAge: "Leeftijd van het kind in jaren, zoals 2."
        case .fees: "Wat het kost, of 'Gratis'."
        case .application: "Hoe een gezin zich aanmeldt of wie verwijst."
        }
    }

    static func xlsx(municipality: String) throws -> Data {
        try XLSXWriter.workbook([
            .init(name: "Sociale kaart", rows: [header, example(municipality: municipality)]),
            .init(name: "Uitleg", rows: explanation, columnWidth: 40),
        ])
    }

    /// Semicolons, a byte order mark and defused cells, as Dutch Excel reads a CSV file.
    static func csv(municipality: String) -> String {
        CSVFile.write(header: header, rows: [example(municipality: municipality)], separator: .semicolon, for: .spreadsheet)
    }
}
