import Vapor

/// Collects a multipart body (the agreement upload) with room for a full 5 MB document, before
/// `CSRFMiddleware` collects every body with the app-wide 2 MB limit, through `UploadGate`. Far
/// larger bodies are refused here with a Dutch explanation; sizes in between reach `UploadCheck`,
/// which explains on the form itself.
struct UploadBodyLimit: AsyncMiddleware {
    var maxBytes = UploadCheck.maxBytes * 2

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard req.method == .POST, req.headers.contentType?.type == "multipart" else {
            return try await next.respond(to: req)
        }
        try await UploadGate.collect(req, maxBytes: maxBytes, tooLarge: Abort(.payloadTooLarge, reason: req.t("agreement.error.toolarge.request")))
        return try await next.respond(to: req)
    }
}
