import Foundation

/// Reads a Perined-shaped births extract (one row per child) and aggregates it; all-or-nothing:
/// the result is either a complete aggregate or an `ImportReport` listing every problem.
struct BirthsImporter {
    static let required = ["jaar", "gemeente", "amww", "amdd", "hoftiezer", "pariteit", "levend", "amddd1ond"]
    static let optional = ["kwetsbaar", "inkomen_kwintiel", "opleiding"]

    let areas: AreaDimension
    var maxBytes = ImportLimits.birthsMaxBytes

    /// Column positions, resolved once from the header so the hot loop does no name lookups.
    struct Columns {
        var index: [String: Int]
        var width: Int
        let year, municipality, weeks, days, percentile, parity, live, firstCheck: Int
        let vulnerable, quintile, education: Int?

        init(index: [String: Int], width: Int) {
            self.index = index; self.width = width
            year = index["jaar"]!; municipality = index["gemeente"]!; weeks = index["amww"]!; days = index["amdd"]!
            percentile = index["hoftiezer"]!; parity = index["pariteit"]!; live = index["levend"]!; firstCheck = index["amddd1ond"]!
            vulnerable = index["kwetsbaar"]; quintile = index["inkomen_kwintiel"]; education = index["opleiding"]
        }
    }

    static let educationBytes: [[UInt8]] = BirthRecord.educationLevels.map { Array($0.utf8) }

    /// `GMxxxx` strings by number, made once each: a new `String` per row is measurable at 1.65 million rows.
    final class CodeNames {
        private var names = [String?](repeating: nil, count: 10_000)
        func name(_ n: Int) -> String {
            if let s = names[n] { return s }
            let s = "GM" + String(repeating: "0", count: 4 - String(n).count) + String(n)
            names[n] = s
            return s
        }
    }

    func aggregate(path: String) throws -> BirthAggregate {
        try ImportLimits.check(path: path, maxBytes: maxBytes)
        let separator = try DelimitedFileScanner.detectSeparator(path: path)
        var report = ImportReport()
        var aggregate = BirthAggregate()
        var columns: Columns?
        var validated: [Int: Bool] = [:]
        let codes = CodeNames()
        try DelimitedFileScanner(separator: separator).scan(path: path) { line in
            guard let cols = columns else {
                columns = try header(line)
                return
            }
            guard line.count == cols.width else {
                report.add(line.number, "\(line.count) velden, verwacht \(cols.width) (verkeerd scheidingsteken of een puntkomma in een veld?)")
                return
            }
            switch Self.record(line, cols, codes: codes) {
            case .failure(let problem):
                report.add(line.number, problem.message)
            case .success(let r):
                let number = Int(r.municipality.utf8.dropFirst(2).reduce(0) { $0 * 10 + Int($1) - 48 })
                let key = BirthAggregate.key(year: r.year, codeNumber: number)
                // any code that maps onto today's municipalities is accepted: extracts come on the boundaries
                // of the birth year or of a later reference year, and both map the same way
                if validated[key] == nil { validated[key] = areas.currentCode(for: r.municipality) != nil }
                guard validated[key]! else {
                    report.add(line.number, "onbekende gemeentecode \(r.municipality) voor \(r.year)")
                    return
                }
                let slot = aggregate.slot(year: r.year, codeNumber: number, code: r.municipality)
                aggregate.add(r.elementMask, slot: slot, cells: r.cellIndices)
            }
        }
        if columns == nil { report.add(1, "het bestand heeft geen kopregel") }
        guard report.isEmpty else { throw report }
        if aggregate.children == 0 { report.add(0, "het bestand bevat geen kinderen"); throw report }
        return aggregate
    }

    private func header(_ line: DelimitedFileScanner.Line) throws(ImportReport) -> Columns {
        var index: [String: Int] = [:]
        for i in 0..<line.count { index[line.string(i).trimmingCharacters(in: .whitespaces).lowercased()] = i }
        var report = ImportReport()
        if line.count == 1 {
            report.add(1, "de kopregel heeft één kolom: gebruik ; (of ,) als scheidingsteken tussen \(Self.required.joined(separator: ", "))")
            throw report
        }
        for name in Self.required where index[name] == nil { report.add(1, "kolom '\(name)' ontbreekt") }
        guard report.isEmpty else { throw report }
        return Columns(index: index, width: line.count)
    }

    /// One row as a `BirthRecord`, or the first thing wrong with it in Dutch.
    static func record(_ line: DelimitedFileScanner.Line, _ c: Columns, codes: CodeNames = CodeNames()) -> Result<BirthRecord, RowProblem> {
        Result { () throws(RowProblem) -> BirthRecord in try parse(line, c, codes: codes) }
    }

    private static func parse(_ line: DelimitedFileScanner.Line, _ c: Columns, codes: CodeNames) throws(RowProblem) -> BirthRecord {
        func int(_ i: Int, _ name: StaticString, _ range: ClosedRange<Int>) throws(RowProblem) -> Int {
            guard let v = line.int(i) else {
                throw RowProblem(line.isEmpty(i) ? "\(name) is leeg" : "\(name) '\(line.string(i))' is geen geheel getal")
            }
            guard range.contains(v) else { throw RowProblem("\(name) \(v) ligt buiten \(range.lowerBound)-\(range.upperBound)") }
            return v
        }
        func optionalInt(_ i: Int?, _ name: StaticString, _ range: ClosedRange<Int>) throws(RowProblem) -> Int? {
            guard let i, !line.isEmpty(i) else { return nil }
            return try int(i, name, range)
        }
        let year = try int(c.year, "jaar", 1990...2100)
        guard let number = line.municipalityNumber(c.municipality) else {
            throw RowProblem("gemeente '\(line.string(c.municipality))' is geen CBS-gemeentecode (GMxxxx)")
        }
        let weeks = try int(c.weeks, "amww", 0...50)
        let days = try int(c.days, "amdd", 0...6)
        var percentile: Double?
        if !line.isEmpty(c.percentile) {
            guard let p = line.decimal(c.percentile), p <= 100 else {
                throw RowProblem("hoftiezer '\(line.string(c.percentile))' is geen percentiel van 0 tot 100")
            }
            percentile = p
        } else if weeks >= BirthRecord.minimumWeeks {
            throw RowProblem("hoftiezer ontbreekt voor een kind van \(weeks) weken")
        }
        let parity = try int(c.parity, "pariteit", 0...30)
        let live = try int(c.live, "levend", 0...1)
        let firstCheck = try optionalInt(c.firstCheck, "amddd1ond", 0...320)
        let vulnerable = try optionalInt(c.vulnerable, "kwetsbaar", 0...1)
        let quintile = try optionalInt(c.quintile, "inkomen_kwintiel", 1...5)
        var education: String?
        if let o = c.education, !line.isEmpty(o) {
            guard let level = line.choice(o, educationBytes) else {
                throw RowProblem("opleiding '\(line.string(o).trimmingCharacters(in: .whitespaces).lowercased())' is niet laag, midden of hoog")
            }
            education = BirthRecord.educationLevels[level]
        }
        return BirthRecord(year: year, municipality: codes.name(number), weeks: weeks, days: days, percentile: percentile, parity: parity,
                           liveBorn: live == 1, firstCheckDay: firstCheck, vulnerable: vulnerable,
                           incomeQuintile: quintile, education: education)
    }
}

/// What is wrong with one row, in Dutch.
struct RowProblem: Error, Equatable {
    var message: String
    init(_ message: String) { self.message = message }
}
