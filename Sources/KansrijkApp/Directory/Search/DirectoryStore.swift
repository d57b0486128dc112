import Fluent
import NIOConcurrencyHelpers
import Vapor

/// Holds the current directory snapshot. Every write to the directory calls `reload`, which
/// builds the new snapshot off to the side and swaps it in; readers are never blocked.
final class DirectoryStore: Sendable {
    private let current = NIOLockedValueBox(DirectorySnapshot(services: [], municipalities: []))

    var snapshot: DirectorySnapshot { current.withLockedValue { $0 } }

    func reload(on db: any Database) async throws {
        let fresh = try await DirectorySnapshot.load(from: db)
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
