import Foundation
@testable import KansrijkApp

/// Compares an HSDS record that went in with what came out, value by value (issue #16): every
/// non-empty value of the input must be at the same path in the output. Arrays of objects are
/// matched by `id`, other arrays by position. Numbers compare by value (12 == 12.0).
enum HSDSValueComparison {
    /// Every input value that is missing or different in the output, with its path.
    static func misses(_ input: JSONValue, _ output: JSONValue?, path: String = "") -> [String] {
        guard !input.isEmpty else { return [] }
        guard let output else { return ["\(path): ontbreekt (was \(short(input)))"] }
        switch input {
        case .object(let object):
            guard case .object(let out) = output else { return ["\(path): geen object in de uitvoer"] }
            return object.keys.sorted().flatMap { key in misses(object[key]!, out[key], path: path.isEmpty ? key : "\(path).\(key)") }
        case .array(let list):
            guard case .array(let out) = output else { return ["\(path): geen lijst in de uitvoer"] }
            if list.allSatisfy({ $0["id"]?.stringValue != nil }) {
                return list.flatMap { element in
                    let id = element["id"]!.stringValue!
                    let match = out.first { $0["id"]?.stringValue?.lowercased() == id.lowercased() }
                    return misses(element, match, path: "\(path)[id=\(id)]")
                }
            }
            return list.enumerated().flatMap { i, element in misses(element, i < out.count ? out[i] : nil, path: "\(path)[\(i)]") }
        default:
            return same(input, output) ? [] : ["\(path): \(short(input)) werd \(short(output))"]
        }
    }

    private static func same(_ a: JSONValue, _ b: JSONValue) -> Bool {
        switch (a, b) {
        case (.int(let x), .double(let y)), (.double(let y), .int(let x)): return Double(x) == y
        default: return a == b
        }
    }

    private static func short(_ value: JSONValue) -> String {
        let text = (try? value.data()).map { String(decoding: $0, as: UTF8.self) } ?? "?"
        return text.count > 80 ? String(text.prefix(77)) + "..." : text
    }
}
