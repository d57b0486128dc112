import Foundation

/// Paths and Dutch wording of the validator's errors.
extension HSDSSchemaValidator {
    /// `path.name`, or `path["odd name"]` for a name that is not a plain word.
    static func member(_ path: String, _ name: String) -> String {
        let plain = !name.isEmpty && name.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "_") }
        if !plain { return "\(path)[\(shown(.string(name)))]" }
        return path.isEmpty ? name : "\(path).\(name)"
    }

    static func dutchTypes(_ types: [String]) -> String {
        let names = types.map(dutchTypeName)
        guard names.count > 1, let last = names.last else { return names.first ?? "" }
        return names.dropLast().joined(separator: ", ") + " of " + last
    }

    static func dutchTypeName(_ type: String) -> String {
        switch type {
        case "string": "tekst"
        case "number": "een getal"
        case "integer": "een geheel getal"
        case "boolean": "true of false"
        case "array": "een lijst"
        case "object": "een object"
        case "null": "null"
        default: type
        }
    }

    static func dutchType(of value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool(let b): "\(b)"
        case .int, .double: "een getal (\(shown(value)))"
        case .string: "tekst (\(shown(value)))"
        case .array: "een lijst"
        case .object: "een object"
        }
    }

    /// A value as it would appear in the file, shortened to keep messages readable.
    static func shown(_ value: JSONValue) -> String {
        switch value {
        case .string(let s): "'\(s.count > 60 ? s.prefix(57) + "..." : s)'"
        case .int(let i): "\(i)"
        case .double(let d): shown(d)
        case .bool(let b): "\(b)"
        case .null: "null"
        case .array: "[...]"
        case .object: "{...}"
        }
    }

    static func shown(_ number: Double) -> String {
        number.rounded() == number && abs(number) < 1e15 ? String(Int(number)) : String(number)
    }
}
