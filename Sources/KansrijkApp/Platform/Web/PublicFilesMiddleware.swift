import Vapor

/// Serves `Public/` through Vapor's `FileMiddleware`, but only for paths that can name something
/// there. `FileMiddleware` asks the file system (on a thread pool, after a hop to Swift's task
/// pool) for every request; most requests are pages and API calls. The top-level names of
/// `Public/` are read once at start-up, so a file is served exactly as before when its first path
/// component exists there; paths `FileMiddleware` would reject (not decodable, `../`) still go to
/// it. A new top-level entry in `Public/` is served after a restart.
struct PublicFilesMiddleware: Middleware {
    let files: FileMiddleware
    let topLevelNames: Set<String>

    init(publicDirectory: String) {
        files = FileMiddleware(publicDirectory: publicDirectory)
        topLevelNames = Set((try? FileManager.default.contentsOfDirectory(atPath: publicDirectory)) ?? [])
    }

    func respond(to req: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        guard mayNameFile(req.url.path) else { return next.respond(to: req) }
        return files.respond(to: req, chainingTo: next)
    }

    /// True when `FileMiddleware` could serve or reject the path.
    func mayNameFile(_ path: String) -> Bool {
        guard let decoded = path.removingPercentEncoding else { return true }
        if decoded.contains("../") { return true }
        let first = decoded.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: true).first
        return first.map { topLevelNames.contains(String($0)) } ?? false
    }
}
