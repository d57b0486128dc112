import Foundation

/// Finds our municipality (CBS code) behind HSDS text: a code (`GM0355`), a TOOI URI, or a
/// name (`Zeist`, `Gemeente Zeist`, any case or accents). "Nederland" means nationwide.
struct HSDSAreaResolver: Sendable {
    static let nationwideName = "Nederland"
    private static let nationwideNames: Set<String> = ["nederland", "heel nederland", "landelijk", "the netherlands", "netherlands", "nl"]

    enum Match: Equatable, Sendable {
        case municipality(String)
        case nationwide
        case unknown
    }

    private let known: Set<String>
    private let codeByName: [String: String]

    /// `municipalities`: CBS code -> name.
    init(municipalities: [String: String]) {
        known = Set(municipalities.keys)
        codeByName = Dictionary(municipalities.map { (Self.key($0.value), $0.key) }, uniquingKeysWith: { a, _ in a })
    }

    /// The municipality a code, URI or name stands for.
    func code(for raw: String?) -> String? {
        guard let text = HSDSText.nonEmpty(raw) else { return nil }
        if let code = Self.cbsCode(in: text), known.contains(code) { return code }
        return codeByName[Self.key(text)]
    }

    /// Tries the URI, then the extent, then the name, as the export writes them.
    func match(_ area: HSDSServiceArea) -> Match {
        for text in [area.uri, area.extent, area.name] {
            if let code = code(for: text) { return .municipality(code) }
        }
        if let name = HSDSText.nonEmpty(area.name), Self.nationwideNames.contains(Self.key(name)) { return .nationwide }
        return .unknown
    }

    /// `GM0355` from "GM0355", "gm0355" or ".../tooi/id/gemeente/gm0355".
    private static func cbsCode(in text: String) -> String? {
        let last = text.split(separator: "/").last.map(String.init) ?? text
        let upper = last.uppercased()
        guard upper.count == 6, upper.hasPrefix("GM"), upper.dropFirst(2).allSatisfy(\.isNumber) else { return nil }
        return upper
    }

    private static func key(_ name: String) -> String {
        let folded = DutchText.words(name).joined(separator: " ")
        return folded.hasPrefix("gemeente ") ? String(folded.dropFirst("gemeente ".count)) : folded
    }
}
