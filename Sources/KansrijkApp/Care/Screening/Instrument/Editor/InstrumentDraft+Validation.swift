import Foundation

extension InstrumentDraft {
    /// The draft as a definition, or a message per field (keyed by field name) that names the place
    /// in Dutch (or English), so the error summary reads well on its own.
    func validated(english: Bool) -> Result<(title: String, definition: InstrumentDefinition), FieldErrors> {
        func say(_ nl: String, _ en: String) -> String { english ? en : nl }
        func text(_ s: String) -> String { s.trimmingCharacters(in: .whitespacesAndNewlines) }
        var errors = FieldErrors()
        let codeRule = say("gebruik alleen kleine letters, cijfers en streepjes", "use only lower-case letters, digits and hyphens")

        let name = text(title)
        if name.isEmpty { errors["title"] = say("Vul een naam in voor de versie.", "Fill in a name for the version.") }
        else if name.count > 200 { errors["title"] = say("De naam is te lang (hoogstens 200 tekens).", "The name is too long (200 characters at most).") }
        if domains.isEmpty { errors["add-domain"] = say("Voeg minstens één domein toe.", "Add at least one domain.") }

        var domainCodes = Set<String>(), questionCodes = Set<String>()
        var built: [InstrumentDefinition.Domain] = []
        for (d, domain) in domains.enumerated() {
            let dp = "d.\(d).", place = say("Domein \(d + 1)", "Domain \(d + 1)")
            let code = text(domain.code)
            if !InstrumentDefinition.isCode(code) { errors[dp + "code"] = "\(place): \(say("code", "code")): \(codeRule)." }
            else if !domainCodes.insert(code).inserted { errors[dp + "code"] = say("\(place): de code ‘\(code)’ komt al voor.", "\(place): the code ‘\(code)’ is used already.") }
            if text(domain.title).isEmpty { errors[dp + "title"] = say("\(place): vul een titel in.", "\(place): fill in a title.") }
            if domain.questions.isEmpty { errors["add-question-\(d)"] = say("\(place): voeg minstens één vraag toe.", "\(place): add at least one question.") }
            var questions: [InstrumentDefinition.Question] = []
            for (q, question) in domain.questions.enumerated() {
                let qp = "\(dp)q.\(q).", qPlace = "\(place), " + say("vraag \(q + 1)", "question \(q + 1)")
                let qCode = text(question.code)
                if !InstrumentDefinition.isCode(qCode) { errors[qp + "code"] = "\(qPlace): code: \(codeRule)." }
                else if !questionCodes.insert(qCode).inserted { errors[qp + "code"] = say("\(qPlace): de code ‘\(qCode)’ komt al voor.", "\(qPlace): the code ‘\(qCode)’ is used already.") }
                if text(question.text).isEmpty { errors[qp + "text"] = say("\(qPlace): vul de vraag voor de professional in.", "\(qPlace): fill in the question for the professional.") }
                if text(question.parentText).isEmpty { errors[qp + "parent"] = say("\(qPlace): vul de vraag in eenvoudige taal voor de ouder in.", "\(qPlace): fill in the question in plain language for the parent.") }
                if question.options.count < 2 { errors["add-option-\(d)-\(q)"] = say("\(qPlace): geef minstens twee antwoorden.", "\(qPlace): give at least two answers.") }
                var optionCodes = Set<String>(), options: [InstrumentDefinition.Option] = []
                for (o, option) in question.options.enumerated() {
                    let op = "\(qp)o.\(o).", oPlace = "\(qPlace), " + say("antwoord \(o + 1)", "answer \(o + 1)")
                    let oCode = text(option.code)
                    if !InstrumentDefinition.isCode(oCode) { errors[op + "code"] = "\(oPlace): code: \(codeRule)." }
                    else if !optionCodes.insert(oCode).inserted { errors[op + "code"] = say("\(oPlace): de code ‘\(oCode)’ komt al voor bij deze vraag.", "\(oPlace): the code ‘\(oCode)’ is used already in this question.") }
                    if text(option.label).isEmpty { errors[op + "label"] = say("\(oPlace): vul de tekst van het antwoord in.", "\(oPlace): fill in the answer's text.") }
                    let factor = InstrumentDefinition.Factor(rawValue: option.factor)
                    if factor == nil { errors[op + "factor"] = say("\(oPlace): kies risico, beschermend of neutraal.", "\(oPlace): choose risk, protective or neutral.") }
                    let weight = Int(text(option.weight))
                    if weight.map({ !(0...10).contains($0) }) ?? true {
                        errors[op + "weight"] = say("\(oPlace): vul als gewicht een heel getal in van 0 tot 10.", "\(oPlace): give the weight as a whole number from 0 to 10.")
                    } else if factor == .neutral, weight != 0 {
                        errors[op + "weight"] = say("\(oPlace): een neutraal antwoord heeft gewicht 0.", "\(oPlace): a neutral answer has weight 0.")
                    }
                    if option.urgent, factor != .risk { errors[op + "urgent"] = say("\(oPlace): alleen een risicofactor kan urgent zijn.", "\(oPlace): only a risk factor can be urgent.") }
                    let themes = option.themes.split(separator: ",").map { text(String($0)) }.filter { !$0.isEmpty }
                    options.append(.init(code: oCode, label: text(option.label), factor: factor ?? .neutral, weight: weight ?? 0,
                                         urgent: option.urgent, themes: themes.isEmpty ? nil : themes))
                }
                questions.append(.init(code: qCode, text: text(question.text), parentText: text(question.parentText), options: options))
            }
            built.append(.init(code: code, title: text(domain.title), themes: domain.themes, questions: questions))
        }

        let levels = [("t.potentieel", potentieel), ("t.kwetsbaar", kwetsbaar), ("t.zeer-kwetsbaar", zeerKwetsbaar)].map { key, raw in
            (key, Int(text(raw)))
        }
        for (key, value) in levels where (value ?? 0) < 1 {
            errors[key] = say("Vul als drempel een heel getal in dat groter is dan 0.", "Give the threshold as a whole number above 0.")
        }
        if let a = levels[0].1, let b = levels[1].1, let c = levels[2].1, a > 0, !(a < b && b < c) {
            errors[b <= a ? "t.kwetsbaar" : "t.zeer-kwetsbaar"] = say("De drempels moeten oplopen: potentieel kwetsbaar, dan kwetsbaar, dan zeer kwetsbaar.",
                                                                      "The thresholds must rise: potentially vulnerable, then vulnerable, then very vulnerable.")
        }
        guard errors.isEmpty else { return .failure(errors) }
        let definition = InstrumentDefinition(domains: built, thresholds: .init(potentieel: levels[0].1!, kwetsbaar: levels[1].1!, zeerKwetsbaar: levels[2].1!))
        // the same rules as the JSON import, so both ways in stay equally strict
        let problems = definition.problems(english: english)
        guard problems.isEmpty else { return .failure(FieldErrors(dictionaryLiteral: ("title", problems[0]))) }
        return .success((name, definition))
    }
}
