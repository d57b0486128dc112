import Vapor

/// `monitoring/indicators`: every indicator definition, national and local, grouped.
struct IndicatorListPage: Encodable {
    struct Item: Encodable {
        var code: String; var name: String; var description: String; var numerator: String; var denominator: String
        var factor: String; var direction: String; var phase: String; var source: String; var coalition: String?; var editURL: String?
    }
    struct Group: Encodable { var heading: String; var items: [Item] }
    var page: PageMeta
    var groups: [Group]
    var canAdd: Bool
}

/// `monitoring/indicator-edit`: a local indicator's form.
struct LocalIndicatorEditPage: Encodable {
    var page: PageMeta
    var heading: String
    var action: String
    var editing: Bool
    var form: LocalIndicatorForm
    var factors: [SelectOption]
    var directions: [SelectOption]
    var phases: [SelectOption]
    var periodKinds: [SelectOption]
    var coalitions: [SelectOption]
    var elements: [SelectOption]
    var errors: FieldErrors
    var errorList: [ErrorLink]
}
