import Foundation

/// Moves single values between a cell of the tabular data package and the JSON form, typed as
/// the HSDS 3.0 schemas type the column, and says what is wrong with a record in Dutch.
enum HSDSRow {
    struct Failure: Error { var reason: String }

    /// A cell as the JSON value its column holds: nil when empty, a number for a `number`
    /// column (a decimal comma as Dutch spreadsheets write it is read too), else the text as it
    /// stands, ids trimmed of spaces. Columns outside the standard stay text.
    static func value(_ cell: String, column: String) throws(Failure) -> JSONValue? {
        let trimmed = cell.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return nil }
        if HSDSTable.numberColumns.contains(column) {
            let text = trimmed.contains(".") ? trimmed : trimmed.replacingOccurrences(of: ",", with: ".")
            guard let number = Double(text), number.isFinite else { throw Failure(reason: "\(column) '\(cell)' is geen getal") }
            if number.rounded() == number, abs(number) < 9e15, let whole = Int(exactly: number) { return .int(whole) }
            return .double(number)
        }
        return .string(column == "id" || column.hasSuffix("_id") ? trimmed : cell)
    }

    /// A scalar JSON value as a cell; nil for null, arrays and objects (those live in other tables).
    static func cell(_ value: JSONValue) -> String? {
        switch value {
        case .string(let text): text
        case .int(let number): String(number)
        case .double(let number): format(number)
        case .bool(let flag): flag ? "true" : "false"
        case .null, .array, .object: nil
        }
    }

    /// A decoding failure in words a data manager understands, with the place in the record.
    static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [any CodingKey]) -> String {
            keys.reduce("") { text, key in key.intValue.map { text + "[\($0)]" } ?? (text.isEmpty ? key.stringValue : text + "." + key.stringValue) }
        }
        switch error {
        case .keyNotFound(let key, let context): return "verplicht veld '\(path(context.codingPath + [key]))' ontbreekt"
        case .valueNotFound(_, let context): return "verplicht veld '\(path(context.codingPath))' is leeg"
        case .typeMismatch(let type, let context): return "veld '\(path(context.codingPath))' heeft het verkeerde type (verwacht: \(type == String.self ? "tekst" : type == Double.self ? "getal" : "\(type)"))"
        case .dataCorrupted(let context): return "ongeldige waarde bij '\(path(context.codingPath))'"
        @unknown default: return "onleesbaar record"
        }
    }

    /// Whole numbers without ".0"; others as Swift prints them (shortest exact form).
    static func format(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}
