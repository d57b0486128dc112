import Foundation

/// Checks for an address and a phone number, next to `ServiceForm.looksLikeEmail` and
/// `ServiceForm.isWebAddress` (which the organisation forms use as they are).
enum ContactChecks {
    /// A Dutch postal code ("3701 AB", "3701ab") written as "3701 AB"; nil when it is not one.
    static func postcode(_ s: String) -> String? {
        let compact = s.filter { !$0.isWhitespace }.uppercased()
        guard compact.count == 6 else { return nil }
        let digits = compact.prefix(4), letters = compact.suffix(2)
        guard digits.allSatisfy(\.isASCIIDigit), digits.first != "0", letters.allSatisfy({ $0.isASCII && $0.isLetter }) else { return nil }
        return "\(digits) \(letters)"
    }

    /// A phone number as people write it: digits, spaces, `+ - ( )`, with 5 to 15 digits
    /// (from a municipality's 14 030 to an international number).
    static func looksLikePhone(_ s: String) -> Bool {
        let allowed = Set("0123456789 +-()")
        let digits = s.filter(\.isASCIIDigit).count
        return s.allSatisfy(allowed.contains) && (5...15).contains(digits)
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

extension FieldMessages {
    var phone: String { say("Vul een telefoonnummer in met alleen cijfers, spaties, + of -, bijvoorbeeld 030 123 45 67.",
                            "Enter a phone number with digits, spaces, + or - only, e.g. +31 30 123 45 67.") }
    var postcode: String { say("Vul een postcode in zoals 3701 AB.", "Enter a postal code like 3701 AB.") }
    var municipalityChoice: String { say("Kies een gemeente uit de lijst.", "Choose a municipality from the list.") }
    var municipalityOutside: String {
        say("U beheert alleen organisaties in de gemeenten van uw coalities. Kies een van die gemeenten.",
            "You manage organisations in your coalitions' municipalities only. Choose one of them.")
    }
}
