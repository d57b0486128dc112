import Vapor

/// Lets an aggregate upload bring up to the import limit (the app collects 2 MB otherwise) and
/// refuses anything larger before reading it: a declared length is checked before the first byte,
/// and collecting stops at the limit, so a 2 GB file never sits in memory.
struct ImportUploadLimit: AsyncMiddleware {
    /// Room for the multipart envelope around the file.
    static let envelope: Int64 = 64 * 1024
    var maxBytes = Int(ImportLimits.aggregateMaxBytes + envelope)

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard req.method == .POST, req.headers.contentType?.type == "multipart" else { return try await next.respond(to: req) }
        let megabytes = ImportLimits.aggregateMaxBytes / 1_048_576
        let tooLarge = Abort(.payloadTooLarge, reason: String(format: req.t("mimport.error.toolarge"), megabytes))
        try await UploadGate.collect(req, maxBytes: maxBytes, tooLarge: tooLarge)
        return try await next.respond(to: req)
    }
}
