import Foundation

/// UUIDs in the order they are made (version 7, RFC 9562: a millisecond timestamp, then a counter
/// that starts at a random value). A few hundred thousand count rows then go to the end of the
/// primary-key index instead of to random places in it, which is most of what SQLite spends on
/// writing them (bench/README.md, Monitoring).
struct TimeOrderedUUIDs {
    private let timestamp: UInt64
    private var counter: UInt64

    init(now: Date = Date()) {
        timestamp = UInt64(max(now.timeIntervalSince1970, 0) * 1000) & 0xFFFF_FFFF_FFFF
        // room for billions of ids before the 62 counter bits could run over
        counter = UInt64.random(in: 0...(1 << 60))
    }

    mutating func next() -> UUID {
        counter += 1
        let t = timestamp, c = counter
        return UUID(uuid: (UInt8(t >> 40 & 0xFF), UInt8(t >> 32 & 0xFF), UInt8(t >> 24 & 0xFF), UInt8(t >> 16 & 0xFF),
                           UInt8(t >> 8 & 0xFF), UInt8(t & 0xFF), 0x70, 0x00,
                           UInt8(0x80 | (c >> 56 & 0x3F)), UInt8(c >> 48 & 0xFF), UInt8(c >> 40 & 0xFF), UInt8(c >> 32 & 0xFF),
                           UInt8(c >> 24 & 0xFF), UInt8(c >> 16 & 0xFF), UInt8(c >> 8 & 0xFF), UInt8(c & 0xFF)))
    }
}
