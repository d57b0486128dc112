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

    convenience init(documents: [[Field]]) {
        self.init(count: documents.count) { documents[$0] }
    }

    /// The index of `count` documents, the fields of document `i` from `fields(i)`: asked once per
    /// document, from several threads, and dropped once tokenised (all 40,000 services' texts at once
    /// were 130 MB of a national start-up's peak, which the allocator then kept).
    init(count: Int, fields: @Sendable (Int) -> [Field]) {
        // the documents in parts, tokenised side by side (one part per core; tokenising is nearly all
        // of building the index of 40,000 services at start-up), then the parts' lists joined in order
        let partCount = count < 2_000 ? 1 : max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8))
        let partSize = (count + partCount - 1) / max(partCount, 1)
        let parts = NIOLockedValueBox([Int: Postings]())
        DispatchQueue.concurrentPerform(iterations: partCount) { part in
            let range = min(part * partSize, count)..<min((part + 1) * partSize, count)
            let built = Postings(range, fields)
            parts.withLockedValue { $0[part] = built }
        }
        var all = Postings()
        for part in 0..<partCount { if let built = parts.withLockedValue({ $0[part] }) { all.append(built) } }

        let order = all.termIDs.sorted { $0.key < $1.key }
        let n = Float(max(count, 1))
        self.documentCount = count
        self.vocabulary = order.map(\.key)
        self.vocabularyBytes = order.map { Array($0.key.utf8) }
        self.postings = order.map { all.lists[$0.value].map { Posting(doc: $0.doc, weight: min($0.weight, 6)) } }
        self.idf = order.map { log(1 + n / Float(all.lists[$0.value].count)) }
    }

    /// One posting list per term, appended in document order (so sorted by document), a document's
    /// repeated term adding to its last posting: no dictionary per term.
    private struct Postings: Sendable {
        var termIDs: [String: Int] = [:]
        var lists: [[Posting]] = []

        init() {}

        init(_ documents: Range<Int>, _ fields: (Int) -> [Field]) {
            for document in documents {
                let doc = Int32(document)
                for field in fields(document) {
                    for token in DutchText.tokens(field.text) { add(token, doc: doc, weight: field.weight) }
                }
            }
        }

        mutating func add(_ token: String, doc: Int32, weight: Float) {
            let term: Int
            if let known = termIDs[token] {
                term = known
            } else {
                term = lists.count
                termIDs[token] = term
                lists.append([])
            }
            if let last = lists[term].indices.last, lists[term][last].doc == doc {
                lists[term][last].weight += weight
            } else {
                lists[term].append(Posting(doc: doc, weight: weight))
            }
        }

        /// Appends a part of later documents.
        mutating func append(_ later: Postings) {
            if lists.isEmpty { self = later; return }
            for (token, laterTerm) in later.termIDs {
                if let term = termIDs[token] {
                    lists[term].append(contentsOf: later.lists[laterTerm])
                } else {
                    termIDs[token] = lists.count
                    lists.append(later.lists[laterTerm])
                }
            }
        }
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
