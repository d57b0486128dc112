import Foundation
import Testing
@testable import KansrijkApp

@Suite("Library of practice examples (leren van elkaar)")
struct PracticeLibraryTests {
    static let names: [String: String] = {
        let reference = try! AreaReference.load(dataDirectory: packageRoot + "Resources/Data/")
        return Dictionary(uniqueKeysWithValues: reference.municipalities.map { ($0.code, $0.name) })
    }()

    @Test("the five source documents, each summarised in 80 to 150 words with valid tags and municipalities")
    func sources() {
        let entries = PracticeLibrary.sources
        #expect(entries.count == 5)
        #expect(Set(entries.map(\.slug)).count == 5)
        for e in entries {
            let words = e.summary.split(whereSeparator: \.isWhitespace).count
            #expect((80...150).contains(words), "\(e.slug): \(words) words")
            #expect(!e.sourceTitle.isEmpty && !e.sourceDate.isEmpty && !e.sourcePublisher.isEmpty)
            #expect(!e.municipalityCodes.isEmpty && e.municipalityCodes.allSatisfy { Self.names[$0] != nil }, "\(e.slug)")
            #expect(!e.phases.isEmpty && e.phases.allSatisfy { Term.find(.fase, $0) != nil }, "\(e.slug)")
            #expect(!e.themes.isEmpty && e.themes.allSatisfy { Term.find(.thema, $0) != nil }, "\(e.slug)")
            #expect(!e.interventions.isEmpty && e.interventions.allSatisfy { PracticeIntervention.byCode[$0] != nil }, "\(e.slug)")
        }
    }

    /// The seeds name real people; the product never does. Every capitalised word in a summary or
    /// title that does not start a sentence must be a place, an organisation type or a programme.
    @Test("no person's name: every capitalised word is a known place, organisation or programme")
    func noNames() {
        let places = Set(Self.names.values.flatMap { $0.split(whereSeparator: { $0 == " " || $0 == "-" }).map(String.init) } + ["Den", "Bosch", "Utrecht"])
        let known: Set<String> = ["Kansrijke", "Start", "MDO", "GGD", "CJG", "JGZ", "VWS", "GIDS", "Nu", "Niet", "Zwanger", "KASTO",
                                  "OuderWijzer", "Centering", "Pregnancy", "TNO", "Veilig", "Kansrijk"]
        for e in PracticeLibrary.sources {
            for text in [e.title, e.summary] {
                let sentences = text.components(separatedBy: CharacterSet(charactersIn: ".:?!"))
                for sentence in sentences {
                    let words = sentence.split(whereSeparator: { $0 == " " || $0 == "(" || $0 == ")" || $0 == "," || $0 == "'" })
                        .map { String($0) }
                    for word in words.dropFirst() where word.first?.isUppercase == true {
                        let parts = word.split(separator: "-").map(String.init)
                        let ok = parts.allSatisfy { known.contains($0) || places.contains($0) || $0.first?.isUppercase == false }
                        #expect(ok, "\(e.slug): '\(word)' might be a name")
                    }
                }
            }
        }
    }

    @Test("search by theme, phase, intervention, municipality and free text (case and accents ignored)")
    func search() {
        func slugs(_ q: PracticeLibrary.Query) -> [String] {
            PracticeLibrary.search(PracticeLibrary.sources, q, municipalityNames: Self.names).map(\.slug)
        }
        #expect(slugs(.init()).count == 5)
        #expect(slugs(.init(intervention: "escalatieladder")) == ["voortgangsrapportage-juli-2020"])
        #expect(slugs(.init(municipality: "GM0654")) == ["borsele-samen-iets-concreets"])
        #expect(slugs(.init(municipality: "GM0200")) == ["voortgangsrapportage-juli-2020"], "Apeldoorn is in the report")
        #expect(slugs(.init(theme: "asiel")) == ["zeist-van-mdo-naar-coalitie"])
        #expect(slugs(.init(phase: "kinderwens")).sorted() == ["coalitie-opbouwen-in-zes-stappen", "voortgangsrapportage-juli-2020"])
        #expect(slugs(.init(text: "VADERS")).sorted() == ["utrecht-eerst-luisteren-naar-moeders", "zeist-van-mdo-naar-coalitie"])
        // "schulden" also matches the theme Financiën en schulden of Zeist
        #expect(slugs(.init(text: "mdo schulden")) == ["borsele-samen-iets-concreets", "zeist-van-mdo-naar-coalitie"])
        // synonyms of the theme vocabulary count: "armoede" is a synonym of Financiën
        #expect(slugs(.init(text: "armoede", municipality: "GM0531")) == ["coalitie-opbouwen-in-zes-stappen"])
        #expect(slugs(.init(text: "hertogenbosch")) == ["voortgangsrapportage-juli-2020"])
        #expect(slugs(.init(theme: "asiel", municipality: "GM0654")).isEmpty)
    }
}
