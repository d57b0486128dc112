import Vapor

/// Sets the headers every response should carry, error pages and static files included (it is
/// the outermost middleware). A plain `Middleware`: it stays on the event loop, where an
/// `AsyncMiddleware` would hop to Swift's task pool and back on every request.
/// With `hsts` (set outside the demo, with Secure cookies) browsers are told to use HTTPS only.
/// Responses that may hold client data (the care room, the parents' questionnaire) are never stored
/// by a browser or proxy (`Cache-Control: no-store`, issue #13).
struct SecurityHeadersMiddleware: Middleware {
    var hsts = false
    static let contentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'"

    func respond(to req: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        let path = req.url.path
        let hsts = self.hsts
        return next.respond(to: req).map { response in
            Self.addHeaders(to: response)
            if Self.holdsClientData(path: path) { response.headers.replaceOrAdd(name: .cacheControl, value: "no-store") }
            if hsts { response.headers.replaceOrAdd(name: .strictTransportSecurity, value: "max-age=31536000; includeSubDomains") }
            return response
        }
    }

    /// Paths whose responses may carry client data: `/zorg...` (pages, MDO agendas and minutes,
    /// exports), `/api/zorg...` and the parents' questionnaire `/vragenlijst/...`.
    static func holdsClientData(path: String) -> Bool {
        for prefix in ["/zorg", "/api/zorg", "/vragenlijst"] where path.hasPrefix(prefix) {
            let rest = path.utf8.dropFirst(prefix.utf8.count)
            if rest.isEmpty || rest.first == UInt8(ascii: "/") { return true }
        }
        return false
    }

    static func addHeaders(to response: Response) {
        response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        response.headers.replaceOrAdd(name: "X-Frame-Options", value: "DENY")
        // a page may ask for less (a mailed link's page: `no-referrer`, so its token leaks nowhere)
        if !response.headers.contains(name: "Referrer-Policy") { response.headers.add(name: "Referrer-Policy", value: "same-origin") }
        // a redirect never carries a control character into the headers (issue #13, item 3): the
        // log-in page rebuilds its return path, and this catches any other route that would not
        if let location = response.headers.first(name: .location), location.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F }) {
            response.headers.replaceOrAdd(name: .location, value: "/")
        }
        if isHTML(response.headers.first(name: .contentType)) {
            response.headers.replaceOrAdd(name: "Content-Security-Policy", value: contentSecurityPolicy)
        }
    }

    /// `text/html` with or without parameters, compared as text: parsing the header into an
    /// `HTTPMediaType` on every response cost ~5 % of a search page.
    static func isHTML(_ contentType: String?) -> Bool {
        guard let value = contentType?.utf8 else { return false }
        let html = "text/html".utf8
        guard value.count >= html.count, value.prefix(html.count).elementsEqual(html, by: { ($0 | 0x20) == $1 }) else { return false }
        let rest = value.dropFirst(html.count)
        return rest.isEmpty || rest.first == UInt8(ascii: ";") || rest.first == UInt8(ascii: " ")
    }
}
