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
