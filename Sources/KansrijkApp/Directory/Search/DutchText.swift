import Foundation

/// Turns Dutch text into search tokens: lower case, diacritics folded (financiën -> financien),
/// split on anything that is not a letter or digit, stop words dropped, light stemming so that
/// plurals meet their singular (schulden -> schuld, moeders -> moeder, verslavingen -> verslaving).
enum DutchText {
    static let stopWords: Set<String> = [
        "de", "het", "een", "en", "van", "voor", "met", "in", "op", "bij", "aan", "te", "om", "of", "die", "dat",
        "is", "zijn", "er", "ook", "als", "naar", "tot", "uit", "door", "over", "je", "jij", "u", "uw", "we", "wij",
        "ze", "zij", "hun", "hoe", "wat", "wie", "waar", "nog", "niet", "wel", "maar", "dan", "kan", "kunt",
        "the", "and", "for", "of", "to", "a",
    ]

    /// Irregular plurals the suffix rules cannot reach.
    static let exceptions: [String: String] = [
        "kinderen": "kind", "kinders": "kind", "eieren": "ei", "babys": "baby", "zaken": "zaak",
        "jaren": "jaar", "weken": "week", "maanden": "maand", "steden": "stad", "gezinnen": "gezin",
    ]

    static func fold(_ text: String) -> String {
        // ASCII has no diacritics and folds case like `lowercased()`; Foundation's folding costs
        // far more, and most of the 40,000 services' text is plain ASCII
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.lowercased() }
        return text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: dutch)
    }

    private static let dutch = Locale(identifier: "nl_NL")
    /// `CharacterSet.alphanumerics` builds a new set on every access.
    private static let alphanumerics = CharacterSet.alphanumerics

    /// Words of the text, folded but not stemmed.
    static func words(_ text: String) -> [String] {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return asciiWords(text) }
        return scalarWords(text)
    }

    /// `words` on any text, a scalar at a time (internal: the tests hold the ASCII path to it).
    static func scalarWords(_ text: String) -> [String] {
        var result: [String] = []
        var current = ""
        for scalar in fold(text).unicodeScalars {
            if alphanumerics.contains(scalar) {
                current.unicodeScalars.append(scalar)
            } else if scalar == "'" || scalar == "’" {
                continue  // baby's -> babys
            } else if !current.isEmpty {
                result.append(current)
                current = ""
            }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    /// `words` for ASCII text, on its bytes: the same words (ASCII's letters and digits are its
    /// alphanumerics, its case folds to a-z), without a `Character` or `Unicode.Scalar` per letter.
    /// Building the search index of 40,000 services at start-up spent most of its time there.
    private static func asciiWords(_ text: String) -> [String] {
        var result: [String] = []
        var current: [UInt8] = []
        current.reserveCapacity(32)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                current.append(byte)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                current.append(byte + 32)
            case UInt8(ascii: "'"):
                continue  // baby's -> babys
            default:
                if !current.isEmpty {
                    result.append(String(decoding: current, as: UTF8.self))
                    current.removeAll(keepingCapacity: true)
                }
            }
        }
        if !current.isEmpty { result.append(String(decoding: current, as: UTF8.self)) }
        return result
    }

    /// Search tokens: words without stop words, stemmed.
    static func tokens(_ text: String) -> [String] {
        words(text).compactMap { w in stopWords.contains(w) ? nil : stem(w) }
    }

    static func stem(_ word: String) -> String {
        if let e = exceptions[word] { return e }
        // ASCII words (nearly all) are judged on their bytes: `Character.isLetter` is slow
        let ascii = word.utf8.allSatisfy { $0 < 0x80 }
        let length = ascii ? word.utf8.count : word.count
        let letters = ascii ? word.utf8.allSatisfy { ($0 | 0x20) >= UInt8(ascii: "a") && ($0 | 0x20) <= UInt8(ascii: "z") }
                            : word.allSatisfy { $0.isLetter }
        guard length > 4, letters else { return word }
        if word.hasSuffix("heden") { return String(word.dropLast(5)) + "heid" }
        if word.hasSuffix("ingen") { return String(word.dropLast(2)) }
        if word.hasSuffix("en"), length > 5 { return undouble(String(word.dropLast(2))) }
        if word.hasSuffix("s"), let before = word.dropLast().last, "rlnmde".contains(before) {
            return String(word.dropLast())
        }
        return word
    }

    /// groepp -> groep is no word, but lessen -> less -> les and mannen -> mann -> man are.
    private static func undouble(_ s: String) -> String {
        let chars = Array(s)
        guard chars.count >= 3, let last = chars.last, chars[chars.count - 2] == last,
              !"aeiou".contains(last) else { return s }
        return String(chars.dropLast())
    }

    /// Edit distance where swapping two neighbouring letters counts as one edit, as a typist
    /// makes it (voedselbnak -> voedselbank: 1); gives up (returning `limit + 1`) once it exceeds `limit`.
    static func editDistance(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMin = current[0]
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], beforePrevious[j - 2] + 1)
                }
                rowMin = min(rowMin, current[j])
            }
            if rowMin > limit { return limit + 1 }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count]
    }

    /// A typo is forgiven in words of at least this many letters, one edit at most (issue 15).
    static let typoMinimumLength = 5

    /// True when `a` is `b` with one typo (see `editDistance`), both long enough to judge.
    static func isTypo(_ a: [UInt8], of b: [UInt8]) -> Bool {
        a.count >= typoMinimumLength && b.count >= typoMinimumLength && a != b
            && editDistance(a, b, limit: 1) <= 1
    }

    /// The words of a query as typed (case and accents kept, for "Niet gevonden: ...") with their
    /// search token, stop words left out, each token once, at most `QueryWord.limit` of them.
    static func queryWords(_ text: String) -> [QueryWord] {
        var result: [QueryWord] = []
        var seen: Set<String> = []
        var raw = ""
        func flush() {
            defer { raw = "" }
            guard !raw.isEmpty, result.count < QueryWord.limit else { return }
            for word in words(raw) where !stopWords.contains(word) {
                let token = stem(word)
                if seen.insert(token).inserted && result.count < QueryWord.limit { result.append(QueryWord(shown: raw, token: token)) }
            }
        }
        for scalar in text.unicodeScalars {
            if alphanumerics.contains(scalar) {
                raw.unicodeScalars.append(scalar)
            } else if scalar == "'" || scalar == "’" {
                continue
            } else {
                flush()
            }
        }
        flush()
        return result
    }
}

/// One word of a search: as the person typed it, and the token the index knows it by.
struct QueryWord: Sendable, Equatable {
    /// Rankings keep a bit per word (`UInt32`); words after these are not searched for.
    static let limit = 32
    var shown: String
    var token: String
}
