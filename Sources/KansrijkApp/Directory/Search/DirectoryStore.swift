import Fluent
import NIOConcurrencyHelpers
import Vapor

/// Holds the current directory snapshot. Every write to the directory calls `reload`, which
/// builds the new snapshot off to the side and swaps it in; readers are never blocked. A write
/// also bumps `ClusterTopic.directory`, so every other instance reloads too (ADR 0040).
final class DirectoryStore: Sendable {
    private struct Installed { var snapshot: DirectorySnapshot; var started = 0; var installed = 0 }
    private let current = NIOLockedValueBox(Installed(snapshot: DirectorySnapshot(services: [], municipalities: [])))
    private let words = NIOLockedValueBox(SearchSynonyms.builtIn)
    /// Told which version of the topic a reload read, so its poller does not load it again.
    let changes: ClusterChanges?
    /// SQLite's read pool, for the large tables of a reload (nil on PostgreSQL).
    let pool: SQLiteReadPool?

    init(changes: ClusterChanges? = nil, pool: SQLiteReadPool? = nil) {
        self.changes = changes
        self.pool = pool
    }

    var snapshot: DirectorySnapshot { current.withLockedValue { $0.snapshot } }

    /// The everyday words for the themes that the next snapshot searches with (see `SearchSynonyms`).
    var synonyms: SearchSynonyms {
        get { words.withLockedValue { $0 } }
        set { words.withLockedValue { $0 = newValue } }
    }

    /// Reads the directory and swaps it in, unless a reload that started later was swapped in
    /// first (a local write's reload and the poller's may overlap: the older read must not win).
    func reload(on db: any Database) async throws {
        let order = current.withLockedValue { c -> Int in c.started += 1; return c.started }
        // the version before the read: the snapshot holds at least every change up to it
        let version = changes == nil ? nil : try? await ClusterChanges.versions(on: db)[.directory] ?? 0
        let fresh = try await DirectorySnapshot.load(from: db, pool: pool, synonyms: synonyms)
        let swapped = current.withLockedValue { c -> Bool in
            guard order > c.installed else { return false }
            c.snapshot = fresh
            c.installed = order
            return true
        }
        if swapped, let version { changes?.loaded(.directory, at: version) }
    }
}

extension Application {
    private struct DirectoryStoreKey: StorageKey { typealias Value = DirectoryStore }

    var directory: DirectoryStore {
        if let existing = storage[DirectoryStoreKey.self] { return existing }
        let store = DirectoryStore(changes: clusterChanges, pool: sqliteReads)
        storage[DirectoryStoreKey.self] = store
        return store
    }
}

extension Request {
    var directory: DirectorySnapshot { application.directory.snapshot }
}
