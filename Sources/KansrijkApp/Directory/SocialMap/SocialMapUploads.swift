import Foundation
import NIOConcurrencyHelpers
import Vapor

/// Uploaded social maps between the steps of the flow (upload, columns, import), held in memory
/// as the table that was read, never as a file: nothing lands on disk or in the public folder.
/// Each upload belongs to one session (its random key lives in the session), one user and one
/// coalition, lasts `lifetime`, and the store holds at most `capacity` uploads (the oldest go
/// first). A restart, or a second instance, loses them: the coordinator uploads again (ADR 0037).
final class SocialMapUploads: Sendable {
    struct Upload: Sendable {
        var userID: UUID
        var coalitionID: UUID
        var fileName: String
        var kind: SpreadsheetFile.Kind
        var table: SpreadsheetTable
        /// The mapping the coordinator confirmed; nil until then.
        var columns: SocialMapColumns?
        var expires: Date
    }

    static let lifetime: TimeInterval = 30 * 60
    static let capacity = 32
    static let sessionKey = "sociale-kaart"

    private let uploads = NIOLockedValueBox([String: Upload]())

    init() {}

    /// Keeps an upload and returns its key.
    func put(_ upload: Upload, now: Date) -> String {
        let key = LoginFormToken.make()
        uploads.withLockedValue { all in
            all = all.filter { $0.value.expires > now }
            while all.count >= Self.capacity, let oldest = all.min(by: { $0.value.expires < $1.value.expires })?.key {
                all[oldest] = nil
            }
            all[key] = upload
        }
        return key
    }

    /// The upload under `key` when it has not expired and belongs to this user and coalition.
    func get(_ key: String, userID: UUID, coalitionID: UUID, now: Date) -> Upload? {
        uploads.withLockedValue { all in
            guard let upload = all[key], upload.expires > now else {
                all[key] = nil
                return nil
            }
            return upload.userID == userID && upload.coalitionID == coalitionID ? upload : nil
        }
    }

    func setColumns(_ columns: SocialMapColumns, for key: String) {
        uploads.withLockedValue { $0[key]?.columns = columns }
    }

    func remove(_ key: String) {
        uploads.withLockedValue { $0[key] = nil }
    }

    var count: Int { uploads.withLockedValue(\.count) }
}

extension Application {
    private struct SocialMapUploadsKey: StorageKey { typealias Value = SocialMapUploads }
    /// Set once in `configure`.
    var socialMapUploads: SocialMapUploads {
        get { storage[SocialMapUploadsKey.self] ?? SocialMapUploads() }
        set { storage[SocialMapUploadsKey.self] = newValue }
    }
}
