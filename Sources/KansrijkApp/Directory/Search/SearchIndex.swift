import Foundation
import NIOConcurrencyHelpers

/// An in-memory inverted index over the directory. Free text is matched the way people type
/// Dutch: exact stems first, then compounds (schuld ~ schuldhulpverlening, in both directions),
/// then one typo in a word of five letters or more. Built once per directory snapshot; queries never touch the database.
final class SearchIndex: Sendable {
    /// A field of a document with its weight (name counts more than description).
    struct Field {
        var text: String
        var weight: Float
    }

    struct Posting: Sendable {
        var doc: Int32
        var weight: Float
    }

    /// How strongly a query word matched a vocabulary word.
    enum MatchKind: Float, Sendable {
        case exact = 1.0
        case prefix = 0.8
        case compound = 0.7
        case infix = 0.6
        case typo = 0.55
    }

    let documentCount: Int
    /// Sorted vocabulary of stems, with each stem's postings and idf.
    private let vocabulary: [String]
    private let vocabularyBytes: [[UInt8]]
    private let postings: [[Posting]]
    private let idf: [Float]
    private let expansionCache = NIOLockedValueBox([String: [(Int, Float)]]())

    init(documents: [[Field]]) {
        var termDocs: [String: [Int32: Float]] = [:]
        for (doc, fields) in documents.enumerated() {
            for field in fields {
                for token in DutchText.tokens(field.text) {
                    termDocs[token, default: [:]][Int32(doc), default: 0] += field.weight
                }
            }
        }
        let sorted = termDocs.keys.sorted()
        let n = Float(max(documents.count, 1))
        self.documentCount = documents.count
        self.vocabulary = sorted
        self.vocabularyBytes = sorted.map { Array($0.utf8) }
        self.postings = sorted.map { term in
            termDocs[term]!.map { Posting(doc: $0.key, weight: min($0.value, 6)) }.sorted { $0.doc < $1.doc }
        }
        self.idf = sorted.map { term in log(1 + n / Float(termDocs[term]!.count)) }
    }

    var vocabularySize: Int { vocabulary.count }

    /// Adds one query token's matches to `scores` (indexed by document): per document the best of
    /// its expansions, field weight x match strength x idf, raised only (a document keeps the
    /// better of what it had and this). Every document whose score rises from 0 is appended to
    /// `touched`, so the caller walks the matches, not the whole directory. Dense arrays, not
    /// dictionaries: hashing was most of the cost of a broad query.
    func accumulate(_ token: String, into scores: inout [Float], touched: inout [Int32]) {
        let expansions = expand(token)
        scores.withUnsafeMutableBufferPointer { ws in
            for (term, factor) in expansions {
                let boost = factor * idf[term]
                postings[term].withUnsafeBufferPointer { ps in
                    for p in ps {
                        let s = p.weight * boost
                        let d = Int(p.doc)
                        if s > ws[d] {
                            if ws[d] == 0 { touched.append(p.doc) }
                            ws[d] = s
                        }
                    }
                }
            }
        }
    }

    /// Vocabulary entries a query word stands for, with the strength of the match.
    func expand(_ word: String) -> [(Int, Float)] {
        if let cached = expansionCache.withLockedValue({ $0[word] }) { return cached }
        var found: [Int: Float] = [:]
        func note(_ i: Int, _ kind: MatchKind) { found[i] = max(found[i] ?? 0, kind.rawValue) }
        let bytes = Array(word.utf8)

        // exact and prefix: binary search for the first entry >= word
        var lo = 0, hi = vocabulary.count
        while lo < hi { let mid = (lo + hi) / 2; if vocabulary[mid] < word { lo = mid + 1 } else { hi = mid } }
        var i = lo
        while i < vocabulary.count, vocabulary[i].hasPrefix(word) {
            note(i, vocabulary[i] == word ? .exact : (word.count >= 3 ? .prefix : .exact))
            if word.count < 3 && vocabulary[i] != word { found[i] = nil }
            i += 1
        }
        if word.count >= 4 {
            for (j, entry) in vocabularyBytes.enumerated() where found[j] == nil {
                if entry.count >= 4, bytes.count > entry.count, bytes.starts(with: entry) {
                    note(j, .compound)  // schuldhulpverlening finds schuld
                } else if entry.count > bytes.count, contains(entry, bytes) {
                    note(j, .infix)  // hulp finds schuldhulp
                } else if abs(entry.count - bytes.count) <= 1, DutchText.isTypo(bytes, of: entry) {
                    note(j, .typo)  // voedselbnak finds voedselbank; words under five letters never
                }
            }
        }
        let result = found.map { ($0.key, $0.value) }
        expansionCache.withLockedValue { cache in
            if cache.count > 10_000 { cache.removeAll(keepingCapacity: true) }
            cache[word] = result
        }
        return result
    }

    private func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard needle.count <= haystack.count else { return false }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if haystack[start..<(start + needle.count)].elementsEqual(needle) { return true }
        }
        return false
    }
}
