import Foundation

/// `directory/social-map-upload.leaf`
struct SocialMapUploadPage: Encodable {
    var page: PageMeta
    var coalition: String
    var coalitionHref: String
    var action: String
    var templateXLSX: String
    var templateCSV: String
    var maxMB: Int
    var maxRows: Int
    var sheet: String
    var error: String?
    var fields: [String]
}

/// `directory/social-map-columns.leaf`: the mapping with a preview, and the rows' problems.
struct SocialMapColumnsPage: Encodable {
    struct Choice: Encodable {
        var key: String
        var label: String
        var required: Bool
        var options: [SelectOption]
        var error: String?
    }
    struct Issue: Encodable { var line: Int; var column: String; var message: String }

    var page: PageMeta
    var coalition: String
    var coalitionHref: String
    var fileName: String
    var rowCount: Int
    var header: [String]
    var preview: [[String]]
    var choices: [Choice]
    var errorList: [ErrorLink]
    var issues: [Issue]
    var issueCount: Int
    var issuesMore: Int
    var rejections: [String]
    var action: String
    var uploadHref: String
}

/// `directory/social-map-check.leaf` (before the import) and `directory/social-map-done.leaf` (after).
struct SocialMapResultPage: Encodable {
    struct Count: Encodable { var label: String; var created: Int; var updated: Int; var unchanged: Int }
    struct Unplaced: Encodable { var name: String; var line: Int }

    var page: PageMeta
    var coalition: String
    var coalitionHref: String
    var fileName: String
    var rowCount: Int
    var counts: [Count]
    var unplaced: [Unplaced]
    var changesNothing: Bool
    var action: String
    var columnsHref: String
    var uploadHref: String
    var reviewHref: String
    var searchHref: String
}
