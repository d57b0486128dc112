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
    var page = 1
    var perPage = 20
}

/// Where a result sits relative to the client's municipality.
enum Locality: Int, Sendable, Comparable {
    case municipality = 0, region = 1, nationwide = 2
    static func < (a: Locality, b: Locality) -> Bool { a.rawValue < b.rawValue }
}

struct DirectoryHit: Sendable {
    var service: ServiceRecord
    var score: Float
    var locality: Locality
}

struct DirectoryResults: Sendable {
    var hits: [DirectoryHit]
    var total: Int
    var page: Int
    var perPage: Int
    var totalPages: Int { max(1, (total + perPage - 1) / perPage) }
}

extension DirectorySnapshot {
    /// Relevance first within each locality tier; local services before regional before national.
    /// Only the requested page is fully ordered, so a broad query stays cheap.
    func search(_ q: DirectoryQuery) -> DirectoryResults {
        let scores = index.scores(for: q.text)
        let phaseID = q.phase.flatMap { Term.find(.fase, $0)?.id }
        let themeID = q.theme.flatMap { Term.find(.thema, $0)?.id }
        let groupID = q.targetGroup.flatMap { Term.find(.doelgroep, $0)?.id }
        let anyPhaseIDs = q.anyPhase.compactMap { Term.find(.fase, $0)?.id }
        let professionalsOnly = Term.find(.doelgroep, "professionals")!.id
        let groupIDs = Set(Term.targetGroups.map(\.id))

        func passes(_ s: ServiceRecord) -> Bool {
            if !q.includeInactive && s.status == .defunct { return false }
            if let id = phaseID, !s.termIDs.contains(id) { return false }
            if let id = themeID, !s.termIDs.contains(id) { return false }
            if !anyPhaseIDs.isEmpty, !s.termIDs.contains(where: anyPhaseIDs.contains) { return false }
            if q.forParents, s.termIDs.contains(professionalsOnly),
               !s.termIDs.contains(where: { groupIDs.contains($0) && $0 != professionalsOnly }) { return false }
            if let id = groupID, !s.termIDs.contains(id) { return false }
            if let id = q.termID, !s.termIDs.contains(id) { return false }
            if let org = q.organisationID, s.organisationID != org { return false }
            if let lang = q.language, !s.languages.contains(where: { $0.code == lang }) { return false }
            if let after = q.modifiedAfter, (s.updatedAt ?? .distantPast) <= after { return false }
            return true
        }

        var ranked = TopRanked(limit: max(q.page, 1) * max(1, min(q.perPage, 200)))
        func consider(_ doc: Int, _ locality: Locality) {
            let score: Float
            if let scores { guard let s = scores[Int32(doc)] else { return }; score = s } else { score = 0 }
            guard passes(services[doc]) else { return }
            ranked.add(RankedDoc(doc: doc, score: score, locality: locality))
        }
        if let m = q.municipality {
            // candidates come from the area lists, never from a scan of the whole country
            var seen = Set<Int>()
            let region = municipalities[m]?.ggdCode
            for doc in docsByMunicipality[m] ?? [] where seen.insert(doc).inserted { consider(doc, .municipality) }
            for doc in region.flatMap({ docsByRegion[$0] }) ?? [] where seen.insert(doc).inserted { consider(doc, .region) }
            for doc in nationwideDocs where seen.insert(doc).inserted { consider(doc, .nationwide) }
        } else if let scores {
            for doc in scores.keys { consider(Int(doc), .municipality) }
        } else {
            for doc in services.indices { consider(doc, .municipality) }
        }
        let perPage = max(1, min(q.perPage, 200))
        let ordered = ranked.sorted()
        let start = (max(q.page, 1) - 1) * perPage
        let pageHits = start < ordered.count ? ordered[start..<min(start + perPage, ordered.count)] : []
        return DirectoryResults(
            hits: pageHits.map { DirectoryHit(service: services[$0.doc], score: $0.score, locality: $0.locality) },
            total: ranked.total, page: max(q.page, 1), perPage: perPage)
    }
}

struct RankedDoc: Sendable {
    var doc: Int
    var score: Float
    var locality: Locality

    /// Local before regional before national, then relevance, then name (services are sorted by name).
    func ranksBefore(_ other: RankedDoc) -> Bool {
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
