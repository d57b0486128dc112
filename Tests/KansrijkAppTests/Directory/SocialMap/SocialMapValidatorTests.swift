import Foundation
import Testing
@testable import KansrijkApp

@Suite("social map: column guessing and row checks (issue 16)")
struct SocialMapValidatorTests {
    let resolver = HSDSAreaResolver(municipalities: ["GM0355": "Zeist", "GM0200": "Apeldoorn", "GM1723": "Alphen-Chaam"])

    @Test func guessesColumnsFromDutchAndEnglishHeaders() {
        let dutch = SocialMapColumns.guess(["Naam van de organisatie", "Naam aanbod", "Beschrijving", "Gemeente", "Bezoekadres", "Postcode",
                                            "Woonplaats", "Telefoonnummer aanbieder", "E-mailadres", "Website", "Doelgroep", "Fase",
                                            "Thema's", "Leeftijd van", "Leeftijd tot", "Kosten", "Aanmelden", "Opmerking intern"])
        #expect(dutch.column(of: .organisation) == 0)
        #expect(dutch.column(of: .service) == 1)
        #expect(dutch.column(of: .description) == 2)
        #expect(dutch.column(of: .municipality) == 3)
        #expect(dutch.column(of: .street) == 4)
        #expect(dutch.column(of: .postcode) == 5)
        #expect(dutch.column(of: .city) == 6)
        #expect(dutch.column(of: .phone) == 7)
        #expect(dutch.column(of: .email) == 8)
        #expect(dutch.column(of: .website) == 9)
        #expect(dutch.column(of: .targetGroup) == 10)
        #expect(dutch.column(of: .phase) == 11)
        #expect(dutch.column(of: .theme) == 12)
        #expect(dutch.column(of: .minimumAge) == 13)
        #expect(dutch.column(of: .maximumAge) == 14)
        #expect(dutch.column(of: .fees) == 15)
        #expect(dutch.column(of: .application) == 16)
        #expect(dutch.fieldByColumn[17] == nil)

        let english = SocialMapColumns.guess(["Organization", "Service name", "Description", "Municipality", "Address", "Postal code", "City",
                                              "Phone", "Email", "URL", "Target group", "Phase", "Theme", "Minimum age", "Maximum age", "Costs", "How to apply"])
        #expect(english.fieldByColumn.count == 17)
        #expect(english.column(of: .website) == 9)
        #expect(english.column(of: .maximumAge) == 14)
        // the template's own header maps onto every field
        #expect(SocialMapColumns.guess(SocialMapTemplate.header).fieldByColumn.count == SocialMapField.allCases.count)
    }

    @Test func aFieldGoesToOneColumnOnly() {
        let columns = SocialMapColumns.guess(["Organisatie", "Naam", "Naam aanbod"])
        #expect(columns.column(of: .organisation) == 0)
        #expect(columns.column(of: .service) == 1)
        #expect(columns.fieldByColumn[2] == nil)
    }

    func table(_ rows: [[String]]) -> SpreadsheetTable {
        SpreadsheetTable(header: SocialMapTemplate.header, rows: rows.enumerated().map { .init(line: $0.offset + 2, cells: $0.element) })
    }

    func row(_ values: [SocialMapField: String]) -> [String] {
        SocialMapField.allCases.map { values[$0] ?? "" }
    }

