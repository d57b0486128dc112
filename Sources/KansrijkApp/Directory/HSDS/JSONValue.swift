import Foundation

/// Any JSON value, kept exactly as it came in (issue 16, "lose nothing"). The HSDS readers keep
/// every top-level record of a file as a `JSONValue`; the originals store returns it on export.
enum JSONValue: Sendable, Hashable, Codable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// From `JSONSerialization` output. An `NSNumber` that holds a boolean stays a boolean; an
    /// integral number that fits an `Int` becomes `.int`, any other number `.double`.
    init(any value: Any) {
        switch value {
        case let object as [String: Any]:
            self = .object(object.mapValues { JSONValue(any: $0) })
        case let list as [Any]:
            self = .array(list.map { JSONValue(any: $0) })
        case let string as String:
            self = .string(string)
        case let number as NSNumber:
            self = JSONValue(number: number)
        case is NSNull:
            self = .null
        default:
            self = .null
        }
    }

    private init(number: NSNumber) {
        // Foundation reads JSON booleans as NSNumbers of type "c" (char); JSON numbers are
        // never chars, so "c" is a boolean on Linux and on Darwin alike.
        let objCType = String(cString: number.objCType)
        if objCType == "c" {
            self = .bool(number.boolValue)
            return
        }
        if ["i", "s", "l", "q", "I", "S", "L", "Q", "C"].contains(objCType), let int = Int(exactly: number.int64Value) {
            self = .int(int)
            return
        }
        let double = number.doubleValue
        if double.rounded() == double, abs(double) < 9.0e15, let int = Int(exactly: double) {
            self = .int(int)
        } else {
            self = .double(double)
        }
    }

    /// The value as `JSONSerialization` would return it.
    var any: Any {
        switch self {
        case .null: NSNull()
        case .bool(let value): value
        case .int(let value): value
        case .double(let value): value
        case .string(let value): value
        case .array(let list): list.map(\.any)
        case .object(let object): object.mapValues(\.any)
        }
    }

    subscript(key: String) -> JSONValue? {
        if case .object(let object) = self { return object[key] }
        return nil
    }

    /// `null`, an empty string, an empty array and an empty object count as empty.
    var isEmpty: Bool {
        switch self {
        case .null: true
        case .string(let value): value.isEmpty
        case .array(let list): list.isEmpty
        case .object(let object): object.isEmpty
        case .bool, .int, .double: false
        }
    }

    var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    var objectValue: [String: JSONValue]? {
        if case .object(let value) = self { return value }
        return nil
    }

    var arrayValue: [JSONValue]? {
        if case .array(let value) = self { return value }
        return nil
    }

    func data(sortedKeys: Bool = true) throws -> Data {
        var options: JSONSerialization.WritingOptions = [.fragmentsAllowed, .withoutEscapingSlashes]
        if sortedKeys { options.insert(.sortedKeys) }
        return try JSONSerialization.data(withJSONObject: any, options: options)
    }

    /// Reads any JSON text. Through `JSONDecoder`, not `JSONSerialization`: on Linux the latter
    /// reads some decimals one bit off (52.822500000000005 becomes 52.82250000000001).
    static func parse(_ data: Data) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: data)
    }

    // MARK: Codable

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        // the most common kinds first: every failed attempt costs an error
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([String: JSONValue].self) {
            self = .object(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int.self) {
            self = .int(value)
        } else {
            self = .double(try container.decode(Double.self))
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .int(let value): try container.encode(value)
        case .double(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let list): try container.encode(list)
        case .object(let object): try container.encode(object)
        }
    }
}
