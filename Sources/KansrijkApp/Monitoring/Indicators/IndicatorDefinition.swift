import Foundation

/// An indicator as data: what is counted over what, how it is shown and split.
/// The shipped set is seeded into `indicators`; a coordinator UI for local indicators builds on the same table.
struct IndicatorDefinition: Sendable, Equatable, Codable {
    enum Direction: String, Sendable, Codable, CaseIterable {
        case higherIsBetter = "hoger-is-beter"
        case lowerIsBetter = "lager-is-beter"
        case neutral = "neutraal"
    }

    /// Who or what is counted: persons get small-number suppression, municipalities do not.
    enum Unit: String, Sendable, Codable, CaseIterable {
        case persons = "personen"
        case municipalities = "gemeenten"
        case events = "gebeurtenissen"
    }

    var code: String
    var name: String
    var description: String
    var numerator: String
    var denominator: String
    /// 100 for a percentage, 1000 for per 1000, 1 for an average.
    var factor: Int
    var direction: Direction
    var phase: String
    var source: String
    var unit: Unit
    var periodKind: Period.Kind
    /// Breakdowns the data can carry (`kwetsbaar`, `inkomen_kwintiel`, `opleiding`).
    var breakdowns: [String]
    var group: String
    /// English name and description for English pages; nil falls back to the Dutch (issue 5, review gap 5).
    var nameEnglish: String? = nil
    var descriptionEnglish: String? = nil

    /// The definition as a page in this language shows it: the English texts where there are any.
    func localized(english: Bool) -> IndicatorDefinition {
        guard english else { return self }
        var out = self
        if let n = nameEnglish, !n.isEmpty { out.name = n }
        if let d = descriptionEnglish, !d.isEmpty { out.description = d }
        return out
    }

    /// Parsed and checked against the known data elements; throws a Dutch message otherwise.
    func validated(knownElements: Set<String> = DataElement.names) throws -> (numerator: IndicatorExpression, denominator: IndicatorExpression) {
        var problems: [String] = []
        if code.range(of: #"^[a-z][a-z0-9_]{1,40}$"#, options: .regularExpression) == nil {
            problems.append("code '\(code)': alleen kleine letters, cijfers en _ (2 tot 41 tekens)")
        }
        if ![1, 100, 1000, 10000, 100000].contains(factor) { problems.append("factor \(factor): kies 1, 100, 1000, 10000 of 100000") }
        if name.trimmingCharacters(in: .whitespaces).isEmpty { problems.append("naam ontbreekt") }
        for b in breakdowns where Breakdown(rawValue: b) == nil { problems.append("onbekende uitsplitsing '\(b)'") }
        var parsed: [IndicatorExpression] = []
        for (label, text) in [("teller", numerator), ("noemer", denominator)] {
            do { parsed.append(try ExpressionParser.parse(text, knownElements: knownElements)) } catch {
                problems.append("\(label): \(error.description)")
            }
        }
        guard problems.isEmpty, parsed.count == 2 else {
            throw IndicatorDefinitionError(code: code, problems: problems)
        }
        return (parsed[0], parsed[1])
    }
}

struct IndicatorDefinitionError: Error, CustomStringConvertible {
    var code: String
    var problems: [String]
    var description: String { "Indicator '\(code)' is niet geldig: " + problems.joined(separator: "; ") }
}
