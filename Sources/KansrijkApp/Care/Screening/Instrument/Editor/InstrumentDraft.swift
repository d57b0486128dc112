import Foundation

/// An instrument version being edited in the form (no JavaScript): every value as typed, so a form
/// with mistakes comes back exactly as it was sent. Field names are flat (`d.0.q.1.o.2.weight`),
/// which the form posts and `init(form:)` reads back.
struct InstrumentDraft: Sendable, Equatable {
    struct Domain: Sendable, Equatable {
        var code = "", title = ""
        var themes: [String] = []
        var questions: [Question] = []
    }
    struct Question: Sendable, Equatable {
        var code = "", text = "", parentText = ""
        var options: [Option] = []
    }
    struct Option: Sendable, Equatable {
        var code = "", label = "", factor = InstrumentDefinition.Factor.neutral.rawValue, weight = "0"
        var urgent = false
        /// Finer themes than the domain's; kept as they were (edited in the JSON import), comma-separated.
        var themes = ""
    }

    var title: String
    var basedOn: Int
    var domains: [Domain]
    var potentieel: String, kwetsbaar: String, zeerKwetsbaar: String

    init(title: String, basedOn: Int, definition: InstrumentDefinition) {
        self.title = title
        self.basedOn = basedOn
        domains = definition.domains.map { d in
            Domain(code: d.code, title: d.title, themes: d.themes, questions: d.questions.map { q in
                Question(code: q.code, text: q.text, parentText: q.parentText, options: q.options.map { o in
                    Option(code: o.code, label: o.label, factor: o.factor.rawValue, weight: String(o.weight), urgent: o.urgent,
                           themes: (o.themes ?? []).joined(separator: ","))
                })
            })
        }
        potentieel = String(definition.thresholds.potentieel)
        kwetsbaar = String(definition.thresholds.kwetsbaar)
        zeerKwetsbaar = String(definition.thresholds.zeerKwetsbaar)
    }

    /// Reads the posted form. Items are ordered by their number in the name; gaps are closed.
    init(form: [String: String]) {
        func value(_ key: String) -> String { form[key] ?? "" }
        title = value("title")
        basedOn = Int(value("based_on")) ?? 0
        potentieel = value("t.potentieel")
        kwetsbaar = value("t.kwetsbaar")
        zeerKwetsbaar = value("t.zeer-kwetsbaar")
        domains = Self.indices(in: form.keys, prefix: "d.", field: "title").map { d in
            let p = "d.\(d)."
            let themes = Term.themes.map(\.code).filter { form["\(p)theme.\($0)"] != nil }
            let questions = Self.indices(in: form.keys, prefix: "\(p)q.", field: "text").map { q in
                let qp = "\(p)q.\(q)."
                let options = Self.indices(in: form.keys, prefix: "\(qp)o.", field: "label").map { o in
                    let op = "\(qp)o.\(o)."
                    return Option(code: value(op + "code"), label: value(op + "label"), factor: value(op + "factor"),
                                  weight: value(op + "weight"), urgent: form[op + "urgent"] != nil, themes: value(op + "themes"))
                }
                return Question(code: value(qp + "code"), text: value(qp + "text"), parentText: value(qp + "parent"), options: options)
            }
            return Domain(code: value(p + "code"), title: value(p + "title"), themes: themes, questions: questions)
        }
    }

    /// The item numbers under `prefix` that carry `field` (`d.3.title` -> 3), in order.
    private static func indices(in keys: Dictionary<String, String>.Keys, prefix: String, field: String) -> [Int] {
        keys.compactMap { key -> Int? in
            guard key.hasPrefix(prefix), key.hasSuffix("." + field) else { return nil }
            let middle = key.dropFirst(prefix.count).dropLast(field.count + 1)
            return Int(middle)
        }.sorted()
    }
}
