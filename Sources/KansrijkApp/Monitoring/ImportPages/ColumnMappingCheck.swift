import Foundation

/// The mapping form's own checks, before the file is read: the needed columns are chosen, once each.
struct ColumnMappingCheck {
    var columns: AggregateColumns
    var needsDenominator: Bool
    var english: Bool

    var errors: FieldErrors {
        let m = FieldMessages(english: english)
        var errors = FieldErrors()
        if columns.area == nil { errors["gebied"] = m.say("Kies de kolom met de gebiedscode (GM0355).", "Choose the column with the area code (GM0355).") }
        if columns.period == nil { errors["periode"] = m.say("Kies de kolom met de periode (2021).", "Choose the column with the period (2021).") }
        if columns.numerator == nil, columns.value == nil {
            errors["teller"] = m.say("Kies de kolom met de teller, of anders een kolom met de waarde.", "Choose the numerator column, or else a value column.")
        }
        if needsDenominator, columns.denominator == nil {
            errors["noemer"] = m.say("Kies de kolom met de noemer: zonder noemer geen betrouwbaarheidsinterval en geen bescherming van kleine aantallen.",
                                     "Choose the denominator column: without it there is no confidence interval and no protection of small numbers.")
        }
        let keys: [(String, Int?)] = [("gebied", columns.area), ("periode", columns.period), ("teller", columns.numerator),
                                      ("noemer", columns.denominator), ("waarde", columns.value)]
        for (key, column) in keys.reversed() where errors[key] == nil {
            guard let column, columns.repeated.contains(column) else { continue }
            if keys.first(where: { $0.1 == column })?.0 != key {
                errors[key] = m.say("Deze kolom is al voor iets anders gekozen; kies voor elk gegeven een eigen kolom.",
                                    "This column is chosen for something else already; choose a separate column for each item.")
            }
        }
        return errors
    }
}
