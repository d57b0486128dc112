import Foundation

/// The content of one version of the signalling instrument, as data: domains, questions, answer
/// options tagged as risk or protective factor with a weight, thresholds and urgent rules. Weights of
/// the instruments in use (R4U, Mind2Care, ALPHA-NL) are not public, so this is configurable and never
/// presented as a validated clinical score (issue #4).
struct InstrumentDefinition: Codable, Sendable, Equatable {
    var domains: [Domain]
    var thresholds: Thresholds

    struct Domain: Codable, Sendable, Equatable {
        /// Stable code within the version (`gezinssituatie`).
        var code: String
        var title: String
        /// Directory theme codes (`Term.themes`) a risk in this domain asks help for.
        var themes: [String]
        var questions: [Question]
    }

    struct Question: Codable, Sendable, Equatable {
        var code: String
        /// How the professional asks it.
        var text: String
        /// The same question in plain (B1) Dutch, as the parent reads it on her own.
        var parentText: String
        var options: [Option]
    }

    struct Option: Codable, Sendable, Equatable {
        var code: String
        var label: String
        var factor: Factor
        /// How much the answer counts, 0-10 (0 for a neutral answer).
        var weight: Int
        /// An urgent answer (violence, unsafety) makes the level `zeer kwetsbaar` whatever the balance,
        /// and shows the safeguarding notice.
        var urgent: Bool
        /// Themes this answer asks help for, when more precise than the domain's.
        var themes: [String]?

        init(code: String, label: String, factor: Factor, weight: Int, urgent: Bool = false, themes: [String]? = nil) {
            self.code = code
            self.label = label
            self.factor = factor
            self.weight = weight
            self.urgent = urgent
            self.themes = themes
        }
    }

    enum Factor: String, Codable, Sendable, CaseIterable {
        case risk, protective, neutral
    }

    /// The balance (risk weights minus protective weights) from which each level starts.
    struct Thresholds: Codable, Sendable, Equatable {
        var potentieel: Int
        var kwetsbaar: Int
        var zeerKwetsbaar: Int
    }

    var questions: [Question] { domains.flatMap(\.questions) }
}

/// The labels used in practice (Erasmus MC definition: an imbalance between risk and protective factors).
enum VulnerabilityLevel: String, Codable, Sendable, CaseIterable, Comparable {
    case niet, potentieel, kwetsbaar, zeerKwetsbaar = "zeer-kwetsbaar"

    var rank: Int { Self.allCases.firstIndex(of: self)! }
    static func < (a: Self, b: Self) -> Bool { a.rank < b.rank }

    /// Strings table key of its label.
    var key: String { "screening.level.\(rawValue)" }
}

extension InstrumentDefinition {
    static func decode(_ json: String) throws -> InstrumentDefinition {
        try JSONDecoder().decode(InstrumentDefinition.self, from: Data(json.utf8))
    }

    func encoded(pretty: Bool = false) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys]
        return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self)
    }
}
