import Fluent
import Foundation

/// What changed in the scoring between two versions of the signalling instrument: thresholds, and
/// per answer its weight, factor and urgency; questions and answers added or removed (issue #13,
/// item 6: a published version is a controlled document, and its reviewer must see what changed).
/// Wording changes are not listed: they do not change a score.
enum InstrumentDiff {
    static func lines(from old: InstrumentDefinition, to new: InstrumentDefinition, english: Bool) -> [String] {
        func say(_ nl: String, _ en: String) -> String { english ? en : nl }
        var lines: [String] = []
        let pairs: [(String, String, Int, Int)] = [
            ("potentieel kwetsbaar", "potentially vulnerable", old.thresholds.potentieel, new.thresholds.potentieel),
            ("kwetsbaar", "vulnerable", old.thresholds.kwetsbaar, new.thresholds.kwetsbaar),
            ("zeer kwetsbaar", "very vulnerable", old.thresholds.zeerKwetsbaar, new.thresholds.zeerKwetsbaar),
        ]
        for (nl, en, before, after) in pairs where before != after {
            lines.append(say("Grens ‘\(nl)’: \(before) wordt \(after)", "Threshold ‘\(en)’: \(before) becomes \(after)"))
        }
        let oldQuestions = Dictionary(old.questions.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        let newQuestions = Dictionary(new.questions.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        for question in old.questions where newQuestions[question.code] == nil {
            lines.append(say("Vraag ‘\(question.text)’ is weggehaald", "Question ‘\(question.text)’ was removed"))
        }
        for question in new.questions {
            guard let before = oldQuestions[question.code] else {
                lines.append(say("Nieuwe vraag ‘\(question.text)’", "New question ‘\(question.text)’"))
                continue
            }
            let oldOptions = Dictionary(before.options.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
            let newCodes = Set(question.options.map(\.code))
            for option in before.options where !newCodes.contains(option.code) {
                lines.append(say("‘\(question.text)’: antwoord ‘\(option.label)’ is weggehaald", "‘\(question.text)’: answer ‘\(option.label)’ was removed"))
            }
            for option in question.options {
                let subject = "‘\(question.text)’ / ‘\(option.label)’"
                guard let was = oldOptions[option.code] else {
                    lines.append(say("\(subject): nieuw antwoord, gewicht \(option.weight)", "\(subject): new answer, weight \(option.weight)"))
                    continue
                }
                if was.weight != option.weight {
                    lines.append(say("\(subject): gewicht \(was.weight) wordt \(option.weight)", "\(subject): weight \(was.weight) becomes \(option.weight)"))
                }
                if was.factor != option.factor {
                    lines.append(say("\(subject): factor \(was.factor.rawValue) wordt \(option.factor.rawValue)", "\(subject): factor \(was.factor.rawValue) becomes \(option.factor.rawValue)"))
                }
                if was.urgent != option.urgent {
                    lines.append(option.urgent ? say("\(subject): is nu direct urgent", "\(subject): is now urgent at once")
                                               : say("\(subject): is niet meer direct urgent", "\(subject): is no longer urgent at once"))
                }
            }
        }
        return lines
    }
}

extension ScreeningInstrument {
    /// Publishes a new version as the admin `user` (issue #13, item 6) in one audited transaction:
    /// the audit event names the version and counts the scoring changes. Screenings already done keep
    /// the version they were scored with; no stored version is ever changed.
    static func publish(_ definition: InstrumentDefinition, title: String, by user: User, on db: any Database, now: Date) async throws -> ScreeningInstrument {
        try await db.auditedTransaction { db in
            let previous = try await ScreeningInstrument.query(on: db).sort(\.$version, .descending).first()
            let instrument = try await publish(definition, title: title, by: try user.requireID(), on: db)
            let changes = try previous.map { InstrumentDiff.lines(from: try $0.definition, to: definition, english: true) } ?? []
            try await AuditLog.record(AuditDraft(action: .update, clientID: nil, user: user, basis: .administration,
                                                 what: "screening instrument version \(instrument.version) published (\(changes.count) scoring changes)"),
                                      on: db, now: now)
            return instrument
        }
    }
}
