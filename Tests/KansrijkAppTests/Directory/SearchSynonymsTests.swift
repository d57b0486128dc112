import Foundation
import Testing
import Vapor
@testable import KansrijkApp

/// The synonyms file (`Resources/Directory/synonyms.csv`): read, checked, and refused with the
/// line of its first problem (issue 15).
@Suite("Search synonyms file")
struct SearchSynonymsTests {
    @Test("the shipped file loads, and its everyday words stand for the themes the issue names")
    func shippedFile() throws {
        let words = try SearchSynonyms.load(path: packageRoot + SearchSynonyms.path)
        let theme = { (word: String) in Set(words.themes(for: DutchText.tokens(word)[0]).map(\.code)) }
        for word in ["betalingsachterstand", "huurachterstand", "geldzorgen", "schulden", "debt"] {
            #expect(theme(word).contains("financien"), "\(word)")
        }
        for word in ["somber", "angstig", "klachten", "depressie", "depression"] {
            #expect(theme(word) == ["psychische-gezondheid"], "\(word)")
        }
        #expect(theme("housing") == ["wonen"])
        #expect(theme("breastfeeding") == ["leefstijl"])
        #expect(theme("huurachterstand") == ["financien", "wonen"])
        // the themes' own words count too, and a typo in a longer word is weaker than the word
        #expect(theme("dakloos") == ["wonen"])
        #expect(words.themes(for: "depresie").map(\.strength) == [SearchIndex.MatchKind.typo.rawValue])
        #expect(words.themes(for: "depressie").map(\.strength) == [SearchIndex.MatchKind.exact.rawValue])
        #expect(words.themes(for: "pil").map(\.code) == ["anticonceptie"])
        #expect(words.themes(for: "pik").isEmpty, "no typo forgiven in a short word")
    }

    @Test("comments, empty lines, case, accents and plurals are fine; a word may stand for two themes")
    func lenientWhereItIsSafe() throws {
        let words = try SearchSynonyms.parse("""
            # comment
            \r
            Woord , Thema\r
            Geldzorgen,financien
              huurachterstand , financien
            huurachterstand,wonen
            # another
            Financiën,financien
            """, file: "s.csv")
        #expect(Set(words.themes(for: "geldzorg").map(\.code)) == ["financien"])
        #expect(words.themes(for: "huurachterstand").map(\.code) == ["financien", "wonen"])
        #expect(words.themes(for: DutchText.tokens("financien")[0]).map(\.code) == ["financien"])
    }

    @Test("a broken file is refused with one line naming the file, the line and the problem", arguments: [
        ("thema,woord\nschuld,financien\n", 1, "header"),
        ("# c\nwoord,thema\nschuld,geld\n", 3, "'geld' is no theme"),
        ("woord,thema\nschuld\n", 2, "two fields"),
        ("woord,thema\nschuld,financien,wonen\n", 2, "two fields"),
        ("woord,thema\n,financien\n", 2, "the word is empty"),
        ("woord,thema\nveilig thuis,huiselijk-geweld\n", 2, "more than one word"),
        ("woord,thema\nde,financien\n", 2, "stop word"),
        ("woord,thema\nschulden,financien\n\nschuld,financien\n", 4, "already on line 2"),
    ])
    func brokenFile(text: String, line: Int, problem: String) throws {
        let error = #expect(throws: SynonymFileError.self) { try SearchSynonyms.parse(text, file: "Resources/Directory/synonyms.csv") }
        #expect(error?.line == line)
        let said = error.map { StartFailure.line(for: $0, settings: .safeDefaults) } ?? ""
        #expect(said.contains("Resources/Directory/synonyms.csv, line \(line): "), "\(said)")
        #expect(said.contains(problem), "\(said)")
        #expect(!said.contains("\n"))
    }

    @Test("a file without a header, or one that cannot be read, is refused too")
    func missingOrEmpty() throws {
        let empty = #expect(throws: SynonymFileError.self) { try SearchSynonyms.parse("# only comments\n", file: "x.csv") }
        #expect(empty?.description == "search synonyms x.csv: the file has no header 'woord,thema'")
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("no-synonyms-\(UUID()).csv").path
        let missing = #expect(throws: SynonymFileError.self) { try SearchSynonyms.load(path: path) }
        #expect(missing?.description.hasPrefix("search synonyms \(path): the file cannot be read") == true)
    }

    @Test("a broken file stops the start before anything is served")
    func startRefused() async throws {
        // setup: a resource root whose synonyms file is broken, the rest borrowed from the package
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("kansrijk-synonyms-\(UUID())").path + "/"
        try FileManager.default.createDirectory(atPath: root + "Resources/Directory", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        for folder in ["Resources/Views", "Resources/Data", "Resources/OpenAPI", "Public"] {
            try FileManager.default.createSymbolicLink(atPath: root + folder, withDestinationPath: packageRoot + folder)
        }
        try "woord,thema\nsomber,psychisch\n".write(toFile: root + SearchSynonyms.path, atomically: true, encoding: .utf8)
        let app = try await Application.make(.testing)
        // act
        let error = await #expect(throws: SynonymFileError.self) {
            try await configure(app, settings: try Settings.fromEnvironment(
                ["KANSRIJK_DATABASE_PATH": ":memory:", "KANSRIJK_BCRYPT_COST": "4", "KANSRIJK_ROOT": root]))
        }
        try await app.asyncShutdown()
        // check
        #expect(error?.line == 2)
        #expect(error?.description.contains("'psychisch' is no theme") == true)
    }
}
