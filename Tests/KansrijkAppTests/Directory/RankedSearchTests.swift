import Foundation
import Testing
@testable import KansrijkApp

/// Ranked search (issue 15): the services matching most words first, the words nothing matched
/// named, everyday words standing for themes, one typo in longer words.
@Suite("Ranked search")
struct RankedSearchTests {
    typealias R = SearchTests

    static func synonyms(_ lines: String) throws -> SearchSynonyms {
        try SearchSynonyms.parse("woord,thema\n" + lines, file: "test.csv")
    }

    @Test("a query's words as typed, without stop words, each once")
    func queryWords() {
        let words = DutchText.queryWords("Hulp bij Schulden en schulden, baby's Financiën")
        #expect(words.map(\.shown) == ["Hulp", "Schulden", "babys", "Financiën"])
        #expect(words.map(\.token) == ["hulp", "schuld", "baby", "financi"])
        #expect(DutchText.queryWords("de en het").isEmpty)
        #expect(DutchText.queryWords(Array(repeating: "woord", count: 40).enumerated().map { "\($1)\($0)" }.joined(separator: " ")).count == QueryWord.limit)
    }

    @Test("more matching words first, whatever the locality; the word nothing matched is named")
    func moreWordsFirst() throws {
        // setup
        let snapshot = DirectorySnapshot(services: [
            R.record("Opvoedspreekuur Zeist", description: "Vragen over slapen en huilen", areas: ["GM0355"], themes: ["opvoeding"]),
            R.record("Psychische hulp Zeist", description: "Gesprekken", areas: ["GM0355"], themes: ["psychische-gezondheid"]),
            R.record("Psychische hulp bij klachten online", description: "Voor wie somber is"),
            R.record("Klachtenregeling", description: "Een klacht indienen", areas: ["GM0355"]),
        ], municipalities: R.municipalities, synonyms: try Self.synonyms(""))
        // act
        let results = snapshot.search(DirectoryQuery(text: "psychische klachten xyzzy", municipality: "GM0355"))
        // check
        let names = results.hits.map(\.service.name)
        #expect(names.first == "Psychische hulp bij klachten online", "both words beat one word in Zeist: \(names)")
        #expect(Set(names) == ["Psychische hulp bij klachten online", "Psychische hulp Zeist", "Klachtenregeling"])
        #expect(results.unmatchedWords == ["xyzzy"])
        #expect(results.partialMatches)
        #expect(results.total == 3)
    }

    @Test("an everyday word finds the services of its theme, and names the theme")
    func synonymsFindTheme() throws {
        let words = try Self.synonyms("klachten,psychische-gezondheid\nbetalingsachterstand,financien\nhuurachterstand,financien\nhuurachterstand,wonen\ndebt,financien\n")
        let snapshot = DirectorySnapshot(services: [
            R.record("Stevig Ouderschap", description: "Extra huisbezoeken", themes: ["opvoeding", "psychische-gezondheid"]),
            R.record("Budgetcoaching", description: "Overzicht in de post", themes: ["financien"]),
            R.record("Moedergroep", description: "Koffie", themes: ["eenzaamheid"]),
        ], municipalities: R.municipalities, synonyms: words)
        let psychisch = snapshot.search(DirectoryQuery(text: "psychische klachten"))
        #expect(psychisch.hits.first?.service.name == "Stevig Ouderschap")
        #expect(psychisch.unmatchedWords.isEmpty, "'klachten' stands for the theme")
        #expect(psychisch.total == 1)
        #expect(snapshot.search(DirectoryQuery(text: "klachten")).hits.map(\.service.name) == ["Stevig Ouderschap"])
        #expect(snapshot.search(DirectoryQuery(text: "betalingsachterstanden")).hits.map(\.service.name) == ["Budgetcoaching"])
        #expect(snapshot.search(DirectoryQuery(text: "debt")).hits.map(\.service.name) == ["Budgetcoaching"])
        // a typo in a longer word still finds the theme, and the themes are named in the order of the vocabulary
        #expect(snapshot.search(DirectoryQuery(text: "betalingsachterstnad")).hits.map(\.service.name) == ["Budgetcoaching"])
        #expect(snapshot.search(DirectoryQuery(text: "huurachterstand", theme: "eenzaamheid")).themes == ["financien", "wonen"])
        #expect(snapshot.search(DirectoryQuery(text: "kladderadatsch")).total == 0)
    }

    @Test("one typo only in words of five letters or more, and weaker than the word itself")
    func typos() {
        let snapshot = DirectorySnapshot(services: [
            R.record("Stoppen met roken"), R.record("Rokken en jurken"), R.record("Taal"),
        ], municipalities: R.municipalities)
        let names = { (q: String) in snapshot.search(DirectoryQuery(text: q)).hits.map(\.service.name) }
        #expect(names("rookn").isEmpty, "five letters, two edits")
        #expect(names("rokn").isEmpty, "four letters: no typo forgiven")
        #expect(names("taaal").contains("Taal") == false, "the word in the index has four letters")
        #expect(names("rookem") == [], "two edits")
        #expect(names("rokken") == ["Rokken en jurken", "Stoppen met roken"], "the exact word before the typo match")
        #expect(names("rokne") == ["Stoppen met roken"], "two swapped letters are one typo")
    }

    @Test("the HSDS API keeps its contract: every word that matches anything must match")
    func apiKeepsEveryWord() {
        let snapshot = DirectorySnapshot(services: [
            R.record("Psychische hulp", description: "Gesprekken bij klachten"), R.record("Psychische hulp online"), R.record("Klachtenloket"),
        ], municipalities: R.municipalities)
        var q = DirectoryQuery(text: "psychische klachten kwispelstaart")
        #expect(snapshot.search(q).total == 3)
        q.allWords = true
        #expect(snapshot.search(q).hits.map(\.service.name) == ["Psychische hulp"], "the unknown word is ignored, the other two must match")
        #expect(snapshot.allMatches(q).count == 1)
    }

    @Test("the full ranking agrees with the page, multi-word queries included")
    func allMatchesAgree() {
        let snapshot = DirectorySnapshot(services: (1...30).map {
            R.record("Dienst \($0) \($0 % 3 == 0 ? "schulden" : "opvoeding")", description: $0 % 2 == 0 ? "hulp bij geld" : "koffie",
                     areas: $0 % 5 == 0 ? [] : ["GM0355"])
        }, municipalities: R.municipalities)
        for text in ["schulden hulp", "opvoeding koffie geld", "hulp"] {
            let q = DirectoryQuery(text: text, municipality: "GM0355", perPage: 200)
            #expect(snapshot.search(q).hits.map(\.doc) == snapshot.allMatches(q))
        }
    }
}
