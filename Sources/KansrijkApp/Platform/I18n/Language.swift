import Leaf
import Vapor

/// Dutch first, English second. `?lang=en` switches and is remembered in a cookie.
enum UILanguage: String, Sendable, Codable {
    case nl, en
}

/// Chooses the request's language: `?lang=`, else the `lang` cookie, else Dutch. A plain
/// `Middleware` that reads `lang` straight from the query string (see `LanguageQuery`), so it
/// neither hops to Swift's task pool nor parses the whole query a second time.
struct LanguageMiddleware: Middleware {
    private struct Key: StorageKey { typealias Value = UILanguage }

    func respond(to req: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        let chosen = req.url.query.flatMap(LanguageQuery.lang).flatMap(UILanguage.init(rawValue:))
        let language = chosen ?? req.cookies["lang"].flatMap { UILanguage(rawValue: $0.string) } ?? .nl
        req.storage[Key.self] = language
        guard let chosen else { return next.respond(to: req) }
        return next.respond(to: req).map { response in
            response.cookies["lang"] = HTTPCookies.Value(string: chosen.rawValue, maxAge: 60 * 60 * 24 * 365,
                                                          path: "/", isHTTPOnly: true, sameSite: .lax)
            return response
        }
    }

    static func language(of req: Request) -> UILanguage { req.storage[Key.self] ?? .nl }
}

extension Request {
    var language: UILanguage { LanguageMiddleware.language(of: self) }
    var isEnglish: Bool { language == .en }

    /// The UI text for a key in the request's language (a parents' text in the form of address
    /// the page chose: `parentAddress`).
    func t(_ key: String) -> String { ParentAddress.text(key, language, parentAddress) }
}

/// `#t("key")` in templates.
struct TranslateTag: LeafTag {
    func render(_ ctx: LeafContext) throws -> LeafData {
        guard let key = ctx.parameters.first?.string else { throw Abort(.internalServerError, reason: "#t needs a key") }
        let language = ctx.request.map { LanguageMiddleware.language(of: $0) } ?? .nl
        return .string(ParentAddress.text(key, language, ctx.request?.parentAddress))
    }
}
