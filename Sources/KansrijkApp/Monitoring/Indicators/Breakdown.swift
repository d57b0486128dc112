import Foundation

/// The splits the RIVM applies to every indicator where the data has them.
/// Each has an "onbekend" cell so that the cells of a breakdown add up to the total,
/// which complementary suppression relies on.
enum Breakdown: String, Sendable, CaseIterable, Codable {
    case kwetsbaar
    case inkomenKwintiel = "inkomen_kwintiel"
    case opleiding

    static let unknown = "onbekend"

    var values: [String] {
        switch self {
        case .kwetsbaar: ["0", "1", Self.unknown]
        case .inkomenKwintiel: ["1", "2", "3", "4", "5", Self.unknown]
        case .opleiding: ["laag", "midden", "hoog", Self.unknown]
        }
    }

    var label: String {
        switch self {
        case .kwetsbaar: "Voorspelde meervoudige kwetsbaarheid"
        case .inkomenKwintiel: "Inkomenskwintiel huishouden"
        case .opleiding: "Opleiding moeder"
        }
    }
}
