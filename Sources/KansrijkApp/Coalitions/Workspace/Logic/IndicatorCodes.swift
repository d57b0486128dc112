import Foundation

/// Indicator codes as ambitions name them until the monitoring issue defines them: lower-case
/// letters, digits and underscores (`big2`, `zorg_na_week_10`).
enum IndicatorCodes {
    /// The codes most ambitions use, offered as a hint.
    static let suggested = ["big2", "vroeggeboorte", "laag_gewicht", "zorg_na_week_10", "geen_kraamzorg",
                            "schulden", "psychische_problemen", "roken_zwangerschap", "nnz_beschikbaar", "uithuisplaatsing"]

    /// Splits on commas, semicolons and spaces; lower-cases; drops repeats.
    /// Returns the codes and the parts that are not valid codes.
    static func parse(_ raw: String) -> (codes: [String], invalid: [String]) {
        var codes: [String] = [], invalid: [String] = []
        for part in raw.split(whereSeparator: { $0 == "," || $0 == ";" || $0.isWhitespace }) {
            let code = part.lowercased()
            let valid = (2...40).contains(code.count) && (code.first?.isLetter ?? false)
                && code.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
            if !valid { invalid.append(String(part)) } else if !codes.contains(code) { codes.append(code) }
        }
        return (codes, invalid)
    }
}
