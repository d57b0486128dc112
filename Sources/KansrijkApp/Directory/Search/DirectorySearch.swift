import Foundation

/// What a professional (or a parent) asks the directory.
struct DirectoryQuery: Sendable, Equatable {
    var text: String = ""
    /// The client's municipality: its services first, then the GGD region, then nationwide ones.
    var municipality: String?
    var phase: String?
    /// Any of these phases (parents say "zwanger", which is three trimesters).
    var anyPhase: [String] = []
    var theme: String?
    var targetGroup: String?
    var language: String?
    var organisationID: UUID?
    var termID: UUID?
    var modifiedAfter: Date?
    var includeInactive = false
    /// Leave out what is only for professionals (an MDO, a training), for the parents' pages.
    var forParents = false
    /// Only services matching every word that matches anything in the directory (the HSDS API's
    /// `search`, as documented); the pages rank by how many words match instead (issue 15).
    var allWords = false
    var page = 1
    var perPage = 20
}

/// Where a result sits relative to the client's municipality.
enum Locality: Int, Sendable, Comparable {
    case municipality = 0, region = 1, nationwide = 2
    static func < (a: Locality, b: Locality) -> Bool { a.rawValue < b.rawValue }
}

struct DirectoryHit: Sendable {
    /// Index into the snapshot's `services`.
    var doc: Int
    var service: ServiceRecord
    var score: Float
    var locality: Locality
}

struct DirectoryResults: Sendable {
    var hits: [DirectoryHit]
    var total: Int
    var page: Int
    var perPage: Int
    /// The query's words, as typed.
    var words: [QueryWord] = []
    /// Words that no result matched, as typed ("Niet gevonden: klachten").
    var unmatchedWords: [String] = []
    /// Theme codes the query's words stand for (`SearchSynonyms`), each once, in word order: what
    /// the page suggests when nothing is found.
    var themes: [String] = []
    /// Some results match fewer of the words than others: the ranking by words is worth saying.
    var partialMatches = false
    var totalPages: Int { max(1, (total + perPage - 1) / perPage) }
    var docs: [Int] { hits.map(\.doc) }
}

extension DirectorySnapshot {
    /// The services matching most of the query's words first; among equals local services before
    /// regional before national, then relevance (see `RankedDoc`). A word need not match for a
    /// service to be found: one unknown word does not empty the page, it is reported instead.
    /// Only the requested page is fully ordered, so a broad query stays cheap.
    func search(_ q: DirectoryQuery) -> DirectoryResults {
        let perPage = max(1, min(q.perPage, 200))
        var ranked = TopRanked(limit: max(q.page, 1) * perPage)
        let outcome = forEachMatch(q) { ranked.add($0) }
        let ordered = ranked.sorted()
        let start = (max(q.page, 1) - 1) * perPage
        let pageHits = start < ordered.count ? ordered[start..<min(start + perPage, ordered.count)] : []
        var results = DirectoryResults(
            hits: pageHits.map { DirectoryHit(doc: $0.doc, service: services[$0.doc], score: $0.score, locality: $0.locality) },
            total: ranked.total, page: max(q.page, 1), perPage: perPage)
        if let match = outcome.match {
            results.words = match.words
            results.unmatchedWords = match.words.indices.filter { outcome.matchedWords & (1 << UInt32($0)) == 0 }.map { match.words[$0].shown }
            var themes: [String] = []
            for code in match.themes.joined() where !themes.contains(code) { themes.append(code) }
            results.themes = themes
            results.partialMatches = Int(outcome.fewestWords) < outcome.matchedWords.nonzeroBitCount
        }
        return results
    }

    /// Every match in `search` order, optionally narrowed to services carrying any of `anyTermOf`
    /// (an HSDS taxonomy filter); for listings that need them all.
    func allMatches(_ q: DirectoryQuery, anyTermOf termIDs: Set<UUID>? = nil) -> [Int] {
        var found: [RankedDoc] = []
        forEachMatch(q, anyTermOf: termIDs) { found.append($0) }
        return found.sorted { $0.ranksBefore($1) }.map(\.doc)
    }

