import Foundation

/// Checks every row of a mapped social map and reports every problem at once, per row and field,
/// in Dutch: required fields, e-mail, phone, web address and postcode formats, municipalities that
/// are not Dutch municipalities, phases, themes and target groups we do not know, ages, lengths.
struct SocialMapValidator {
    let resolver: HSDSAreaResolver

    struct Result: Sendable {
        var entries: [SocialMapEntry]
        var issues: [SocialMapIssue]
    }

    /// Problems with the mapping itself: a required field without a column.
    static func mappingProblems(_ columns: SocialMapColumns) -> [SocialMapField] {
        SocialMapField.allCases.filter { $0.isRequired && columns.column(of: $0) == nil }
    }

    func validate(_ table: SpreadsheetTable, columns: SocialMapColumns) -> Result {
        var entries: [SocialMapEntry] = []
        var issues: [SocialMapIssue] = []
        var firstLine: [String: Int] = [:]
        for row in table.rows {
            var check = RowCheck(row: row, header: table.header, columns: columns, resolver: resolver)
            let entry = check.entry()
            if let entry {
                let key = SocialMapColumns.key(entry.organisation) + "|" + SocialMapColumns.key(entry.service)
                if let earlier = firstLine[key] {
                    check.issue(.service, "Dit aanbod van \(entry.organisation) staat ook al op regel \(earlier). Laat één van de twee regels weg of geef ze een andere naam.")
                } else {
                    firstLine[key] = row.line
                }
            }
            if check.issues.isEmpty, let entry { entries.append(entry) }
            issues += check.issues
        }
        return Result(entries: entries, issues: issues)
    }
}

/// The checks of one row; collects every issue instead of stopping at the first.
struct RowCheck {
    let row: SpreadsheetTable.Row
    let header: [String]
    let columns: SocialMapColumns
    let resolver: HSDSAreaResolver
    var issues: [SocialMapIssue] = []

    mutating func issue(_ field: SocialMapField, _ message: String) {
        let column = columns.column(of: field).flatMap { header.indices.contains($0) ? header[$0] : nil }
        issues.append(SocialMapIssue(line: row.line, field: field, column: column, message: message))
    }

    /// The trimmed cell of a field, nil when the field has no column or the cell is empty.
    func text(_ field: SocialMapField) -> String? {
        guard let column = columns.column(of: field), row.cells.indices.contains(column) else { return nil }
        return HSDSText.nonEmpty(row.cells[column])
    }

    mutating func limited(_ field: SocialMapField, _ max: Int) -> String? {
        guard let value = text(field) else { return nil }
        if value.count > max { issue(field, "\(field.label) is \(value.count) tekens lang; hooguit \(max) tekens.") }
        return value
    }

    mutating func entry() -> SocialMapEntry? {
        let organisation = limited(.organisation, ServiceForm.Limits.name)
        if organisation == nil { issue(.organisation, "Organisatie is leeg. Vul de naam van de organisatie in.") }
        let service = limited(.service, ServiceForm.Limits.name)
        if service == nil { issue(.service, "Naam aanbod is leeg. Vul de naam van het aanbod in.") }
        var entry = SocialMapEntry(line: row.line, organisation: organisation ?? "", service: service ?? "",
                                   description: limited(.description, ServiceForm.Limits.description) ?? "")
        entry.organisationKind = organisationKind()
        entry.street = limited(.street, 200)
        entry.city = limited(.city, 100)
        entry.postcode = postcode()
        entry.municipalityCode = municipality(city: entry.city)
        entry.phone = phone()
        entry.email = email()
        entry.website = website()
        entry.terms = terms(.phase, .fase) + terms(.theme, .thema) + terms(.targetGroup, .doelgroep)
        entry.minimumAge = age(.minimumAge)
        entry.maximumAge = age(.maximumAge)
        if let from = entry.minimumAge, let to = entry.maximumAge, from > to {
            issue(.maximumAge, "Leeftijd tot (\(Self.years(to))) is lager dan leeftijd van (\(Self.years(from))).")
        }
        entry.fees = limited(.fees, 1000)
        entry.application = limited(.application, 2000)
        return organisation == nil || service == nil ? nil : entry
    }

    mutating func organisationKind() -> OrganisationKind? {
        guard let value = text(.organisationKind) else { return nil }
        let key = SocialMapColumns.key(value)
        if let kind = OrganisationKind.allCases.first(where: { SocialMapColumns.key($0.rawValue) == key || SocialMapColumns.key($0.label) == key }) {
            return kind
        }
        issue(.organisationKind, "Soort organisatie '\(SocialMapText.short(value))' kennen we niet. Kies uit: \(OrganisationKind.allCases.map(\.label).joined(separator: ", ")).")
        return nil
    }

