import Vapor

/// `monitoring/import`: choose an indicator and a file; the user's recent imports below.
struct ImportStartPage: Encodable {
    struct Recent: Encodable { var url: String; var fileName: String; var indicator: String; var status: String; var when: String }
    var page: PageMeta
    var indicators: [SelectOption]
    var maxMegabytes: Int64
    /// Not an admin: only the user's own municipalities, no national sources.
    var ownAreasOnly: Bool
    var errors: FieldErrors
    var errorList: [ErrorLink]
    var recent: [Recent]
}

/// `monitoring/import-job`: one upload through preview and mapping, progress, report and result.
struct ImportJobPage: Encodable {
    struct Column: Encodable { var key: String; var label: String; var hint: String; var options: [SelectOption]; var error: String? }
    var page: PageMeta
    var fileName: String
    var indicatorName: String
    var indicatorCode: String
    var status: String
    var separatorLabel: String
    var header: [String]
    var rows: [[String]]
    var columns: [Column]
    var mappingAction: String?
    var errorList: [ErrorLink]
    var progressValue: Int
    var progressMax: Int
    var storing: Bool
    var problems: [String]
    var problemsMore: Int
    var problemTotal: Int
    var rowCount: Int?
    var storedCount: Int?
}
