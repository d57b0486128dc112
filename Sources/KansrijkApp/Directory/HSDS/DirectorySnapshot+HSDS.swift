import Foundation

extension DirectorySnapshot {
    /// Every service that `search` would find for the query, in the same order, optionally
    /// narrowed to services carrying any of `anyTermOf`. For listings that need all matches
    /// (a taxonomy filter, services per location); `search` stays the fast path for one page.
    /// The filters mirror `search(_:)` in DirectorySearch.swift; the HSDS tests hold the two together.
    func allMatches(_ q: DirectoryQuery, anyTermOf termIDs: Set<UUID>? = nil) -> [Int] {
        let scores = index.scores(for: q.text)
        let phaseID = q.phase.flatMap { Term.find(.fase, $0)?.id }
        let themeID = q.theme.flatMap { Term.find(.thema, $0)?.id }
        let groupID = q.targetGroup.flatMap { Term.find(.doelgroep, $0)?.id }
        let anyPhaseIDs = q.anyPhase.compactMap { Term.find(.fase, $0)?.id }

        // borrowing: a copy of each record (some twenty reference-counted fields) dominated the profile
        func passes(_ s: borrowing ServiceRecord) -> Bool {
            if !q.includeInactive && s.status == .defunct { return false }
            if let id = phaseID, !s.termIDs.contains(id) { return false }
            if let id = themeID, !s.termIDs.contains(id) { return false }
            if !anyPhaseIDs.isEmpty, !s.termIDs.contains(where: anyPhaseIDs.contains) { return false }
            if let id = groupID, !s.termIDs.contains(id) { return false }
            if let id = q.termID, !s.termIDs.contains(id) { return false }
            if let org = q.organisationID, s.organisationID != org { return false }
            if let lang = q.language, !s.languages.contains(where: { $0.code == lang }) { return false }
            if let after = q.modifiedAfter, (s.updatedAt ?? .distantPast) <= after { return false }
            if let termIDs, !s.termIDs.contains(where: termIDs.contains) { return false }
            return true
        }

        var found: [RankedDoc] = []
        func consider(_ doc: Int, _ locality: Locality) {
            let score: Float
            if let scores { guard let s = scores[Int32(doc)] else { return }; score = s } else { score = 0 }
            guard passes(services[doc]) else { return }
            found.append(RankedDoc(doc: doc, score: score, locality: locality))
        }
        if let m = q.municipality {
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
        return found.sorted { $0.ranksBefore($1) }.map(\.doc)
    }
}
