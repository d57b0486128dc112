import Foundation

/// Scores answers against one instrument version. Pure: the same answers and version always give
/// the same result, which is why a completed screening keeps the version it was scored with.
struct ScreeningScore: Sendable, Equatable {
    struct DomainResult: Sendable, Equatable {
        var code: String
        var title: String
        var risk: Int
        var protective: Int
        var balance: Int { risk - protective }
        /// Directory themes the risk answers in this domain ask help for, most weighty first.
        var themes: [ThemeWeight]
        /// Risk answers, as "question: answer", for the conversation.
        var riskAnswers: [String]
        var protectiveAnswers: [String]
        var urgent: Bool
    }

    struct ThemeWeight: Sendable, Equatable {
        var code: String
        var weight: Int
    }

    var domains: [DomainResult]
    /// Themes of urgent answers (safety first).
    var urgentThemes: [String]
    var risk: Int
    var protective: Int
    var balance: Int { risk - protective }
    var urgent: Bool
    var level: VulnerabilityLevel
    /// Questions left unanswered (a parent may skip a question).
    var unanswered: Int

    /// `answers` maps question code to option code; unknown codes count as unanswered.
    static func score(_ answers: [String: String], with definition: InstrumentDefinition) -> ScreeningScore {
        var domains: [DomainResult] = []
        var unanswered = 0
        var urgentThemes: [String] = []
        for domain in definition.domains {
            var result = DomainResult(code: domain.code, title: domain.title, risk: 0, protective: 0, themes: [],
                                      riskAnswers: [], protectiveAnswers: [], urgent: false)
            var themeWeight: [String: Int] = [:]
            for question in domain.questions {
                guard let code = answers[question.code], let option = question.options.first(where: { $0.code == code }) else {
                    unanswered += 1
                    continue
                }
                switch option.factor {
                case .risk:
                    result.risk += option.weight
                    result.riskAnswers.append("\(question.text): \(option.label)")
                    for theme in option.themes ?? domain.themes { themeWeight[theme, default: 0] += max(option.weight, 1) }
                case .protective:
                    result.protective += option.weight
                    result.protectiveAnswers.append("\(question.text): \(option.label)")
                case .neutral:
                    break
                }
                if option.urgent {
                    result.urgent = true
                    for theme in option.themes ?? domain.themes where !urgentThemes.contains(theme) { urgentThemes.append(theme) }
                }
            }
            result.themes = themeWeight.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
                .map { ThemeWeight(code: $0.key, weight: $0.value) }
            domains.append(result)
        }
        let risk = domains.map(\.risk).reduce(0, +), protective = domains.map(\.protective).reduce(0, +)
        let urgent = domains.contains(where: \.urgent)
        return ScreeningScore(domains: domains, urgentThemes: urgentThemes, risk: risk, protective: protective, urgent: urgent,
                              level: level(balance: risk - protective, urgent: urgent, thresholds: definition.thresholds),
                              unanswered: unanswered)
    }

    /// An urgent answer always means `zeer kwetsbaar`; otherwise the highest threshold the balance reaches.
    static func level(balance: Int, urgent: Bool, thresholds t: InstrumentDefinition.Thresholds) -> VulnerabilityLevel {
        if urgent || balance >= t.zeerKwetsbaar { return .zeerKwetsbaar }
        if balance >= t.kwetsbaar { return .kwetsbaar }
        if balance >= t.potentieel { return .potentieel }
        return .niet
    }

    /// Domains with more risk than protection, most out of balance first: the needs to act on.
    var needs: [DomainResult] {
        domains.filter { $0.risk > 0 && ($0.balance > 0 || $0.urgent) }
            .sorted { a, b in
                if a.urgent != b.urgent { return a.urgent }
                if a.balance != b.balance { return a.balance > b.balance }
                return a.risk > b.risk
            }
    }
}
