import Vapor

/// `monitoring/report-choose`: which coalition (or the country) and which year.
struct ReportChoosePage: Encodable {
    var page: PageMeta
    var scopes: [SelectOption]
    var years: [SelectOption]
    var canImport: Bool
}

/// `monitoring/report`: the generated report, printable.
struct ReportPage: Encodable {
    var page: PageMeta
    var doc: ReportDocument
    var textsURL: String?
    var markdownURL: String
}

/// `monitoring/report-texts`: a form per section for the policy advisor's own text.
struct ReportTextsPage: Encodable {
    struct Form: Encodable { var key: String; var number: Int; var heading: String; var hint: String; var text: String; var error: String? }
    var page: PageMeta
    var scopeName: String
    var period: String
    var reportURL: String
    var forms: [Form]
    var errorList: [ErrorLink]
}
