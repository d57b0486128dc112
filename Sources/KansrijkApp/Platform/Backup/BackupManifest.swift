import Crypto
import Foundation

/// `manifest.json` of a backup archive (ADR 0045): what it holds, made by which version and when,
/// the row count of every table at the moment of the backup, and a SHA-256 per file, so `restore`
/// checks an archive completely before it replaces anything.
struct BackupManifest: Codable, Sendable, Equatable {
    static let formatName = "kansrijk-backup"
    static let currentFormatVersion = 1
    static let entryName = "manifest.json"

    enum Kind: String, Codable, Sendable {
        case sqlite, postgresql
    }

    struct File: Codable, Sendable, Equatable {
        /// The name inside the archive.
        var name: String
        /// `main` or `audit` (SQLite), `dump` (pg_dump's custom format).
        var role: String
        var bytes: Int64
        var sha256: String
    }

    var format = Self.formatName
    var formatVersion = Self.currentFormatVersion
    var kansrijkVersion: String
    var createdAt: Date
    var database: Kind
    var files: [File]
    /// Rows per table, counted in the same snapshot the backup copied.
    var tables: [String: Int]
    /// The audit chain's head in the backup (`SEQ:HASH`), nil for an empty log.
    var auditHead: String?

    func file(role: String) -> File? { files.first { $0.role == role } }

    static func encode(_ manifest: BackupManifest) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return try encoder.encode(manifest)
    }

    static func decode(_ data: Data) throws -> BackupManifest {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(BackupManifest.self, from: data)
    }
}

enum BackupChecksum {
    /// The SHA-256 of the file at `path` in hex, read in pieces (a database may be large).
    static func sha256(of path: String) throws -> String {
        let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        var hasher = SHA256()
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty { hasher.update(data: chunk) }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }

    static func size(of path: String) throws -> Int64 {
        (try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.int64Value ?? 0
    }

    static func file(at path: String, name: String, role: String) throws -> BackupManifest.File {
        BackupManifest.File(name: name, role: role, bytes: try size(of: path), sha256: try sha256(of: path))
    }
}

/// Compares dotted versions (`0.16.0` < `0.17.0`); parts that are no numbers count as 0.
enum ReleaseVersion {
    static func isNewer(_ version: String, than other: String) -> Bool {
        let a = parts(version), b = parts(other)
        for i in 0..<max(a.count, b.count) {
            let x = i < a.count ? a[i] : 0, y = i < b.count ? b[i] : 0
            if x != y { return x > y }
        }
        return false
    }

    private static func parts(_ version: String) -> [Int] {
        version.trimmingCharacters(in: CharacterSet(charactersIn: "v ")).split(separator: ".").map { Int($0) ?? 0 }
    }
}
