import Vapor

/// The instrument editor (`care/instrument-form.leaf`): every input with its name, id, value and
/// message computed here, so the template only lays them out.
struct InstrumentFormPage: Encodable {
    struct Field: Encodable { var name: String; var id: String; var value: String; var error: String? }
    struct Check: Encodable { var name: String; var id: String; var label: String; var checked: Bool; var error: String? }
    struct Choice: Encodable { var value: String; var label: String; var selected: Bool }
    /// A button posting `op`; `context` is read out after the visible word (which item it acts on).
    struct Action: Encodable { var op: String; var context: String }
    struct Moves: Encodable { var up: Action?; var down: Action?; var remove: Action }
    struct OptionView: Encodable {
        var number: Int; var code: Field; var label: Field; var factor: Field; var factors: [Choice]; var weight: Field
        var urgent: Check; var themes: Field; var moves: Moves
    }
    struct QuestionView: Encodable {
        var number: Int; var code: Field; var text: Field; var parent: Field; var options: [OptionView]
        var addOption: Action; var addOptionID: String; var addOptionError: String?; var moves: Moves
    }
    struct DomainView: Encodable {
        var number: Int; var code: Field; var title: Field; var themes: [Check]; var questions: [QuestionView]
        var addQuestion: Action; var addQuestionID: String; var addQuestionError: String?; var moves: Moves
    }

    var page: PageMeta
    var basedOn: Int
    var title: Field
    var thresholds: [Field]
    var domains: [DomainView]
    var addDomainError: String?
    var errorList: [ErrorLink]
    /// The id of the input to focus after an add, move or remove button.
    var focus: String?
    var status: String?
    var jsonHref: String

    static func id(_ name: String) -> String { "f-" + name.replacingOccurrences(of: ".", with: "-") }

    init(page: PageMeta, draft: InstrumentDraft, errors: FieldErrors, focus: String?, status: String?, t: (String) -> String, english: Bool) {
        var order: [String] = []
        func field(_ name: String, _ value: String) -> Field {
            order.append(name)
            return Field(name: name, id: Self.id(name), value: value, error: errors[name])
        }
        func marker(_ name: String) -> String? { order.append(name); return errors[name] }
        func moves(_ kind: String, _ place: [Int], count: Int, context: String) -> Moves {
            let at = place.map { ":\($0)" }.joined(), last = place.last ?? 0
            return Moves(up: last > 0 ? Action(op: "up-\(kind)\(at)", context: context) : nil,
                         down: last < count - 1 ? Action(op: "down-\(kind)\(at)", context: context) : nil,
                         remove: Action(op: "remove-\(kind)\(at)", context: context))
        }
        self.page = page
        basedOn = draft.basedOn
        title = field("title", draft.title)
        domains = draft.domains.enumerated().map { d, domain in
            let dp = "d.\(d).", dName = "\(t("instrument.form.domain").lowercased()) \(d + 1)"
            let code = field(dp + "code", domain.code), title = field(dp + "title", domain.title)
            let themes = Term.themes.map { term in
                Check(name: "\(dp)theme.\(term.code)", id: Self.id("\(dp)theme.\(term.code)"), label: term.label(english: english),
                      checked: domain.themes.contains(term.code), error: nil)
            }
            let questions = domain.questions.enumerated().map { q, question in
                let qp = "\(dp)q.\(q).", qName = "\(t("instrument.question").lowercased()) \(q + 1) \(t("instrument.form.of")) \(dName)"
                let code = field(qp + "code", question.code), text = field(qp + "text", question.text), parent = field(qp + "parent", question.parentText)
                let options = question.options.enumerated().map { o, option in
                    let op = "\(qp)o.\(o).", oName = "\(t("instrument.form.answer").lowercased()) \(o + 1) \(t("instrument.form.of")) \(qName)"
                    return OptionView(
                        number: o + 1, code: field(op + "code", option.code), label: field(op + "label", option.label),
                        factor: field(op + "factor", option.factor),
                        factors: InstrumentDefinition.Factor.allCases.map {
                            Choice(value: $0.rawValue, label: t("instrument.factor.\($0.rawValue)"), selected: $0.rawValue == option.factor)
                        },
                        weight: field(op + "weight", option.weight),
                        urgent: Check(name: op + "urgent", id: Self.id(op + "urgent"), label: t("instrument.form.urgent"), checked: option.urgent,
                                      error: marker(op + "urgent")),
                        themes: Field(name: op + "themes", id: Self.id(op + "themes"), value: option.themes, error: nil),
                        moves: moves("option", [d, q, o], count: question.options.count, context: oName))
                }
                return QuestionView(number: q + 1, code: code, text: text, parent: parent, options: options,
                                    addOption: Action(op: "add-option:\(d):\(q)", context: qName), addOptionID: Self.id("add-option-\(d)-\(q)"),
                                    addOptionError: marker("add-option-\(d)-\(q)"),
                                    moves: moves("question", [d, q], count: domain.questions.count, context: qName))
            }
            return DomainView(number: d + 1, code: code, title: title, themes: themes, questions: questions,
                              addQuestion: Action(op: "add-question:\(d)", context: dName), addQuestionID: Self.id("add-question-\(d)"),
                              addQuestionError: marker("add-question-\(d)"),
                              moves: moves("domain", [d], count: draft.domains.count, context: dName))
        }
        addDomainError = marker("add-domain")
        thresholds = [field("t.potentieel", draft.potentieel), field("t.kwetsbaar", draft.kwetsbaar), field("t.zeer-kwetsbaar", draft.zeerKwetsbaar)]
        errorList = order.compactMap { name in errors[name].map { ErrorLink(field: String(Self.id(name).dropFirst(2)), message: $0) } }
        self.focus = focus.map(Self.id)
        self.status = status
        jsonHref = "/zorg/signaleren/instrument/import"
    }
}
