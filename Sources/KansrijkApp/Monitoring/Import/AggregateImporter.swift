import Foundation

/// Reads an aggregate CSV as Dutch Excel writes it (`;`, `,` decimals, UTF-8 with or without BOM,
/// CRLF) or as CBS/Perined publish it (`,`): area code, period, numerator and denominator, or a
/// value with its denominator. Parsed with `CSVFile`; all-or-nothing with an `ImportReport`.
struct AggregateImporter {
    static let areaNames = ["gebied", "gebiedcode", "gemeente", "gemeentecode", "regiocode", "code", "area"]
    static let periodNames = ["periode", "jaar", "period", "year"]
    static let numeratorNames = ["teller", "numerator", "aantal"]
    static let denominatorNames = ["noemer", "denominator", "totaal"]
    static let valueNames = ["waarde", "value", "percentage"]

    let areas: AreaDimension
    let indicator: IndicatorDefinition
    var maxBytes = ImportLimits.aggregateMaxBytes
    /// The columns as the user mapped them; nil means guessed from the header names.
    var columns: AggregateColumns?
    /// The municipalities the importing user may write; rows for others are reported, not imported.
    var scope: ImportScope = .anywhere
    /// Called every `progressEvery` rows with the number of rows read, for a progress bar.
    var onProgress: (@Sendable (Int) -> Void)?
    static let progressEvery = 1_000

    /// The data elements the file fills: the indicator's numerator and denominator must each be one element
    /// (a count's constant denominator needs none).
    func targets() throws(ImportReport) -> (numerator: String, denominator: String?) {
        var report = ImportReport()
        let n = try? ExpressionParser.parse(indicator.numerator), d = try? ExpressionParser.parse(indicator.denominator)
        guard let numerator = n?.singleElement else {
            report.add(0, "indicator \(indicator.code) rekent met een samengestelde teller (\(indicator.numerator)); lever de gegevenselementen apart aan")
            throw report
        }
        if let d, d.elements.isEmpty { return (numerator, nil) }
        guard let denominator = d?.singleElement else {
            report.add(0, "indicator \(indicator.code) rekent met een samengestelde noemer (\(indicator.denominator)); lever de gegevenselementen apart aan")
            throw report
        }
        return (numerator, denominator)
    }

