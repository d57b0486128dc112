import Foundation
import NIOConcurrencyHelpers

/// Each service's HSDS list item (`compiled/service_list.json`) as JSON bytes, encoded once per
/// directory snapshot, the first time a list shows it. `JSONEncoder` was most of the cost of a
/// `/services` page; with this a page is its items' bytes joined inside the paging envelope
/// (`HSDSPage.response(encoded:total:paging:)`).
final class HSDSServiceJSONCache: Sendable {
    private struct Entries {
        var stamp: Date
        var items: [[UInt8]?]
    }

    private let current = NIOLockedValueBox<Entries?>(nil)

    /// The list items of `docs` (indices into the builder's snapshot), in that order.
    func listItems(_ docs: some Collection<Int>, hsds: HSDSBuilder) throws -> [[UInt8]] {
        let stamp = hsds.snapshot.loadedAt
        var found: [[UInt8]?] = current.withLockedValue { entries in
            guard let entries, entries.stamp == stamp else { return Array(repeating: nil, count: docs.count) }
            return docs.map { entries.items[$0] }
        }
        var fresh: [(doc: Int, json: [UInt8])] = []
        let encoder = JSONEncoder()
        for (i, doc) in docs.enumerated() where found[i] == nil {
            let json = Array(try encoder.encode(hsds.listItem(hsds.snapshot.services[doc])))
            found[i] = json
            fresh.append((doc, json))
        }
        if !fresh.isEmpty {
            current.withLockedValue { entries in
                // a newer snapshot's entries replace an older one's; an older snapshot's are never stored over a newer
                if entries == nil || entries!.stamp < stamp {
                    entries = Entries(stamp: stamp, items: Array(repeating: nil, count: hsds.snapshot.services.count))
                }
                guard entries!.stamp == stamp else { return }
                for (doc, json) in fresh { entries!.items[doc] = json }
            }
        }
        return found.map { $0! }
    }
}
