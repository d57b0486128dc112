import Foundation
import Testing
@testable import KansrijkApp

/// The search page's per-snapshot article cache (`SearchResultFragmentCache`).
@Suite("Search page article cache")
struct SearchPagePerfTests {
    static func hit(_ record: ServiceRecord) -> DirectoryHit {
        DirectoryHit(doc: 0, service: record, score: 1, locality: .nationwide)
    }

    static func rendered(_ record: ServiceRecord, _ language: UILanguage) -> SearchResultFragment {
        SearchResultFragment(ServiceSummaryView(record, locality: nil, municipalityName: nil, english: language == .en), language: language)
    }

    @Test("a cached article is the one rendered on the spot, in each language, and follows a new snapshot")
    func cachedArticlesFollowTheSnapshot() {
        let cache = SearchResultFragmentCache()
        let before = SearchTests.record("Schuldhulp", description: "Hulp bij <geld> & schulden", phases: ["0-1"])
        let old = DirectorySnapshot(services: [before], municipalities: [], loadedAt: Date(timeIntervalSince1970: 1))
        for language in [UILanguage.nl, .en] {
            for _ in 0..<2 {  // the first call renders, the second reads the cache
                let cached = cache.fragments([Self.hit(before)], snapshot: old, language: language)
                #expect(cached.map(\.head) == [Self.rendered(before, language).head])
                #expect(cached.map(\.tail) == [Self.rendered(before, language).tail])
            }
        }
        #expect(cache.fragments([Self.hit(before)], snapshot: old, language: .en)[0].tail.contains("aria-label=\"Phases\""))

        var after = before
        after.name = "Schuldhulp Zeist"
        let new = DirectorySnapshot(services: [after], municipalities: [], loadedAt: Date(timeIntervalSince1970: 2))
        #expect(cache.fragments([Self.hit(after)], snapshot: new, language: .nl)[0].head.contains("Schuldhulp Zeist</a>"))
        // a request still holding the older snapshot gets that snapshot's article, and does not displace the newer one
        #expect(!cache.fragments([Self.hit(before)], snapshot: old, language: .nl)[0].head.contains("Zeist"))
        #expect(cache.fragments([Self.hit(after)], snapshot: new, language: .nl)[0].head.contains("Schuldhulp Zeist</a>"))
    }
}
