import Fluent
import Foundation

/// A stored indicator definition (see `IndicatorDefinition`); `origin` tells the shipped set from local ones.
final class Indicator: Model, @unchecked Sendable {
    static let schema = "indicators"

    // managed fields
    @ID(custom: .id, generatedBy: .user) var id: String?

    // data fields
    @Field(key: "name") var name: String
    @Field(key: "description") var description: String
    @Field(key: "numerator") var numerator: String
    @Field(key: "denominator") var denominator: String
    @Field(key: "factor") var factor: Int
    @Field(key: "direction") var direction: String
    @Field(key: "phase") var phase: String
    @Field(key: "source") var source: String
    @Field(key: "unit") var unit: String
    @Field(key: "period_kind") var periodKind: String
    /// Comma-separated breakdown codes.
    @Field(key: "breakdowns") var breakdowns: String
    @Field(key: "indicator_group") var group: String
    @Field(key: "origin") var origin: String
    @Field(key: "position") var position: Int
    @OptionalField(key: "name_en") var nameEnglish: String?
    @OptionalField(key: "description_en") var descriptionEnglish: String?

    init() {}

    init(_ d: IndicatorDefinition, origin: String, position: Int) {
        id = d.code; name = d.name; description = d.description
        numerator = d.numerator; denominator = d.denominator; factor = d.factor
        direction = d.direction.rawValue; phase = d.phase; source = d.source; unit = d.unit.rawValue
        periodKind = d.periodKind.rawValue; breakdowns = d.breakdowns.joined(separator: ",")
        group = d.group; self.origin = origin; self.position = position
        // set only when there is one: the shipped set is seeded before the English columns exist
        if let e = d.nameEnglish { nameEnglish = e }
        if let e = d.descriptionEnglish { descriptionEnglish = e }
    }

    /// Nil when a stored row no longer reads as a definition (an enum value removed since).
    var definition: IndicatorDefinition? {
        guard let code = id, let direction = IndicatorDefinition.Direction(rawValue: direction),
              let unit = IndicatorDefinition.Unit(rawValue: unit), let kind = Period.Kind(rawValue: periodKind) else { return nil }
        return IndicatorDefinition(code: code, name: name, description: description, numerator: numerator, denominator: denominator,
                                   factor: factor, direction: direction, phase: phase, source: source, unit: unit, periodKind: kind,
                                   breakdowns: breakdowns.split(separator: ",").map(String.init), group: group,
                                   nameEnglish: nameEnglish, descriptionEnglish: descriptionEnglish)
    }

    static func definitions(on db: any Database) async throws -> [IndicatorDefinition] {
        try await Indicator.query(on: db).sort(\.$position).all().compactMap(\.definition)
    }

    /// The definitions with their names in the page's language.
    static func definitions(on db: any Database, english: Bool) async throws -> [IndicatorDefinition] {
        try await definitions(on: db).map { $0.localized(english: english) }
    }
}
