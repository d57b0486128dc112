import NIOCore

/// Builds HTML in Swift for the hot pages, escaping every text the same way Leaf's `#(…)` does
/// (`& < > " '`). Writes bytes straight into one `ByteBuffer`, which becomes the response body
/// as it is: a search page is written once, not built from strings and copied.
struct HTMLWriter {
    private(set) var buffer: ByteBuffer

    init(capacity: Int = 16_384) { buffer = ByteBufferAllocator().buffer(capacity: capacity) }

    /// What was written, as text.
    var html: String { String(buffer: buffer) }

    /// Markup written by us, never user data.
    mutating func raw(_ markup: String) { buffer.writeString(markup) }

    /// Markup written by us, never user data.
    mutating func raw(_ markup: Substring) { buffer.writeSubstring(markup) }

    /// Text or an attribute value, escaped. The runs between the characters to escape are
    /// copied whole; most texts have none.
    mutating func text(_ value: String) {
        var value = value
        value.withUTF8 { bytes in
            var run = 0
            for i in bytes.indices {
                let entity: StaticString
                switch bytes[i] {
                case UInt8(ascii: "&"): entity = "&amp;"
                case UInt8(ascii: "<"): entity = "&lt;"
                case UInt8(ascii: ">"): entity = "&gt;"
                case UInt8(ascii: "\""): entity = "&quot;"
                case UInt8(ascii: "'"): entity = "&#39;"
                default: continue
                }
                buffer.writeBytes(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[run..<i])))
                buffer.writeStaticString(entity)
                run = i + 1
            }
            buffer.writeBytes(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[run...])))
        }
    }

    mutating func text(_ value: Int) { buffer.writeString(String(value)) }
}
