import Foundation
import NIOConcurrencyHelpers

/// Everyday words of parents and professionals for the themes of the offering
/// (betalingsachterstand -> financien, somber -> psychische-gezondheid, debt -> financien). They
/// are data, not code: `Resources/Directory/synonyms.csv`, read and checked at start-up (issue 15,
/// ADR 0032). The theme terms' own words (`Term.synonyms`) count too. A query word that stands for
/// a theme finds the services carrying that theme, and names the theme when nothing is found.
struct SearchSynonyms: Sendable {
    /// Where the file lives under the resource root.
    static let path = "Resources/Directory/synonyms.csv"
    /// The header line the file must start with (after its comments).
    static let header = "woord,thema"

    /// Search token -> theme codes, in `Term.themes` order.
    let themesByToken: [String: [String]]
    /// The tokens by length, for typo look-ups (a typo changes the length by one at most).
    private let tokensByLength: [Int: [[UInt8]]]

    /// Only the theme terms' own words: for snapshots built without the file (tests, tools).
    static let builtIn = SearchSynonyms(entries: [:])

    /// `entries`: token -> theme codes, from the file; the themes' own one-word synonyms are added.
    init(entries: [String: Set<String>]) {
        var all = entries
        for theme in Term.themes {
            for word in theme.synonyms {
                let tokens = DutchText.tokens(word)
                if tokens.count == 1 { all[tokens[0], default: []].insert(theme.code) }
            }
        }
        let order = Dictionary(uniqueKeysWithValues: Term.themes.enumerated().map { ($1.code, $0) })
        themesByToken = all.mapValues { $0.sorted { (order[$0] ?? .max) < (order[$1] ?? .max) } }
        tokensByLength = Dictionary(grouping: all.keys.map { Array($0.utf8) }, by: \.count)
    }

    /// The themes `token` stands for, with the strength of the match: 1 for the word itself, the
    /// typo strength of the index for one typo in a word of five letters or more.
    func themes(for token: String) -> [(code: String, strength: Float)] {
        if let exact = themesByToken[token] { return exact.map { ($0, SearchIndex.MatchKind.exact.rawValue) } }
        let bytes = Array(token.utf8)
        guard bytes.count >= DutchText.typoMinimumLength else { return [] }
        var found: [String] = []
        for length in (bytes.count - 1)...(bytes.count + 1) {
            for key in tokensByLength[length] ?? [] where DutchText.isTypo(bytes, of: key) {
                for code in themesByToken[String(decoding: key, as: UTF8.self)] ?? [] where !found.contains(code) { found.append(code) }
            }
        }
        return found.map { ($0, SearchIndex.MatchKind.typo.rawValue) }
    }
}

extension SearchSynonyms {
    private static let cache = NIOLockedValueBox([String: SearchSynonyms]())

    /// The file at `path`, read and checked once per process (tests build many applications).
    static func load(path: String) throws -> SearchSynonyms {
        if let cached = cache.withLockedValue({ $0[path] }) { return cached }
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw SynonymFileError(file: path, line: nil, problem: "the file cannot be read as UTF-8 text (\((error as NSError).localizedDescription))")
        }
        let loaded = try parse(text, file: path)
        cache.withLockedValue { $0[path] = loaded }
        return loaded
    }

    /// Reads the file's text. Lines starting with `#` and empty lines are skipped; the first other
    /// line is the header `woord,thema`; then one `word,theme-code` per line. A word may stand for
    /// several themes on several lines. Throws the first problem, naming its line.
    static func parse(_ text: String, file: String) throws -> SearchSynonyms {
        var entries: [String: Set<String>] = [:]
        var firstLine: [String: Int] = [:]
        var sawHeader = false
        for (index, rawLine) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let number = index + 1
            func fail(_ problem: String) -> SynonymFileError { SynonymFileError(file: file, line: number, problem: problem) }
            let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard sawHeader else {
                guard line.lowercased().replacingOccurrences(of: " ", with: "") == header else {
                    throw fail("the first line that is not a comment must be the header '\(header)', not '\(line.prefix(60))'")
                }
                sawHeader = true
                continue
            }
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard fields.count == 2 else { throw fail("expected 'word,theme' (two fields), found \(fields.count) in '\(line.prefix(60))'") }
            let (word, code) = (fields[0], fields[1])
            guard !word.isEmpty else { throw fail("the word is empty") }
            guard Term.find(.thema, code) != nil else {
                throw fail("'\(code.prefix(40))' is no theme; use one of: \(Term.themes.map(\.code).joined(separator: ", "))")
            }
            let tokens = DutchText.tokens(word)
            guard tokens.count == 1, let token = tokens.first else {
                throw fail(tokens.isEmpty ? "'\(word.prefix(40))' is a word search leaves out (a stop word or no letters)"
                                          : "'\(word.prefix(40))' is more than one word: write one word per line")
            }
            let key = token + "|" + code
            if let earlier = firstLine[key] { throw fail("'\(word.prefix(40))' -> \(code) is already on line \(earlier)") }
            firstLine[key] = number
            entries[token, default: []].insert(code)
        }
        guard sawHeader else { throw SynonymFileError(file: file, line: nil, problem: "the file has no header '\(header)'") }
        return SearchSynonyms(entries: entries)
    }
}

/// A synonyms file that cannot be used: said in one line at start-up, naming the file and line.
struct SynonymFileError: Error, CustomStringConvertible, Equatable {
    var file: String
    var line: Int?
    var problem: String

    var description: String {
        "search synonyms \(file)\(line.map { ", line \($0)" } ?? ""): \(problem)"
    }
}
