import Leaf
import Vapor

/// Dutch first, English second. `?lang=en` switches and is remembered in a cookie.
enum UILanguage: String, Sendable, Codable {
    case nl, en
}

struct LanguageMiddleware: AsyncMiddleware {
    private struct Key: StorageKey { typealias Value = UILanguage }

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        var chosen: UILanguage?
        if let raw = req.query[String.self, at: "lang"], let lang = UILanguage(rawValue: raw) { chosen = lang }
        let language = chosen ?? req.cookies["lang"].flatMap { UILanguage(rawValue: $0.string) } ?? .nl
        req.storage[Key.self] = language
        let response = try await next.respond(to: req)
        if let chosen {
            response.cookies["lang"] = HTTPCookies.Value(string: chosen.rawValue, maxAge: 60 * 60 * 24 * 365,
                                                          path: "/", isHTTPOnly: true, sameSite: .lax)
        }
        return response
    }

    static func language(of req: Request) -> UILanguage { req.storage[Key.self] ?? .nl }
}

extension Request {
    var language: UILanguage { LanguageMiddleware.language(of: self) }
    var isEnglish: Bool { language == .en }

    /// The UI text for a key in the request's language.
    func t(_ key: String) -> String { Strings.text(key, language) }
}

/// `#t("key")` in templates.
struct TranslateTag: LeafTag {
    func render(_ ctx: LeafContext) throws -> LeafData {
        guard let key = ctx.parameters.first?.string else { throw Abort(.internalServerError, reason: "#t needs a key") }
        let language = ctx.request.map { LanguageMiddleware.language(of: $0) } ?? .nl
        return .string(Strings.text(key, language))
    }
}
