import Vapor

/// Lets a social-map upload bring its 5 MB file (plus the form around it) before `CSRFMiddleware`
/// collects bodies with the app-wide 2 MB limit, through `UploadGate`: only a signed-in user with
/// a session token, a declared size above the limit refused unread, two uploads per address at once.
struct SocialMapUploadLimit: AsyncMiddleware {
    var maxBytes = SpreadsheetLimits.standard.maxFileBytes + 64 * 1024

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard req.method == .POST, req.headers.contentType?.type == "multipart" else {
            return try await next.respond(to: req)
        }
        try await UploadGate.collect(req, maxBytes: maxBytes, tooLarge: Abort(.payloadTooLarge, reason: req.t("socialmap.error.toolarge")))
        return try await next.respond(to: req)
    }
}