    mutating func municipality(city: String?) -> String? {
        if let value = text(.municipality) {
            if let code = resolver.code(for: value) { return code }
            issue(.municipality, "Gemeente '\(SocialMapText.short(value))' is geen Nederlandse gemeente. Schrijf de naam van de gemeente (zoals Zeist) of laat het vak leeg.")
            return nil
        }
        // no municipality column value: a town with the municipality's name (Zeist, Apeldoorn) still places it
        return resolver.code(for: city)
    }

    mutating func postcode() -> String? {
        guard let value = text(.postcode) else { return nil }
        if let normal = ContactChecks.postcode(value) { return normal }
        issue(.postcode, "Postcode '\(SocialMapText.short(value))' is geen Nederlandse postcode. Schrijf hem als 1234 AB.")
        return nil
    }

    mutating func phone() -> String? {
        guard let value = text(.phone) else { return nil }
        if ContactChecks.looksLikePhone(value) { return value }
        issue(.phone, "Telefoon '\(SocialMapText.short(value))' is geen telefoonnummer. Gebruik alleen cijfers, spaties, + of -, zoals 030 123 45 67.")
        return nil
    }

    mutating func email() -> String? {
        guard let value = text(.email) else { return nil }
        if value.count <= 254, ServiceForm.looksLikeEmail(value) { return value }
        issue(.email, "E-mail '\(SocialMapText.short(value))' is geen e-mailadres. Schrijf het als naam@organisatie.nl.")
        return nil
    }

    mutating func website() -> String? {
        guard let value = text(.website) else { return nil }
        if value.count <= 500, let uri = HSDSText.uri(value), ServiceForm.isWebAddress(uri) { return uri }
        issue(.website, "Website '\(SocialMapText.short(value))' is geen webadres. Schrijf het als https://www.organisatie.nl.")
        return nil
    }

    /// Terms of a vocabulary by code, name, English name or a word people use for it; several
    /// separated by `;`, a line break or `|` (or `,` when the whole is not one term).
    mutating func terms(_ field: SocialMapField, _ vocabulary: Vocabulary) -> [Term] {
        guard let value = text(field) else { return [] }
        var found: [Term] = []
        var unknown: [String] = []
        for part in value.split(whereSeparator: { ";|\n\r".contains($0) }).map({ $0.trimmingCharacters(in: .whitespaces) }) where !part.isEmpty {
            let whole = Self.match(part, vocabulary)
            if !whole.isEmpty { found += whole; continue }
            for piece in part.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !piece.isEmpty {
                let terms = Self.match(piece, vocabulary)
                if terms.isEmpty { unknown.append(piece) } else { found += terms }
            }
        }
        if !unknown.isEmpty {
            let names = unknown.map { "'\(SocialMapText.short($0))'" }.joined(separator: ", ")
            issue(field, "\(field.label) \(names) kennen we niet. Kies uit: \(vocabulary.terms.map(\.name).joined(separator: "; ")).")
        }
        var seen = Set<String>()
        return found.filter { seen.insert($0.key).inserted }
    }

    static func match(_ text: String, _ vocabulary: Vocabulary) -> [Term] {
        let key = SocialMapColumns.key(text)
        guard !key.isEmpty else { return [] }
        return vocabulary.terms.filter { term in
            ([term.code, term.name, term.englishName] + term.synonyms).contains { SocialMapColumns.key($0) == key }
        }
    }

    /// An age in years: "2", "1,5", "0.5", "2 jaar", "6 maanden".
    mutating func age(_ field: SocialMapField) -> Double? {
        guard let value = text(field) else { return nil }
        var number = value.lowercased().replacingOccurrences(of: ",", with: ".")
        var months = false
        for unit in ["maanden", "maand", "mnd", "months", "month"] where number.hasSuffix(unit) {
            number = String(number.dropLast(unit.count)); months = true; break
        }
        for unit in ["jaar", "jr", "years", "year"] where !months && number.hasSuffix(unit) {
            number = String(number.dropLast(unit.count)); break
        }
        guard let parsed = Double(number.trimmingCharacters(in: .whitespaces)), parsed.isFinite, parsed >= 0,
              (months ? parsed / 12 : parsed) <= 120 else {
            issue(field, "\(field.label) '\(SocialMapText.short(value))' is geen leeftijd. Schrijf een aantal jaren, zoals 0, 1,5 of 2, of een aantal maanden, zoals 6 maanden.")
            return nil
        }
        return months ? (parsed / 12 * 100).rounded() / 100 : parsed
    }

    static func years(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value).replacingOccurrences(of: ".", with: ",")
    }
}
