import Fluent
import Foundation

/// Reads participation per municipality from a CSV as Dutch Excel saves it:
/// `gemeentecode;inwoners;tranche;gids;gezamenlijk_plan;prenataal_huisbezoek;nnz`.
/// All or nothing: one bad line rejects the file, and the report names every bad line in Dutch.
/// Extra columns (such as those of our own export) are ignored, so an export can be edited and
/// imported again.
enum ParticipationImport {
    static let columns = ["gemeentecode", "inwoners", "tranche", "gids", "gezamenlijk_plan", "prenataal_huisbezoek", "nnz"]
    /// Sanity bound; the largest municipality has under a million inhabitants.
    static let maximumInhabitants = 2_000_000

    struct Row: Sendable, Equatable {
        var line: Int
        var code: String
        var facts: ParticipationFacts
    }

    struct Problem: Sendable, Equatable, CustomStringConvertible {
        /// File line, 1 = the header; 0 = the file as a whole.
        var line: Int
        var message: String
        var description: String { line > 0 ? "Regel \(line): \(message)" : message }
    }

    /// Why a file was not imported: every problem found, in file order.
    struct Rejection: Error, Sendable, Equatable {
        var problems: [Problem]
    }

    /// The rows, or every problem found. `municipalities` maps known CBS codes to names.
    static func parse(_ data: Data, municipalities: [String: String]) -> Result<[Row], Rejection> {
        let table: CSVFile.Table
        do {
            // `;` as given, not detected: a comma file gets the message below instead of a wrong guess
            table = try CSVFile.read(data, separator: .semicolon, ragged: .keep)
        } catch {
            return .failure(Rejection(problems: [Problem(line: error.line, message: "\(error.reason).")]))
        }
        guard !table.header.isEmpty else {
            return .failure(Rejection(problems: [Problem(line: 0, message: "Het bestand is leeg. De eerste regel moet de kolomnamen bevatten: \(columns.joined(separator: ";"))")]))
        }
        let header = (line: table.headerLine, fields: table.header)
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        if names.count == 1, names[0].contains(",") {
            return .failure(Rejection(problems: [Problem(line: header.line, message: "de kolommen zijn gescheiden door komma's. Gebruik een puntkomma (;), zoals Nederlandse Excel doet.")]))
        }
        let missing = columns.filter { !names.contains($0) }
        guard missing.isEmpty else {
            return .failure(Rejection(problems: [Problem(line: header.line, message: "kolom ontbreekt: \(missing.joined(separator: ", ")). Verwacht: \(columns.joined(separator: ";"))")]))
        }
        let index = Dictionary(names.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        var rows: [Row] = []
        var problems: [Problem] = []
        var seen: [String: Int] = [:]
        for record in table.rows {
            guard record.fields.count == names.count else {
                problems.append(Problem(line: record.line, message: "\(record.fields.count) kolommen, verwacht \(names.count)."))
                continue
            }
            func value(_ column: String) -> String { record.fields[index[column]!].trimmingCharacters(in: .whitespaces) }
            var lineProblems: [String] = []
            let rawCode = value("gemeentecode")
            let code = normalisedCode(rawCode)
            if code == nil || municipalities[code!] == nil {
                lineProblems.append("onbekende gemeentecode '\(rawCode)'")
            } else if let first = seen[code!] {
                lineProblems.append("gemeentecode \(code!) staat ook op regel \(first)")
            }
            let rawInhabitants = value("inwoners")
            let inhabitants = wholeNumber(rawInhabitants)
            if inhabitants == nil { lineProblems.append("inwoners '\(rawInhabitants)' is geen heel getal van 1 tot \(ImpulseFunding.grouped(maximumInhabitants))") }
            let rawTranche = value("tranche")
            let tranche = Tranche(rawValue: rawTranche.lowercased())
            if tranche == nil { lineProblems.append("tranche '\(rawTranche)' moet 1, 2, 3 of geen zijn") }
            var flags: [String: Bool] = [:]
            for column in ["gids", "gezamenlijk_plan", "prenataal_huisbezoek", "nnz"] {
                let raw = value(column)
                if let b = yesNo(raw) { flags[column] = b } else { lineProblems.append("\(column) '\(raw)' moet ja of nee zijn") }
            }
            if let code, seen[code] == nil { seen[code] = record.line }
            guard lineProblems.isEmpty, let code, let inhabitants, let tranche else {
                problems.append(Problem(line: record.line, message: lineProblems.joined(separator: "; ") + "."))
                continue
            }
            rows.append(Row(line: record.line, code: code, facts: ParticipationFacts(
                tranche: tranche, isGIDS: flags["gids"]!, hasJointPlan: flags["gezamenlijk_plan"]!,
                hasPrenatalVisit: flags["prenataal_huisbezoek"]!, hasNNZ: flags["nnz"]!, inhabitants: inhabitants)))
        }
        if problems.isEmpty && rows.isEmpty {
            problems.append(Problem(line: 0, message: "Het bestand bevat alleen kolomnamen en geen gemeenten."))
        }
        return problems.isEmpty ? .success(rows) : .failure(Rejection(problems: problems))
    }

    /// `GM0355`, `gm355`, `0355` and `355` (Excel drops leading zeros) all mean GM0355.
    static func normalisedCode(_ raw: String) -> String? {
        var digits = raw.uppercased()
        if digits.hasPrefix("GM") { digits.removeFirst(2) }
        guard (1...4).contains(digits.count), digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) else { return nil }
        return "GM" + String(repeating: "0", count: 4 - digits.count) + digits
    }

    /// "12345" or "12.345" (Dutch thousands separator); no decimals, no sign.
    static func wholeNumber(_ raw: String) -> Int? {
        let groups = raw.split(separator: ".", omittingEmptySubsequences: false)
        guard !raw.isEmpty, groups.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }) else { return nil }
        if groups.count > 1 {
            guard groups[0].count <= 3, groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
        }
        guard let n = Int(groups.joined()), (1...maximumInhabitants).contains(n) else { return nil }
        return n
    }

    /// ja/nee as people type it, and WAAR/ONWAAR as Dutch Excel writes booleans.
    static func yesNo(_ raw: String) -> Bool? {
        switch raw.lowercased() {
        case "ja", "j", "1", "waar", "true", "yes": true
        case "nee", "n", "0", "onwaar", "false", "no": false
        default: nil
        }
    }

    struct Outcome: Sendable, Equatable {
        var created = 0
        var updated = 0
        var removed = 0
    }

    /// Stores the rows in one transaction. With `replaceAll`, municipalities missing from the
    /// file lose their record (they become "onbekend"), so no demo row survives a full import.
    static func store(_ rows: [Row], replaceAll: Bool, sourceNote: String, on db: any Database) async throws -> Outcome {
        try await db.writeTransaction { db in
            var outcome = Outcome()
            let existing = try await MunicipalityParticipation.byCode(on: db)
            for row in rows {
                if let record = existing[row.code] {
                    record.apply(row.facts)
                    record.isDemo = false
                    record.sourceNote = sourceNote
                    try await record.save(on: db)
                    outcome.updated += 1
                } else {
                    try await MunicipalityParticipation(code: row.code, facts: row.facts, isDemo: false, sourceNote: sourceNote).create(on: db)
                    outcome.created += 1
                }
            }
            if replaceAll {
                let keep = Set(rows.map(\.code))
                let gone = existing.keys.filter { !keep.contains($0) }
                if !gone.isEmpty {
                    try await MunicipalityParticipation.query(on: db).filter(\.$id ~~ gone).delete()
                    outcome.removed = gone.count
                }
            }
            return outcome
        }
    }
}
