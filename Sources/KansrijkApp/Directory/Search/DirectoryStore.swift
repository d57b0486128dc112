import Fluent
import NIOConcurrencyHelpers
import Vapor

/// Holds the current directory snapshot. Every write to the directory calls `reload`, which
/// builds the new snapshot off to the side and swaps it in; readers are never blocked.
final class DirectoryStore: Sendable {
    private let current = NIOLockedValueBox(DirectorySnapshot(services: [], municipalities: []))
    private let words = NIOLockedValueBox(SearchSynonyms.builtIn)

    var snapshot: DirectorySnapshot { current.withLockedValue { $0 } }

    /// The everyday words for the themes that the next snapshot searches with (see `SearchSynonyms`).
    var synonyms: SearchSynonyms {
        get { words.withLockedValue { $0 } }
        set { words.withLockedValue { $0 = newValue } }
    }

    func reload(on db: any Database) async throws {
        let fresh = try await DirectorySnapshot.load(from: db, synonyms: synonyms)
        current.withLockedValue { $0 = fresh }
    }
}

extension Application {
    private struct DirectoryStoreKey: StorageKey { typealias Value = DirectoryStore }

    var directory: DirectoryStore {
        if let existing = storage[DirectoryStoreKey.self] { return existing }
        let store = DirectoryStore()
        storage[DirectoryStoreKey.self] = store
        return store
    }
}

extension Request {
    var directory: DirectorySnapshot { application.directory.snapshot }
}
