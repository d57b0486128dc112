import Vapor

/// Collects a multipart body (the agreement upload) with room for a full 5 MB document, before
/// `CSRFMiddleware` collects every body with the app-wide 2 MB limit. Far larger bodies are
/// refused here with a Dutch explanation; sizes in between reach `UploadCheck`, which explains
/// on the form itself.
struct UploadBodyLimit: AsyncMiddleware {
    var maxBytes = UploadCheck.maxBytes * 2

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard req.method == .POST, req.headers.contentType?.type == "multipart" else {
            return try await next.respond(to: req)
        }
        let tooLarge = Abort(.payloadTooLarge, reason: req.t("agreement.error.toolarge.request"))
        if let collected = req.body.data {
            guard collected.readableBytes <= maxBytes else { throw tooLarge }
        } else {
            do {
                _ = try await req.body.collect(max: maxBytes).get()
            } catch let error as any AbortError where error.status == .payloadTooLarge {
                throw tooLarge
            }
        }
        return try await next.respond(to: req)
    }
}
