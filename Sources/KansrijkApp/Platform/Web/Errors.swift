import Leaf
import Vapor

/// Errors that pages show with a Dutch explanation and a fitting status.
enum PageError: Error, AbortError {
    case csrf
    case notFound
    case forbidden
    case signInRequired

    var status: HTTPResponseStatus {
        switch self {
        case .csrf: .forbidden
        case .notFound: .notFound
        case .forbidden: .forbidden
        case .signInRequired: .unauthorized
        }
    }

    var reason: String {
        switch self {
        case .csrf: "error.csrf"
        case .notFound: "error.notfound"
        case .forbidden: "error.forbidden"
        case .signInRequired: "error.signin"
        }
    }
}

/// RFC 9457 problem details for the API.
struct Problem: Content {
    static let defaultContentType = HTTPMediaType(type: "application", subType: "problem+json")
    var type: String
    var title: String
    var status: Int
    var detail: String
    var instance: String?
}

struct ErrorPage: Encodable {
    var page: PageMeta
    var status: Int
    var heading: String
    var message: String
}

/// One place turns every error into either problem JSON (API) or a Dutch page (everything else).
/// Nothing internal leaks: unexpected errors are logged and shown as a calm 500 page.
/// A plain `Middleware`, so a request that succeeds never leaves the event loop; only an error
/// page, which Leaf renders, goes through a task.
struct KansrijkErrorMiddleware: Middleware {
    func respond(to req: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        next.respond(to: req).flatMapError { error in Self.response(to: error, req) }
    }

    static func response(to error: any Error, _ req: Request) -> EventLoopFuture<Response> {
        // no route for this method, but for others: 405 with the methods that are allowed (issue #13)
        if error is RouteNotFound {
            let allowed = req.application.routeMethods.allowed(for: req.url.path)
            if !allowed.isEmpty {
                return response(to: Abort(.methodNotAllowed), req).map { response in
                    response.headers.replaceOrAdd(name: .allow, value: allowed.joined(separator: ", "))
                    return response
                }
            }
        }
        let status: HTTPResponseStatus
        var detail: String
        switch error {
        case _ where DatabaseOutage.matches(error):
            // the database is away (stopped, read-only, full): 503 for a while, not a 500 (issue #13)
            status = .serviceUnavailable; detail = req.t("error.unavailable")
            req.logger.warning("Database unavailable: \(String(reflecting: error))")
        case let e as PageError:
            status = e.status; detail = req.t(e.reason)
        case let e as any AbortError where e.status.code >= 500:
            // internal details (a template error, a driver message) stay in the log
            status = e.status; detail = req.t("error.internal")
            req.logger.report(error: error)
        case let e as any AbortError:
            status = e.status
            // Vapor's own aborts carry English reason phrases; pages and API speak Dutch first
            detail = e.reason == e.status.reasonPhrase ? req.t(Self.genericKey(status)) : e.reason
        case is DecodingError:
            status = .badRequest; detail = req.t("error.badrequest")
        default:
            status = .internalServerError; detail = req.t("error.internal")
            req.logger.report(error: error)
        }
        if req.url.path.hasPrefix("/api/") {
            return req.eventLoop.makeCompletedFuture { try Self.problem(req, status: status, detail: detail) }.map { Self.retryLater($0) }
        }
        if case PageError.signInRequired = error, req.method == .GET {
            let back = req.url.string.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/"
            return req.eventLoop.makeSucceededFuture(req.redirect(to: "/inloggen?terug=\(back)"))
        }
        return req.eventLoop.makeFutureWithTask { await Self.page(req, status: status, detail: detail) }.map { Self.retryLater($0) }
    }

    /// A 503 tells when to try again.
    static func retryLater(_ response: Response) -> Response {
        if response.status == .serviceUnavailable {
            response.headers.replaceOrAdd(name: .retryAfter, value: String(DatabaseOutage.retryAfterSeconds))
        }
        return response
    }

    static func genericKey(_ status: HTTPResponseStatus) -> String {
        switch status.code {
        case 404: "error.notfound"
        case 401: "error.signin"
        case 403: "error.forbidden"
        case 405: "error.method"
        case 413: "error.toolarge"
        case 400..<500: "error.badrequest"
        default: "error.internal"
        }
    }

    static func problem(_ req: Request, status: HTTPResponseStatus, detail: String) throws -> Response {
        let problem = Problem(type: "https://kansrijk.nl/problemen/\(status.code)", title: status.reasonPhrase,
                              status: Int(status.code), detail: detail, instance: req.url.path)
        // encoded by hand: Vapor has no content encoder registered for application/problem+json
        let response = Response(status: status, body: .init(data: try JSONEncoder().encode(problem)))
        response.headers.contentType = Problem.defaultContentType
        return response
    }

    static func page(_ req: Request, status: HTTPResponseStatus, detail: String) async -> Response {
        let heading: String
        switch status.code {
        case 404: heading = req.t("error.heading.404")
        case 401: heading = req.t("error.heading.401")
        case 403: heading = req.t("error.heading.403")
        case 400..<500: heading = req.t("error.heading.400")
        case 503: heading = req.t("error.heading.503")
        default: heading = req.t("error.heading.500")
        }
        do {
            let meta = try await req.pageMeta(title: heading)
            let view = try await req.view.render("platform/error", ErrorPage(page: meta, status: Int(status.code), heading: heading, message: detail))
            let response = try await view.encodeResponse(status: status, for: req)
            return response
        } catch {
            req.logger.report(error: error)
            let response = Response(status: status, body: .init(string: "\(heading)\n\(detail)"))
            response.headers.contentType = .plainText
            return response
        }
    }
}
