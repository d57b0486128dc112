import Vapor

/// `Access-Control-Allow-Origin: *` on every answer of the open HSDS API and of the OpenAPI
/// document, errors included: the Open Referral UK compliance rules ask for it, so that web apps
/// of others can read the open data from the browser. A wildcard origin never carries cookies or
/// other credentials, and these routes read no session. A plain `Middleware`, so `/services`
/// still answers from the event loop without a task.
struct HSDSOpenAccess: Middleware {
    func respond(to request: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        next.respond(to: request)
            .flatMapError { KansrijkErrorMiddleware.response(to: $0, request) }
            .map { response in
                response.headers.replaceOrAdd(name: "Access-Control-Allow-Origin", value: "*")
                return response
            }
    }
}
