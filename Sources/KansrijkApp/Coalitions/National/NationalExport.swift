import Foundation

/// The municipality table as a Dutch Excel CSV. Its first seven columns are what the import reads,
/// so an export can be corrected in Excel and imported again; the column `gegevens` says which
/// rows are demo figures.
enum NationalExport {
    static let header = ParticipationImport.columns + ["gemeente", "provincie", "ggd_regio", "coalitie", "coalitiefase", "gegevens", "bron", "bijgewerkt"]

    static func csv(_ rows: [NationalRow], labels: NationalLabels) -> String {
        func flag(_ b: Bool?) -> String { b.map { $0 ? "ja" : "nee" } ?? "" }
        // one formatter for the whole file: making one per row costs more than the rest of the export
        let day = isoDay()
        let lines = rows.map { r -> [String] in
            let f = r.facts
            return [r.code, f.map { String($0.inhabitants) } ?? "", f?.tranche.rawValue ?? "", flag(f?.isGIDS), flag(f?.hasJointPlan),
                    flag(f?.hasPrenatalVisit), flag(f?.hasNNZ),
                    r.name, r.provinceName, r.ggdName, r.coalitions.joined(separator: ", "), labels.stage(r.stage),
                    f == nil ? "onbekend" : (r.isDemo ? "demo (fictief)" : "ingevoerd"),
                    r.sourceNote ?? "", r.updatedAt.map(day.string(from:)) ?? ""]
        }
        return CSVFile.write(header: header, rows: lines, separator: .semicolon, for: .spreadsheet)
    }

    /// `2026-11-22`, the calendar day in the Netherlands.
    static func isoDay() -> DateFormatter {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "Europe/Amsterdam")
        f.dateFormat = "yyyy-MM-dd"
        return f
    }
}
