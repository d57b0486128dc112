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
/// 0x80 or more where a header name stands stops the process. Header values may hold UTF-8 (browsers
/// send file names that way).
///
/// Where "a header name stands" is decided the way MultipartKit 4's parser decides it, not by lines:
/// a line-based approximation missed two of its quirks (CI, 2026-12-07): in the preamble it
/// restarts a broken match at the first byte, so it can find a delimiter after one that a plain
/// substring search takes as the closing one; and a header value runs to a CR, across bare LFs. So
/// this walks the same states over the same bytes and answers `false` exactly where the parser
/// would look a byte of 0x80 or more up; where the parser throws a syntax error the body is
/// harmless (the decoder fails and the request gets a 400).
enum MultipartEnvelope {
    private enum State {
        case preamble(Int)
        case preHeaders(expectingLF: Bool)
        case headerName(empty: Bool)
        case headerValue
        case postHeaderValue
        case postHeaders
        case body
        case boundary(Int)
    }

    static func isSafe(_ body: ByteBuffer, boundary: String) -> Bool {
        let cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n"), colon = UInt8(ascii: ":"), hyphen = UInt8(ascii: "-")
        let delimiter = Array("\r\n--\(boundary)".utf8)
        var state = State.preamble(0)
        for byte in body.readableBytesView {
            switch state {
            case .preamble(let matched):
                let next: Int
                if matched == 0, byte == delimiter[2] { next = 3 }  // the first delimiter needs no CRLF before it
                else if byte == delimiter[matched] { next = matched + 1 }
                else if matched > 0, byte == delimiter[0] { next = 1 }
                else { next = 0 }
                state = next == delimiter.count ? .preHeaders(expectingLF: false) : .preamble(next)
            case .preHeaders(let expectingLF):
                if !expectingLF, byte == cr { state = .preHeaders(expectingLF: true) }
                else if expectingLF, byte == lf { state = .headerName(empty: true) }
                else { return true }
            case .headerName(let empty):
                if byte == colon, !empty { state = .headerValue }
                else if byte == cr, empty { state = .postHeaders }
                else if byte >= 0x80 { return false }
                else if allowedInHeaderName(byte) { state = .headerName(empty: false) }
                else { return true }
            case .headerValue:
                if byte == cr { state = .postHeaderValue }
            case .postHeaderValue:
                guard byte == lf else { return true }
                state = .headerName(empty: true)
            case .postHeaders:
                guard byte == lf else { return true }
                state = .body
            case .body:
                if byte == delimiter[0] { state = .boundary(1) }
            case .boundary(let matched):
                if matched == delimiter.count {
                    if byte == cr { state = .preHeaders(expectingLF: true) }
                    else if byte == hyphen { return true }  // the closing delimiter: the rest is ignored
                    else { return true }
                } else if byte == delimiter[matched] { state = .boundary(matched + 1) }
                else if byte == delimiter[0] { state = .boundary(1) }
                else { state = .body }
            }
        }
        return true
    }

    /// RFC 822 token characters: visible ASCII except the separators.
    private static func allowedInHeaderName(_ byte: UInt8) -> Bool {
        guard byte > 32, byte < 127 else { return false }
        return !"()<>@,;:\\\"/[]?={}".utf8.contains(byte)
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
