/// Builds HTML in Swift for the hot pages, escaping every text the same way Leaf's `#(…)` does
/// (`& < > " '`). Text without those characters is appended whole, which is the common case.
struct HTMLWriter {
    private(set) var html = ""

    init(capacity: Int = 16_384) { html.reserveCapacity(capacity) }

    /// Markup written by us, never user data.
    mutating func raw(_ markup: String) { html += markup }

    /// Text or an attribute value, escaped.
    mutating func text(_ value: String) {
        if !value.utf8.contains(where: Self.needsEscape) { html += value; return }
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": html += "&amp;"
            case "<": html += "&lt;"
            case ">": html += "&gt;"
            case "\"": html += "&quot;"
            case "'": html += "&#39;"
            default: html.unicodeScalars.append(scalar)
            }
        }
    }

    mutating func text(_ value: Int) { html += String(value) }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }
}
