import Foundation
import NIOConcurrencyHelpers

/// The result articles of the current directory snapshot, per language, each rendered the first
/// time a search shows it. A newer snapshot's articles replace an older one's.
final class SearchResultFragmentCache: Sendable {
    private struct Entries {
        var stamp: Date
        var byLanguage: [UILanguage: [SearchResultFragment?]]
    }

    private let current = NIOLockedValueBox<Entries?>(nil)

    /// The articles of `hits`, in that order.
    func fragments(_ hits: [DirectoryHit], snapshot: DirectorySnapshot, language: UILanguage) -> [SearchResultFragment] {
        let stamp = snapshot.loadedAt
        var found: [SearchResultFragment?] = current.withLockedValue { entries in
            guard let entries, entries.stamp == stamp, let items = entries.byLanguage[language] else {
                return Array(repeating: nil, count: hits.count)
            }
            return hits.map { items[$0.doc] }
        }
        var fresh: [(doc: Int, fragment: SearchResultFragment)] = []
        for (i, hit) in hits.enumerated() where found[i] == nil {
            let view = ServiceSummaryView(hit.service, locality: nil, municipalityName: nil, english: language == .en)
            let fragment = SearchResultFragment(view, language: language)
            found[i] = fragment
            fresh.append((hit.doc, fragment))
        }
        if !fresh.isEmpty {
            current.withLockedValue { entries in
                if entries == nil || entries!.stamp < stamp { entries = Entries(stamp: stamp, byLanguage: [:]) }
                guard entries!.stamp == stamp else { return }
                var items = entries!.byLanguage.removeValue(forKey: language)
                    ?? Array(repeating: nil, count: snapshot.services.count)
                for (doc, fragment) in fresh { items[doc] = fragment }
                entries!.byLanguage[language] = items
            }
        }
        return found.map { $0! }
    }
}
