import Foundation

/// The questions of one instrument version as radio groups, for the professional's form and the
/// parent's page alike; `forParent` shows the plain-language wording.
struct QuestionnaireView: Encodable {
    struct Option: Encodable { var id: String; var value: String; var label: String; var checked: Bool; var factor: String }
    struct Question: Encodable {
        var field: String; var text: String; var hint: String?; var options: [Option]; var error: String?
    }
    struct Domain: Encodable { var title: String; var questions: [Question] }

    var domains: [Domain]
    var showFactors: Bool

    init(_ definition: InstrumentDefinition, answers: [String: String], errors: FieldErrors, forParent: Bool, english: Bool) {
        showFactors = !forParent
        domains = definition.domains.map { domain in
            Domain(title: domain.title, questions: domain.questions.map { q in
                let field = "q-\(q.code)"
                return Question(
                    field: field, text: forParent ? q.parentText : q.text, hint: forParent ? nil : q.parentText,
                    options: q.options.enumerated().map { i, o in
                        Option(id: i == 0 ? "f-\(field)" : "f-\(field)-\(o.code)", value: o.code, label: o.label,
                               checked: answers[q.code] == o.code, factor: o.factor == .neutral ? "" : Self.factorLabel(o, english))
                    },
                    error: errors[field])
            })
        }
    }

    static func factorLabel(_ o: InstrumentDefinition.Option, _ english: Bool) -> String {
        switch o.factor {
        case .risk: return (english ? "risk" : "risico") + " \(o.weight)" + (o.urgent ? (english ? ", urgent" : ", urgent") : "")
        case .protective: return (english ? "protective" : "beschermend") + " \(o.weight)"
        case .neutral: return ""
        }
    }

    /// Error links in question order, for the error summary.
    static func errorLinks(_ definition: InstrumentDefinition, _ errors: FieldErrors, extra: [String]) -> [ErrorLink] {
        ErrorLink.list(errors, order: definition.questions.map { "q-\($0.code)" } + extra)
    }
}

/// The outcome of a scored screening, for the screening page and the route proposal.
struct ScreeningResultView: Encodable {
    struct Domain: Encodable {
        var title: String; var risk: Int; var protective: Int; var balance: Int; var needsHelp: Bool
        var riskAnswers: [String]; var protectiveAnswers: [String]
    }
    var level: String
    var levelCode: String
    var computed: String
    var adjusted: Bool
    var reason: String?
    var risk: Int
    var protective: Int
    var balance: Int
    var urgent: Bool
    var unanswered: Int
    var domains: [Domain]

    init(_ score: ScreeningScore, screening: Screening, t: (String) -> String) {
        let level = screening.level ?? score.level
        self.level = t(level.key)
        levelCode = level.rawValue
        computed = t(score.level.key)
        adjusted = screening.adjustedLevel != nil
        reason = screening.adjustmentReason
        risk = score.risk; protective = score.protective; balance = score.balance
        urgent = score.urgent; unanswered = score.unanswered
        let needs = Set(score.needs.map(\.code))
        domains = score.domains.map {
            Domain(title: $0.title, risk: $0.risk, protective: $0.protective, balance: $0.balance, needsHelp: needs.contains($0.code),
                   riskAnswers: $0.riskAnswers, protectiveAnswers: $0.protectiveAnswers)
        }
    }
}
