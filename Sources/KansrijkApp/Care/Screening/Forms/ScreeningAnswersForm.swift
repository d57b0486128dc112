import Foundation
import Vapor

/// The posted answers of a screening (`q-<question code>` = option code), with the professional's
/// judgement when she completes it: an adjusted level and the reason.
struct ScreeningAnswersForm: Sendable {
    var answers: [String: String]
    var adjustedLevel: String?
    var reason: String?
    var parentNote: String?
    var submissionKey: String?

    /// Reads the flat form; fields other than `q-...` are taken by name.
    init(_ req: Request) throws {
        let fields = (try? req.content.decode([String: String].self)) ?? [:]
        self.init(fields: fields)
    }

    init(fields: [String: String]) {
        var answers: [String: String] = [:]
        for (key, value) in fields where key.hasPrefix("q-") {
            let trimmed = value.trimmingCharacters(in: .whitespaces)
            if !trimmed.isEmpty { answers[String(key.dropFirst(2))] = trimmed }
        }
        self.answers = answers
        adjustedLevel = FormInput.text(fields["adjusted_level"])
        reason = FormInput.text(fields["reason"])
        parentNote = FormInput.text(fields["parent_note"])
        submissionKey = FormInput.text(fields["submission_key"])
    }

    struct Valid: Sendable { var answers: [String: String]; var adjustedLevel: VulnerabilityLevel?; var reason: String? }

    /// Answers must name options of the instrument; `complete` asks an answer to every question and,
    /// when the professional chooses another level than the instrument's, a reason.
    func validate(_ definition: InstrumentDefinition, complete: Bool, english: Bool) -> Result<Valid, FieldErrors> {
        let m = ScreeningMessages(english: english)
        var errors = FieldErrors()
        var valid: [String: String] = [:]
        for question in definition.questions {
            if let answer = answers[question.code] {
                if question.options.contains(where: { $0.code == answer }) { valid[question.code] = answer }
                else { errors["q-\(question.code)"] = m.choice }
            } else if complete {
                errors["q-\(question.code)"] = m.answer
            }
        }
        var adjusted: VulnerabilityLevel?
        if let raw = adjustedLevel {
            adjusted = VulnerabilityLevel(rawValue: raw)
            if adjusted == nil { errors["adjusted_level"] = m.choice }
        }
        if let reason, reason.count > 2000 { errors["reason"] = m.tooLong(2000) }
        if let note = parentNote, note.count > 2000 { errors["parent_note"] = m.tooLong(2000) }
        if complete, errors.isEmpty, let adjusted {
            let computed = ScreeningScore.score(valid, with: definition).level
            if adjusted != computed && reason == nil { errors["reason"] = m.reason }
        }
        guard errors.isEmpty else { return .failure(errors) }
        return .success(Valid(answers: valid, adjustedLevel: adjusted, reason: reason))
    }
}

/// Validation messages of screening, Dutch first (B1: parents read some of them), English second.
struct ScreeningMessages {
    var english: Bool
    private var base: FieldMessages { FieldMessages(english: english) }

    var choice: String { base.choice }
    func tooLong(_ n: Int) -> String { base.tooLong(n) }
    var answer: String { english ? "Choose an answer to this question." : "Kies een antwoord op deze vraag." }
    var reason: String {
        english ? "You chose another level than the instrument gave. Write down why, as agreed with the parent."
            : "U kiest een ander niveau dan de uitkomst. Schrijf op waarom, zoals besproken met de ouder."
    }
}