    func read(path: String) throws(ImportReport) -> [AggregateRow] {
        try ImportLimits.check(path: path, maxBytes: maxBytes)
        let needsDenominator = try targets().denominator != nil
        guard scope.mayImport(indicator) else {
            var r = ImportReport()
            r.add(0, "cijfers van \(indicator.code) komen uit een landelijke bron (\(indicator.source)); alleen een beheerder zet die in Kansrijk")
            throw r
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            var r = ImportReport(); r.add(0, "Kan het bestand \(path) niet openen"); throw r
        }
        let table: CSVFile.Table
        do { table = try CSVFile.read(data, ragged: .keep) } catch {
            var r = ImportReport(); r.add(error.line, "het bestand is geen leesbare CSV: \(error.reason)"); throw r
        }
        var report = ImportReport()
        let header = table.header.map { $0.lowercased() }
        let mapped = columns ?? AggregateColumns.guess(header: header)
        func inRange(_ c: Int?) -> Int? { c.flatMap { header.indices.contains($0) ? $0 : nil } }
        let areaColumn = inRange(mapped.area), periodColumn = inRange(mapped.period)
        let numeratorColumn = inRange(mapped.numerator), denominatorColumn = inRange(mapped.denominator)
        let valueColumn = inRange(mapped.value)
        if header.isEmpty {
            report.add(0, "het bestand is leeg")
            throw report
        }
        if header.count <= 1 {
            report.add(1, "de kopregel heeft één kolom: gebruik ; als scheidingsteken (zoals Excel in het Nederlands opslaat) of ,")
            throw report
        }
        for c in mapped.repeated where header.indices.contains(c) { report.add(1, "kolom \(c + 1) ('\(header[c])') is voor twee dingen gekozen; kies voor elk gegeven een eigen kolom") }
        if areaColumn == nil { report.add(1, "kolom met de gebiedscode ontbreekt (\(Self.areaNames.prefix(3).joined(separator: ", ")))") }
        if periodColumn == nil { report.add(1, "kolom met de periode ontbreekt (periode of jaar)") }
        if numeratorColumn == nil, valueColumn == nil { report.add(1, "kolom teller (of waarde) ontbreekt") }
        if needsDenominator, denominatorColumn == nil {
            report.add(1, "kolom noemer ontbreekt: zonder noemer zijn geen betrouwbaarheidsinterval en geen onderdrukking van kleine aantallen mogelijk")
        }
        guard report.isEmpty, let areaColumn, let periodColumn else { throw report }

        var rows: [AggregateRow] = []
        var seen: [String: Int] = [:]
        for (index, row) in table.rows.enumerated() {
            let lineNumber = row.line
            if let onProgress, (index + 1) % Self.progressEvery == 0 { onProgress(index + 1) }
            let fields = row.fields.map { $0.trimmingCharacters(in: .whitespaces) }
            guard fields.count == header.count else {
                report.add(lineNumber, "\(fields.count) velden, verwacht \(header.count) (verkeerd scheidingsteken?)")
                continue
            }
            let code = fields[areaColumn].uppercased()
            guard let period = Period(fields[periodColumn]) else {
                report.add(lineNumber, "periode '\(fields[periodColumn])' is geen jaar (2021), kwartaal (2021-Q1) of maand (2021-03)"); continue
            }
            guard period.kind == indicator.periodKind || indicator.periodKind != .year else {
                report.add(lineNumber, "periode \(period) past niet bij \(indicator.code), dat jaarcijfers heeft"); continue
            }
            switch AreaLevel(code: code) {
            case .municipality:
                guard let current = areas.currentCode(for: code) else {
                    report.add(lineNumber, "onbekende gemeentecode \(code)"); continue
                }
                guard scope.allows(current) else {
                    report.add(lineNumber, "\(code) \(areas.name(of: current) ?? "") hoort niet bij \(scope.owner)"); continue
                }
            case .ggdRegion, .province, .country:
                report.add(lineNumber, "\(code): lever gemeentecijfers; regio's, provincies en Nederland telt Kansrijk zelf op"); continue
            case nil:
                report.add(lineNumber, "onbekende gebiedscode '\(code)'"); continue
            }
            if let first = seen["\(code)|\(period)"] {
                report.add(lineNumber, "dubbele rij: \(code) \(period) staat ook op regel \(first)"); continue
            }
            seen["\(code)|\(period)"] = lineNumber
            var denominator: Int?
            if let dc = denominatorColumn, needsDenominator {
                switch Self.count(fields[dc]) {
                case .success(let d): denominator = d
                case .failure(let p): report.add(lineNumber, "noemer \(p.message)"); continue
                }
            }
            var numerator: Int
            var derived = false
            if let nc = numeratorColumn, !fields[nc].isEmpty {
                switch Self.count(fields[nc]) {
                case .success(let n): numerator = n
                case .failure(let p): report.add(lineNumber, "teller \(p.message)"); continue
                }
            } else if let vc = valueColumn {
                guard let value = Self.decimal(fields[vc]) else {
                    report.add(lineNumber, "waarde '\(fields[vc])' is geen getal (gebruik een komma of punt als decimaalteken)"); continue
                }
                guard value >= 0 else { report.add(lineNumber, "waarde \(fields[vc]) is negatief"); continue }
                numerator = Int((value / Double(indicator.factor) * Double(denominator ?? indicator.factor)).rounded())
                derived = true
            } else {
                report.add(lineNumber, "teller is leeg"); continue
            }
            if let d = denominator, indicator.factor >= 100, numerator > d {
                report.add(lineNumber, "teller \(numerator) is groter dan noemer \(d)"); continue
            }
            rows.append(AggregateRow(areaCode: code, period: period, numerator: numerator, denominator: denominator, derived: derived))
        }
        if report.isEmpty, rows.isEmpty { report.add(0, "het bestand bevat geen rijen") }
        guard report.isEmpty else { throw report }
        return rows
    }

    /// A whole, non-negative number; Dutch thousands separators are refused rather than guessed.
    static func count(_ raw: String) -> Result<Int, RowProblem> {
        let s = raw.trimmingCharacters(in: .whitespaces)
        if s.isEmpty { return .failure(RowProblem("is leeg")) }
        if s.hasPrefix("-"), Int(s) != nil { return .failure(RowProblem("\(s) is negatief")) }
        guard s.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(s) else {
            return .failure(RowProblem("'\(s)' is geen geheel aantal (zonder punten, komma's of spaties)"))
        }
        return .success(n)
    }

    /// `15,3` (Dutch Excel) or `15.3`.
    static func decimal(_ raw: String) -> Double? {
        let s = raw.trimmingCharacters(in: .whitespaces)
        guard !s.isEmpty, s.filter({ $0 == "," || $0 == "." }).count <= 1,
              s.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "," || $0 == "." || $0 == "-") }) else { return nil }
        return Double(s.replacingOccurrences(of: ",", with: "."))
    }
}
