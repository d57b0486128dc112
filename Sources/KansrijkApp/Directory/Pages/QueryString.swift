/// Reads the parameters of a raw (still percent-encoded) query string, for the search page: a
/// search request decoded its query through Vapor's `URLEncodedFormDecoder` (a `Decoder` over a
/// tree of nodes), about a twelfth of the request's CPU time. Rules, as browsers send a GET form
/// (`application/x-www-form-urlencoded`):
/// - pairs are split at `&`, name and value at the first `=`; a pair without `=` is no parameter;
/// - `+` is a space, `%XX` is the byte XX; a `%` not followed by two hex digits stays as it is;
/// - bytes that are not valid UTF-8 become U+FFFD;
/// - when a name occurs more than once, the first occurrence wins.
struct QueryString {
    private var values: [String: String] = [:]

    init(_ query: String?) {
        guard let query, !query.isEmpty else { return }
        for pair in query.utf8.split(separator: UInt8(ascii: "&")) {
            guard let equals = pair.firstIndex(of: UInt8(ascii: "=")) else { continue }
            let name = Self.decode(pair[..<equals])
            guard values[name] == nil else { continue }
            values[name] = Self.decode(pair[pair.index(after: equals)...])
        }
    }

    /// The first value of the parameter `name`, decoded; nil when the query has no such parameter.
    subscript(name: String) -> String? { values[name] }

    /// `+` as a space and percent-decoding, per byte, then UTF-8 with invalid bytes replaced.
    static func decode(_ bytes: Substring.UTF8View) -> String {
        guard bytes.contains(where: { $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "%") }) else {
            return String(Substring(bytes))
        }
        var decoded: [UInt8] = []
        decoded.reserveCapacity(bytes.count)
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let byte = bytes[i]
            i = bytes.index(after: i)
            switch byte {
            case UInt8(ascii: "+"):
                decoded.append(UInt8(ascii: " "))
            case UInt8(ascii: "%"):
                // a malformed escape is kept as text, as browsers do
                let rest = bytes[i...]
                guard rest.count >= 2, let high = rest[i].hexDigitValue, let low = rest[bytes.index(after: i)].hexDigitValue else {
                    decoded.append(byte)
                    continue
                }
                decoded.append(high << 4 | low)
                i = bytes.index(i, offsetBy: 2)
            default:
                decoded.append(byte)
            }
        }
        return String(decoding: decoded, as: UTF8.self)
    }
}

extension UInt8 {
    /// The value of this byte as a hex digit (either case), or nil.
    var hexDigitValue: UInt8? {
        switch self {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): self - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): self - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): self - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