    @Test func reportsEveryProblemOfEveryRowAtOnce() {
        let good = row([.organisation: "CJG Zeist", .service: "Opvoedspreekuur", .municipality: "zeist", .postcode: "3701ab", .website: "www.cjgzeist.nl",
                        .phase: "Zwangerschap; 0-1", .theme: "Financiën en schulden, wonen", .targetGroup: "Vaders", .minimumAge: "6 maanden", .maximumAge: "1,5"])
        let bad = row([.service: "Spreekuur", .municipality: "Zeits", .postcode: "37011", .phone: "bel ons", .email: "info@", .website: "javascript:alert(1)",
                       .phase: "zwangerchap", .theme: "Wonen; ruimtevaart", .minimumAge: "2", .maximumAge: "1", .organisationKind: "bakkerij"])
        let duplicate = row([.organisation: "cjg zeist", .service: "OPVOEDSPREEKUUR"])
        let result = SocialMapValidator(resolver: resolver).validate(table([good, bad, duplicate]), columns: SocialMapColumns.guess(SocialMapTemplate.header))

        // the good row, normalised
        #expect(result.entries.count == 1)
        let entry = result.entries[0]
        #expect(entry.municipalityCode == "GM0355")
        #expect(entry.postcode == "3701 AB")
        #expect(entry.website == "https://www.cjgzeist.nl")
        #expect(Set(entry.terms.map(\.key)) == ["fase:zwangerschap-t1", "fase:zwangerschap-t2", "fase:zwangerschap-t3", "fase:0-1",
                                                "thema:financien", "thema:wonen", "doelgroep:vaders"])
        #expect(entry.minimumAge == 0.5)
        #expect(entry.maximumAge == 1.5)

        // every problem of row 3, each with its field and column
        let row3 = result.issues.filter { $0.line == 3 }
        #expect(Set(row3.compactMap(\.field)) == [.organisation, .municipality, .postcode, .phone, .email, .website, .phase, .theme, .maximumAge, .organisationKind])
        func message(_ field: SocialMapField) -> String { row3.first { $0.field == field }?.message ?? "" }
        #expect(message(.organisation).contains("Organisatie is leeg"))
        #expect(message(.municipality).contains("'Zeits' is geen Nederlandse gemeente"))
        #expect(message(.postcode).contains("1234 AB"))
        #expect(message(.phone).contains("geen telefoonnummer"))
        #expect(message(.email).contains("geen e-mailadres"))
        #expect(message(.website).contains("geen webadres"))
        #expect(message(.phase).contains("'zwangerchap' kennen we niet"))
        #expect(message(.theme).contains("'ruimtevaart'"))
        #expect(!message(.theme).contains("'Wonen'"))
        #expect(message(.maximumAge).contains("lager dan"))
        #expect(message(.organisationKind).contains("'bakkerij'"))
        #expect(row3.first { $0.field == .postcode }?.column == "Postcode")

        // the same service twice (other case) is named on its second row
        let row4 = result.issues.filter { $0.line == 4 }
        #expect(row4.count == 1)
        #expect(row4.first?.message.contains("staat ook al op regel 2") == true)
    }

    @Test func aTownThatIsAMunicipalityPlacesTheRowAndAnEmptyOneLeavesItUnplaced() {
        let placed = row([.organisation: "Buurtzorg", .service: "Kraamhulp", .city: "Apeldoorn"])
        let unplaced = row([.organisation: "Landelijke lijn", .service: "Hulplijn", .city: "Den Dolder"])
        let result = SocialMapValidator(resolver: resolver).validate(table([placed, unplaced]), columns: SocialMapColumns.guess(SocialMapTemplate.header))
        #expect(result.issues.isEmpty)
        #expect(result.entries.map(\.municipalityCode) == ["GM0200", nil])
    }

    @Test func mappingWithoutARequiredFieldIsAProblem() {
        var columns = SocialMapColumns.guess(SocialMapTemplate.header)
        columns.fieldByColumn[0] = nil
        #expect(SocialMapValidator.mappingProblems(columns) == [.organisation])
        let (parsed, errors) = SocialMapController.columns(from: ["veld-naam-aanbod": "1", "veld-omschrijving": "1", "veld-gemeente": "99"],
                                                           header: SocialMapTemplate.header, english: false)
        #expect(errors["veld-organisatie"] == "Kies de kolom voor Organisatie.")
        #expect(errors["veld-omschrijving"] == "Deze kolom is al gekozen voor Naam aanbod.")
        #expect(errors["veld-gemeente"] == "Kies een kolom uit de lijst.")
        #expect(parsed.column(of: .service) == 1)
    }
}
