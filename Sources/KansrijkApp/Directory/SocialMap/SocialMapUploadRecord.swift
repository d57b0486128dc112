import Fluent
import Foundation

/// One row of `social_map_uploads`: an upload between its steps (`SocialMapUploads`). The sheet and
/// the confirmed columns are JSON, the expiry seconds since 1970 (compared the same on SQLite and
/// PostgreSQL).
final class SocialMapUploadRecord: Model, @unchecked Sendable {
    static let schema = "social_map_uploads"

    // managed fields
    @ID(custom: "id", generatedBy: .user) var id: String?

    // data fields
    @Field(key: "user_id") var userID: UUID
    @Field(key: "coalition_id") var coalitionID: UUID
    @Field(key: "file_name") var fileName: String
    @Field(key: "kind") var kind: String
    @Field(key: "sheet") var sheet: String
    @OptionalField(key: "columns") var columns: String?
    @Field(key: "expires_at") var expiresAt: Double

    init() {}

    init(key: String, _ upload: SocialMapUploads.Upload) throws {
        id = key
        userID = upload.userID
        coalitionID = upload.coalitionID
        fileName = upload.fileName
        kind = upload.kind.rawValue
        sheet = String(decoding: try JSONEncoder().encode(StoredSheet(upload.table)), as: UTF8.self)
        columns = try upload.columns.map(Self.encode)
        expiresAt = upload.expires.timeIntervalSince1970
    }

    func upload() throws -> SocialMapUploads.Upload {
        let stored = try JSONDecoder().decode(StoredSheet.self, from: Data(sheet.utf8))
        return .init(userID: userID, coalitionID: coalitionID, fileName: fileName, kind: SpreadsheetFile.Kind(rawValue: kind) ?? .csv,
                     table: SpreadsheetTable(header: stored.header, rows: stored.rows.map { .init(line: $0.line, cells: $0.cells) }),
                     columns: try columns.map(Self.decode), expires: Date(timeIntervalSince1970: expiresAt))
    }

    /// The mapping as `{"<column index>": "<field>"}`.
    static func encode(_ columns: SocialMapColumns) throws -> String {
        let pairs = Dictionary(uniqueKeysWithValues: columns.fieldByColumn.map { (String($0.key), $0.value.rawValue) })
        return String(decoding: try JSONEncoder().encode(pairs), as: UTF8.self)
    }

    static func decode(_ text: String) throws -> SocialMapColumns {
        let pairs = try JSONDecoder().decode([String: String].self, from: Data(text.utf8))
        var columns = SocialMapColumns()
        for (index, field) in pairs {
            if let index = Int(index), let field = SocialMapField(rawValue: field) { columns.fieldByColumn[index] = field }
        }
        return columns
    }

    private struct StoredSheet: Codable {
        struct Row: Codable { var line: Int; var cells: [String] }
        var header: [String]
        var rows: [Row]

        init(_ table: SpreadsheetTable) {
            header = table.header
            rows = table.rows.map { Row(line: $0.line, cells: $0.cells) }
        }
    }
}
