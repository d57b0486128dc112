import Vapor

/// Refuses request bodies that no decoder may see, before anything reads them (issue #13, item 1).
/// MultipartKit stops the process on an empty boundary (a library precondition), and it was
/// reached from `CSRFMiddleware` by one anonymous request, so every multipart body must carry a
/// boundary as RFC 2046 defines it. Runs before the session is read: a refused body creates no
/// session row. A plain `Middleware`: requests without a body stay on their event loop.
struct RequestBodyGuard: Middleware {
    /// Longer URLs answer 414 and larger header blocks 431 (issue #13): no page needs them, and
    /// every later step would copy them.
    static let maxURLBytes = 8 * 1024
    static let maxHeaderBytes = 32 * 1024

    func respond(to req: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        if req.url.string.utf8.count > Self.maxURLBytes {
            return req.eventLoop.makeFailedFuture(Abort(.uriTooLong, reason: req.t("error.toolarge")))
        }
        var headerBytes = 0
        for (name, value) in req.headers { headerBytes += name.utf8.count + value.utf8.count + 4 }
        if headerBytes > Self.maxHeaderBytes {
            return req.eventLoop.makeFailedFuture(Abort(.requestHeaderFieldsTooLarge, reason: req.t("error.toolarge")))
        }
        if let problem = Self.problem(method: req.method, contentType: req.headers.first(name: .contentType)) {
            return req.eventLoop.makeFailedFuture(Abort(.badRequest, reason: req.t(problem)))
        }
        return next.respond(to: req)
    }

    /// The key of the Dutch explanation when the body's declared type cannot be decoded safely, or nil.
    static func problem(method: HTTPMethod, contentType: String?) -> String? {
        guard let contentType else { return nil }
        let lowered = contentType.lowercased()
        guard lowered.hasPrefix("multipart/") else { return nil }
        guard lowered.hasPrefix("multipart/form-data") else { return "error.body.type" }
        guard let boundary = boundary(in: contentType), isValidBoundary(boundary) else { return "error.body.boundary" }
        return nil
    }

    /// The `boundary` parameter of a `multipart/...` content type, unquoted, or nil when absent.
    /// Parsed here rather than by `HTTPMediaType`, so that what is checked is exactly what was sent.
    static func boundary(in contentType: String) -> String? {
        var found: String?
        for parameter in contentType.split(separator: ";").dropFirst() {
            let parts = parameter.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces).lowercased() == "boundary" else { continue }
            // a second boundary parameter is ambiguous: refuse rather than guess which one a decoder takes
            if found != nil { return nil }
            var value = parts[1].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
            found = value
        }
        return found
    }

    /// RFC 2046 section 5.1.1: 1 to 70 of DIGIT, ALPHA and `'()+_,-./:=?` or a space, not ending in a space.
    static func isValidBoundary(_ boundary: String) -> Bool {
        let utf8 = boundary.utf8
        guard (1...70).contains(utf8.count), utf8.last != UInt8(ascii: " ") else { return false }
        return utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"): true
            default: "'()+_,-./:=? ".utf8.contains(byte)
            }
        }
    }
}
