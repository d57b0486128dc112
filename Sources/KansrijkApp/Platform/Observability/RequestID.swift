import Vapor

/// The request id (ADR 0044): nginx's `X-Request-Id` when it is sane, else the one Vapor made for
/// the request. It is in the metadata of `req.logger`, so every line logged for the request carries
/// it, and it goes back in the response's `X-Request-Id`.
enum RequestID {
    static let metadataKey = "request-id"

    /// 1 to 128 of `A-Z a-z 0-9 - _ . :`: a UUID, nginx's 32 hex digits or a tracing id pass; a line
    /// break or a long string someone sent never reaches a log line.
    static func isSane(_ id: String) -> Bool {
        let bytes = id.utf8
        guard !bytes.isEmpty, bytes.count <= 128 else { return false }
        return bytes.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: ":"):
                true
            default: false
            }
        }
    }

    /// The request's id, settled, and the request's logger carrying it: Vapor put the incoming
    /// header (unchecked) or a new UUID into the logger; an id that is not sane is replaced by a new UUID.
    static func settle(_ req: Request) -> (id: String, logger: Logger) {
        var logger = req.logger
        if case .string(let id)? = logger[metadataKey: metadataKey], isSane(id) { return (id, logger) }
        let id = UUID().uuidString
        logger[metadataKey: metadataKey] = .string(id)
        req.logger = logger
        return (id, logger)
    }
}
