import Foundation

extension UUID {
    /// The lower-case form used in paths and form values.
    var slug: String { hexString(digits: "0123456789abcdef") }

    /// The text Foundation's `uuidString` gives (upper-case hex, 8-4-4-4-12), which is how Fluent
    /// stores ids in SQLite.
    var upperHexString: String { hexString(digits: "0123456789ABCDEF") }

    /// 8-4-4-4-12 hex without the `sprintf` Foundation's `uuidString` uses on Linux (a worklist
    /// writes fifty of these per page).
    private func hexString(digits: StaticString) -> String {
        withUnsafeBytes(of: uuid) { bytes in
            String(unsafeUninitializedCapacity: 36) { out in
                var o = 0
                for (i, byte) in bytes.enumerated() {
                    if i == 4 || i == 6 || i == 8 || i == 10 { out[o] = UInt8(ascii: "-"); o += 1 }
                    out[o] = digits.utf8Start[Int(byte >> 4)]
                    out[o + 1] = digits.utf8Start[Int(byte & 0x0F)]
                    o += 2
                }
                return o
            }
        }
    }
}

extension UUID {
    /// The UUID of 8-4-4-4-12 hex text in either case (how SQLite holds Fluent's ids), without the
    /// `sscanf` of Foundation's `UUID(uuidString:)` on Linux; other text goes to that parser.
    init?(hexText text: UnsafeBufferPointer<UInt8>) {
        guard text.count == 36 else {
            guard let uuid = UUID(uuidString: String(decoding: text, as: UTF8.self)) else { return nil }
            self = uuid
            return
        }
        var bytes: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        let parsed = withUnsafeMutableBytes(of: &bytes) { out -> Bool in
            var o = 0, i = 0
            while i < 36 {
                if i == 8 || i == 13 || i == 18 || i == 23 {
                    guard text[i] == UInt8(ascii: "-") else { return false }
                    i += 1
                    continue
                }
                guard let high = text[i].hexDigitValue, let low = text[i + 1].hexDigitValue else { return false }
                out[o] = high << 4 | low
                o += 1
                i += 2
            }
            return true
        }
        guard parsed else { return nil }
        self.init(uuid: bytes)
    }
}
