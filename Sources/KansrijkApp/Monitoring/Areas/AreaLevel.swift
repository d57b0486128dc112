import Foundation

/// The levels of the area hierarchy: municipality -> GGD region -> province -> the Netherlands.
enum AreaLevel: String, Sendable, Codable, CaseIterable {
    case municipality = "gemeente"
    case ggdRegion = "ggd-regio"
    case province = "provincie"
    case country = "land"

    static let netherlands = "NL01"

    /// From the CBS code's prefix; nil when it has none of the known shapes.
    init?(code: String) {
        let digits = code.dropFirst(2)
        guard digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        switch (code.prefix(2), digits.count) {
        case ("GM", 4): self = .municipality
        case ("GG", 4): self = .ggdRegion
        case ("PV", 2): self = .province
        case ("NL", 2) where code == Self.netherlands: self = .country
        default: return nil
        }
    }
}
