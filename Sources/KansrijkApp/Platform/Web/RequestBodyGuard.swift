import NIOCore
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
    /// Judged both on the text and on Vapor's own reading of it (`HTTPHeaders.contentType`), which
    /// picks the decoder: the `multipart` fuzz target found `/////multipart/form-data; boundary=`,
    /// which Vapor reads as form data with an empty boundary while the text does not start with
    /// `multipart/`.
    static func problem(method: HTTPMethod, contentType: String?) -> String? {
        guard let contentType else { return nil }
        let parsed = HTTPHeaders([("Content-Type", contentType)]).contentType
        let vaporMultipart = parsed.map { $0.type.lowercased() == "multipart" } ?? false
        guard contentType.lowercased().contains("multipart") || vaporMultipart else { return nil }
        guard contentType.lowercased().hasPrefix("multipart/form-data"), parsed == .formData else { return "error.body.type" }
        // the boundary as written and as Vapor hands it to MultipartKit must both be valid, and the same
        guard let boundary = boundary(in: contentType), isValidBoundary(boundary),
              parsed?.parameters["boundary"] == boundary else { return "error.body.boundary" }
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

/// A multipart body checked before MultipartKit reads it (issue #13, found by the `multipart` fuzz
/// target): MultipartKit looks a part's header-name bytes up in a table of 128 entries, so a byte of
/// 0x80 or more where a header name stands stops the process. Any header name in the body must be
/// ASCII; header values may hold UTF-8 (browsers send file names that way).
enum MultipartEnvelope {
    static func isSafe(_ body: ByteBuffer, boundary: String) -> Bool {
        let bytes = body.readableBytesView
        let delimiter = Array(("--" + boundary).utf8)
        var index = bytes.startIndex
        while let found = find(delimiter, in: bytes, from: index) {
            var i = found + delimiter.count
            // the closing delimiter `--boundary--` has no headers after it
            if i + 1 < bytes.endIndex, bytes[i] == UInt8(ascii: "-"), bytes[i + 1] == UInt8(ascii: "-") { index = i + 2; continue }
            // the header lines of this part, up to the empty line
            while i < bytes.endIndex, bytes[i] != UInt8(ascii: "\n") { i += 1 }
            i += 1
            while i < bytes.endIndex {
                var inName = true
                let lineStart = i
                while i < bytes.endIndex, bytes[i] != UInt8(ascii: "\n") {
                    if bytes[i] == UInt8(ascii: ":") { inName = false }
                    if inName, bytes[i] >= 0x80 { return false }
                    i += 1
                }
                let length = i - lineStart
                i += 1
                if length == 0 || (length == 1 && bytes[lineStart] == UInt8(ascii: "\r")) { break }
            }
            index = i
        }
        return true
    }

    private static func find(_ needle: [UInt8], in bytes: ByteBufferView, from start: Int) -> Int? {
        guard !needle.isEmpty, bytes.endIndex - start >= needle.count else { return nil }
        var i = start
        while i <= bytes.endIndex - needle.count {
            if bytes[i] == needle[0] {
                var j = 1
                while j < needle.count, bytes[i + j] == needle[j] { j += 1 }
                if j == needle.count { return i }
            }
            i += 1
        }
        return nil
    }
}

extension Request {
    /// Refuses a collected multipart body that MultipartKit cannot read safely (400, in Dutch).
    func refuseUnsafeMultipart() throws {
        guard let contentType = headers.first(name: .contentType), contentType.lowercased().hasPrefix("multipart/"),
              let body = body.data else { return }
        guard let boundary = RequestBodyGuard.boundary(in: contentType), MultipartEnvelope.isSafe(body, boundary: boundary) else {
            throw Abort(.badRequest, reason: t("error.body.boundary"))
        }
    }
}