    /// The one place that decides what matches: text scores, filters, locality tiers.
    /// Filters read the compact `facts` (bit masks), never a whole `ServiceRecord`. Returns how
    /// the text matched and which of its words (bits) a passing service matched.
    @discardableResult
    private func forEachMatch(_ q: DirectoryQuery, anyTermOf termIDs: Set<UUID>? = nil,
                              _ body: (RankedDoc) -> Void) -> (match: TextMatch?, matchedWords: UInt32, fewestWords: UInt8) {
        let match = textMatch(q.text)
        var matchedWords: UInt32 = 0, fewestWords = UInt8.max
        var required: UInt64 = 0
        for (vocabulary, code) in [(Vocabulary.fase, q.phase), (.thema, q.theme), (.doelgroep, q.targetGroup)] {
            if let code, let term = Term.find(vocabulary, code) { required |= term.bit }
        }
        // a term of our own vocabularies filters by bit; an imported term by the record's list
        var foreignTerm: UUID?
        if let id = q.termID { if let term = Term.byID[id] { required |= term.bit } else { foreignTerm = id } }
        let anyPhase = q.anyPhase.compactMap { Term.find(.fase, $0)?.bit }.reduce(0, |)
        let languageBit = q.language.map { LanguageCatalog.bit($0) }
        let modifiedAfter = q.modifiedAfter?.timeIntervalSinceReferenceDate

        func passes(_ doc: Int) -> Bool {
            let f = facts[doc]
            if !q.includeInactive && f.isDefunct { return false }
            if f.termMask & required != required { return false }
            if anyPhase != 0 && f.termMask & anyPhase == 0 { return false }
            if let org = q.organisationID, f.organisationID != org { return false }
            if let bit = languageBit {
                if bit != 0 { if f.languageMask & bit == 0 { return false } }
                else if !services[doc].languages.contains(where: { $0.code == q.language }) { return false }
            }
            if let after = modifiedAfter, f.updated <= after { return false }
            if q.forParents && f.onlyForProfessionals { return false }
            if let foreignTerm, !services[doc].termIDs.contains(foreignTerm) { return false }
            if let termIDs, !services[doc].termIDs.contains(where: termIDs.contains) { return false }
            return true
        }
        func consider(_ doc: Int, _ locality: Locality) {
            var score: Float = 0, words: UInt32 = 0
            if let match {
                score = match.scores[doc]
                if score <= 0 { return }
                words = match.masks.isEmpty ? 1 : match.masks[doc]
                if q.allWords && words & match.foundWords != match.foundWords { return }
            }
            if passes(doc) {
                let coverage = UInt8(words.nonzeroBitCount)
                matchedWords |= words
                fewestWords = min(fewestWords, coverage)
                body(RankedDoc(doc: doc, score: score, locality: locality, coverage: coverage))
            }
        }
        if let m = q.municipality {
            // Candidates come from the area lists, never from a scan of the whole country. The
            // lists are ascending, so the region's services that are also the municipality's are
            // skipped by walking both lists at once (a Set of seen documents cost more than the
            // scoring); nationwide services have no areas, so they are in neither list.
            let local = docsByMunicipality[m] ?? []
            for (i, doc) in local.enumerated() where i == 0 || local[i - 1] != doc { consider(doc, .municipality) }
            var next = 0
            for doc in municipalities[m].flatMap({ docsByRegion[$0.ggdCode] }) ?? [] {
                while next < local.count && local[next] < doc { next += 1 }
                if next < local.count && local[next] == doc { continue }
                consider(doc, .region)
            }
            for doc in nationwideDocs { consider(doc, .nationwide) }
        } else {
            for doc in services.indices { consider(doc, .municipality) }
        }
        return (match, matchedWords, fewestWords)
    }
}

/// What the filters need of one service, without reference-counted fields, so scanning
/// thousands of candidates touches one small value each.
struct DocFacts: Sendable {
    var termMask: UInt64
    var languageMask: UInt32
    var organisationID: UUID
    var isDefunct: Bool
    var onlyForProfessionals: Bool
    var updated: Double

    init(_ s: ServiceRecord) {
        termMask = s.termIDs.reduce(0) { $0 | (Term.byID[$1]?.bit ?? 0) }
        languageMask = s.languages.reduce(0) { $0 | LanguageCatalog.bit($1.code) }
        organisationID = s.organisationID
        isDefunct = s.status == .defunct
        let professionals = Term.find(.doelgroep, "professionals")!.bit
        let groups = Term.targetGroups.reduce(UInt64(0)) { $0 | $1.bit }
        onlyForProfessionals = termMask & professionals != 0 && termMask & groups & ~professionals == 0
        updated = (s.updatedAt ?? .distantPast).timeIntervalSinceReferenceDate
    }
}

struct RankedDoc: Sendable {
    var doc: Int
    var score: Float
    var locality: Locality
    /// How many of the query's words it matched (0 without free text).
    var coverage: UInt8 = 0

    /// More of the query's words first ("psychische klachten": the services matching both before
    /// those matching one); then local before regional before national, then relevance, then name
    /// (services are sorted by name).
    func ranksBefore(_ other: RankedDoc) -> Bool {
        if coverage != other.coverage { return coverage > other.coverage }
        if locality != other.locality { return locality < other.locality }
        if score != other.score { return score > other.score }
        return doc < other.doc
    }
}

/// Keeps the best `limit` documents seen and counts them all.
struct TopRanked {
    let limit: Int
    private(set) var total = 0
    private var best: [RankedDoc] = []

    init(limit: Int) { self.limit = limit }

    mutating func add(_ d: RankedDoc) {
        total += 1
        if best.count == limit, let last = best.last, !d.ranksBefore(last) { return }
        var lo = 0, hi = best.count
        while lo < hi { let mid = (lo + hi) / 2; if best[mid].ranksBefore(d) { lo = mid + 1 } else { hi = mid } }
        best.insert(d, at: lo)
        if best.count > limit { best.removeLast() }
    }

    func sorted() -> [RankedDoc] { best }
}
