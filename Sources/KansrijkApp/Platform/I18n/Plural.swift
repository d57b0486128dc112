import Leaf
import Vapor

/// A count with its noun in the right number: "1 doel", "3 doelen" (issue 15: no "1 doelen").
/// The Strings tables hold the plural under `key` and the singular under `key.one`; a key
/// without a `.one` falls back to the plural, so a missing singular shows, never breaks a page.
enum Plural {
    static func text(_ count: Int, _ key: String, _ language: UILanguage) -> String {
        "\(count) " + noun(count, key, language)
    }

    /// The same through a page's own text lookup (`t`), for code that has that rather than a language.
    static func text(_ count: Int, _ key: String, t: (String) -> String) -> String {
        "\(count) " + t(count == 1 && Strings.table[key + ".one"] != nil ? key + ".one" : key)
    }

    /// The noun alone, for sentences that put the number elsewhere.
    static func noun(_ count: Int, _ key: String, _ language: UILanguage) -> String {
        if count == 1, Strings.table[key + ".one"] != nil { return Strings.text(key + ".one", language) }
        return Strings.text(key, language)
    }
}

extension Request {
    /// `req.plural(3, "ambition.goals.count")` -> "3 doelen".
    func plural(_ count: Int, _ key: String) -> String { Plural.text(count, key, language) }
}

/// `#plural(count, "key")` in templates.
struct PluralTag: LeafTag {
    func render(_ ctx: LeafContext) throws -> LeafData {
        guard ctx.parameters.count == 2, let count = ctx.parameters[0].int, let key = ctx.parameters[1].string else {
            throw Abort(.internalServerError, reason: "#plural needs a count and a key")
        }
        let language = ctx.request.map { LanguageMiddleware.language(of: $0) } ?? .nl
        return .string(Plural.text(count, key, language))
    }
}
