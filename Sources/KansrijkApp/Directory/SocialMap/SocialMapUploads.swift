import Fluent
import Foundation
import Vapor

/// Uploaded social maps between the steps of the flow (upload, columns, import), kept as the table
/// that was read, never as a file: nothing lands on disk or in the public folder. They live in the
/// database (`social_map_uploads`, ADR 0041), so a step may land on any instance and a restart
/// loses nothing. Each upload belongs to one session (its random key lives in the session), one
/// user and one coalition, and lasts `lifetime`; a user keeps at most `perUser` uploads (the oldest
/// go first), so one account cannot fill the table.
enum SocialMapUploads {
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
    static let perUser = 8
    static let sessionKey = "sociale-kaart"

    /// Keeps an upload and returns its key.
    static func put(_ upload: Upload, now: Date, on db: any Database) async throws -> String {
        let key = LoginFormToken.make()
        let record = try SocialMapUploadRecord(key: key, upload)
        try await db.writeTransaction { db in
            try await SocialMapUploadRecord.query(on: db).filter(\.$expiresAt <= now.timeIntervalSince1970).delete()
            let kept = try await SocialMapUploadRecord.query(on: db).filter(\.$userID == upload.userID)
                .sort(\.$expiresAt, .descending).all(\.$id)
            let older = Array(kept.dropFirst(perUser - 1))
            if !older.isEmpty { try await SocialMapUploadRecord.query(on: db).filter(\.$id ~~ older).delete() }
            try await record.create(on: db)
        }
        return key
    }

    /// The upload under `key` when it has not expired and belongs to this user and coalition.
    static func get(_ key: String, userID: UUID, coalitionID: UUID, now: Date, on db: any Database) async throws -> Upload? {
        guard let record = try await SocialMapUploadRecord.find(key, on: db), record.expiresAt > now.timeIntervalSince1970,
              record.userID == userID, record.coalitionID == coalitionID else { return nil }
        return try record.upload()
    }

    static func setColumns(_ columns: SocialMapColumns, for key: String, on db: any Database) async throws {
        let text = try SocialMapUploadRecord.encode(columns)
        try await db.writeTransaction { db in
            try await SocialMapUploadRecord.query(on: db).set(\.$columns, to: text).filter(\.$id == key).update()
        }
    }

    static func remove(_ key: String, on db: any Database) async throws {
        try await db.writeTransaction { db in
            try await SocialMapUploadRecord.query(on: db).filter(\.$id == key).delete()
        }
    }

    static func count(on db: any Database) async throws -> Int {
        try await SocialMapUploadRecord.query(on: db).count()
    }

    /// Removes the uploads whose time has passed (the purge of `SharedStatePurge`).
    static func purge(on db: any Database, now: Date) async throws {
        try await SocialMapUploadRecord.query(on: db).filter(\.$expiresAt <= now.timeIntervalSince1970).delete()
    }
}
