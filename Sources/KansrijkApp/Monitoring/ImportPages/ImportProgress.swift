import NIOConcurrencyHelpers
import Vapor

/// How far running imports are, in memory: rows checked of the rows in the file, then storing.
/// The status page reads it; a job that is `bezig` without an entry here was cut off by a restart.
final class ImportProgress: Sendable {
    struct Entry: Sendable, Equatable {
        var rowsRead: Int
        var rowsTotal: Int
        var storing: Bool
    }

    private let entries = NIOLockedValueBox<[UUID: Entry]>([:])

    func start(_ id: UUID, rowsTotal: Int) { entries.withLockedValue { $0[id] = Entry(rowsRead: 0, rowsTotal: rowsTotal, storing: false) } }
    func read(_ id: UUID, rows: Int) { entries.withLockedValue { $0[id]?.rowsRead = rows } }
    func storing(_ id: UUID) {
        entries.withLockedValue { entries in
            guard var entry = entries[id] else { return }
            entry.storing = true
            entry.rowsRead = entry.rowsTotal
            entries[id] = entry
        }
    }
    func finish(_ id: UUID) { _ = entries.withLockedValue { $0.removeValue(forKey: id) } }
    func entry(_ id: UUID) -> Entry? { entries.withLockedValue { $0[id] } }
}

extension Application {
    private struct ImportProgressKey: StorageKey { typealias Value = ImportProgress }

    var importProgress: ImportProgress {
        if let existing = storage[ImportProgressKey.self] { return existing }
        let made = ImportProgress()
        storage[ImportProgressKey.self] = made
        return made
    }
}
