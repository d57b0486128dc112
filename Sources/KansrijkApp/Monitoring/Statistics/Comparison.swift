import Foundation

/// "Significantly higher / lower than the Netherlands": only when the two 95% intervals do not
/// overlap. Conservative on purpose: a policy page should not call noise a difference.
enum Comparison: String, Sendable, Codable {
    case higher = "hoger"
    case lower = "lager"
    case notDifferent = "niet-verschillend"

    static func compare(_ local: WilsonInterval, with reference: WilsonInterval) -> Comparison {
        if local.low > reference.high { return .higher }
        if local.high < reference.low { return .lower }
        return .notDifferent
    }

    var label: String {
        switch self {
        case .higher: "significant hoger dan Nederland"
        case .lower: "significant lager dan Nederland"
        case .notDifferent: "niet significant verschillend van Nederland"
        }
    }
}
