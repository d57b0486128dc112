import Foundation
import Testing
import Vapor
@testable import KansrijkApp

/// `/services` pages built from pre-encoded items mean exactly what encoding the page whole means.
@Suite("HSDS pre-encoded service lists")
struct HSDSServiceJSONTests {
    static func json(_ data: Data) throws -> NSDictionary {
        try #require(JSONSerialization.jsonObject(with: data) as? NSDictionary)
    }

    @Test("a page of cached items equals the page encoded whole, on every page")
    func sameAsEncodedWhole() async throws {
        try await withApp { app in
            let snapshot = app.directory.snapshot
            let hsds = HSDSBuilder(snapshot: snapshot, catalog: try await HSDSCatalog.load(snapshot: snapshot, on: app.db))
            let cache = HSDSServiceJSONCache()
            let all = Array(snapshot.services.indices)
            #expect(all.count > 5)
            for paging in [HSDSPaging(page: 1, perPage: 5), HSDSPaging(page: 2, perPage: 5), HSDSPaging(page: 99, perPage: 5)] {
                for _ in 0..<2 {  // encoded, then from the cache
                    let docs = paging.slice(all)
                    let raw = HSDSPage<HSDSService>.response(encoded: try cache.listItems(docs, hsds: hsds), total: all.count, paging: paging)
                    let whole = HSDSPage(contents: docs.map { hsds.listItem(snapshot.services[$0]) }, total: all.count, paging: paging)
                    #expect(try Self.json(Data(buffer: raw.body.buffer!)) == Self.json(JSONEncoder().encode(whole)))
                    #expect(raw.headers.contentType == .json)
                }
            }
        }
    }

    @Test("a new snapshot never gets the items of the one before")
    func newSnapshotEncodesAgain() async throws {
        try await withApp(demo: false) { app in
            let first = SearchTests.record("Aardbei"), second = SearchTests.record("Boom")
            let old = DirectorySnapshot(services: [first, second], municipalities: SearchTests.municipalities, loadedAt: Date(timeIntervalSince1970: 1))
            let new = DirectorySnapshot(services: [second], municipalities: SearchTests.municipalities, loadedAt: Date(timeIntervalSince1970: 2))
            let cache = HSDSServiceJSONCache()
            for (snapshot, expected) in [(old, first), (new, second)] {
                let hsds = HSDSBuilder(snapshot: snapshot, catalog: try await HSDSCatalog.load(snapshot: snapshot, on: app.db))
                let item = try JSONDecoder().decode(HSDSService.self, from: Data(try #require(cache.listItems([0], hsds: hsds).first)))
                #expect(item.id == expected.id.hsds)
            }
        }
    }
}
