import Foundation

/// Moves HSDS records between their JSON shape and one flat CSV row through the records' own
/// Codable conformance, so the CSV package and the JSON share one definition of every field.
enum HSDSRow {
    struct Failure: Error { var reason: String }

    /// The scalar fields of a record as cells; nested arrays and objects live in other files.
    static func cells<T: Encodable>(_ record: T, adding links: [String: String] = [:]) throws -> [String: String] {
        let object = try JSONSerialization.jsonObject(with: JSONEncoder().encode(record)) as? [String: Any] ?? [:]
        var cells = links
        for (key, value) in object {
            switch value {
            case let text as String: cells[key] = text
            case let number as NSNumber: cells[key] = format(number.doubleValue)
            default: continue
            }
        }
        return cells
    }

    /// Decodes a record from a row; empty cells are absent fields, numeric columns must hold numbers.
    static func record<T: Decodable>(_ type: T.Type, from row: CSVTable.Row) throws -> T {
        var object: [String: Any] = [:]
        for (column, value) in row.values where HSDSText.nonEmpty(value) != nil {
            if HSDSTable.numericColumns.contains(column) {
                guard let number = Double(value.trimmingCharacters(in: .whitespaces)) else {
                    throw Failure(reason: "\(column) '\(value)' is geen getal")
                }
                object[column] = number
            } else {
                object[column] = value
            }
        }
        do {
            return try JSONDecoder().decode(T.self, from: JSONSerialization.data(withJSONObject: object))
        } catch let error as DecodingError {
            throw Failure(reason: describe(error))
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
