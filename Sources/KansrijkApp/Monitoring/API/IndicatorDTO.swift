import Vapor

/// An indicator definition as the API shows it. `name` and `description` stay Dutch, as before;
/// `translations` carries the other languages there are (`{"en": {"name": ..., "description": ...}}`).
struct IndicatorDTO: Content {
    struct Text: Content, Equatable { var name: String; var description: String }

    var code: String
    var name: String
    var description: String
    var numerator: String
    var denominator: String
    var factor: Int
    var unit_label: String
    var direction: String
    var phase: String
    var source: String
    var period_kind: String
    var breakdowns: [String]
    var group: String
    var translations: [String: Text]

    init(_ d: IndicatorDefinition) {
        code = d.code; name = d.name; description = d.description; numerator = d.numerator; denominator = d.denominator
        factor = d.factor; unit_label = Self.unitLabel(d.factor); direction = d.direction.rawValue; phase = d.phase
        source = d.source; period_kind = d.periodKind.rawValue; breakdowns = d.breakdowns; group = d.group
        let english = d.localized(english: true)
        translations = d.nameEnglish?.isEmpty == false || d.descriptionEnglish?.isEmpty == false
            ? ["en": Text(name: english.name, description: english.description)] : [:]
    }

    static func unitLabel(_ factor: Int) -> String {
        switch factor { case 100: "%"; case 1000: "per 1000"; case 1: "aantal"; default: "per \(factor)" }
    }
}
