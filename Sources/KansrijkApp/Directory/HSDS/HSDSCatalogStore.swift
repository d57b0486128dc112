import Fluent
import NIOConcurrencyHelpers

/// Keeps the catalog of the newest snapshot. The first request after a directory reload
/// builds the new one; concurrent builders are harmless (same data, the newest wins).
final class HSDSCatalogStore: Sendable {
    private let current = NIOLockedValueBox<HSDSCatalog?>(nil)

    /// The snapshot's catalog if it is built, without waiting.
    func cached(for snapshot: DirectorySnapshot) -> HSDSCatalog? {
        current.withLockedValue { $0 }.flatMap { $0.stamp == snapshot.loadedAt ? $0 : nil }
    }

    func catalog(for snapshot: DirectorySnapshot, on db: any Database) async throws -> HSDSCatalog {
        if let cached = cached(for: snapshot) { return cached }
        let fresh = try await HSDSCatalog.load(snapshot: snapshot, on: db)
        current.withLockedValue { stored in
            if stored.map({ $0.stamp < fresh.stamp }) ?? true { stored = fresh }
        }
        return fresh
    }
}
