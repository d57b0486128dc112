import Vapor

/// Synchroniser-token CSRF protection: one random token per session, sent back by every form
/// as the hidden field `csrf` (or the `X-CSRF-Token` header) and compared in constant time.
/// The log-in form, which has no session, is checked against its own cookie (`LoginFormToken`).
/// A request that cannot carry a valid token (no session, no token) is refused before its body is
/// read, so an anonymous visitor cannot make the server hold large bodies (issue #13).
struct CSRFMiddleware: AsyncMiddleware {
    static let field = "csrf"

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard [.POST, .PUT, .PATCH, .DELETE].contains(req.method) else { return try await next.respond(to: req) }
        let expected = req.method == .POST && req.url.path == "/inloggen"
            ? LoginFormToken.current(req)
            : (req.hasSession ? req.session.data["csrf"] : nil)
        guard let expected else { throw PageError.csrf }
        let sent: String?
        if let header = req.headers.first(name: "X-CSRF-Token") {
            sent = header
        } else {
            // middleware runs before the route collects a streamed body, so collect it here
            if req.body.data == nil {
                _ = try await req.body.collect(max: req.application.routes.defaultMaxBodySize.value).get()
            }
            try req.refuseUnsafeMultipart()
            sent = try? req.content.get(String.self, at: Self.field)
        }
        guard let sent, Self.constantTimeEquals(Array(sent.utf8), Array(expected.utf8)) else {
            throw PageError.csrf
        }
        return try await next.respond(to: req)
    }

    /// The same for texts (TOTP codes, recovery-code hashes, signatures).
    static func constantTimeEquals(_ a: String, _ b: String) -> Bool { constantTimeEquals(Array(a.utf8), Array(b.utf8)) }

    static func constantTimeEquals(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for i in a.indices { difference |= a[i] ^ b[i] }
        return difference == 0
    }
}

extension Request {
    func csrfToken() -> String {
        if let token = session.data["csrf"] { return token }
        let token = LoginFormToken.make()
        session.data["csrf"] = token
        return token
    }
}
