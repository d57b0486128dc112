import Foundation

extension InstrumentDefinition {
    /// What is wrong with a version, as plain sentences that name the place (Dutch first). Empty when valid.
    func problems(english: Bool) -> [String] {
        func say(_ nl: String, _ en: String) -> String { english ? en : nl }
        var problems: [String] = []
        if domains.isEmpty { problems.append(say("Voeg minstens één domein toe.", "Add at least one domain.")) }
        var domainCodes = Set<String>(), questionCodes = Set<String>()
        let themes = Set(Term.themes.map(\.code))
        for (d, domain) in domains.enumerated() {
            let place = say("Domein \(d + 1)", "Domain \(d + 1)") + (domain.title.isEmpty ? "" : " (\(domain.title))")
            if !Self.isCode(domain.code) {
                problems.append(say("\(place): de code mag alleen kleine letters, cijfers en streepjes bevatten.",
                                    "\(place): the code may hold only lower-case letters, digits and hyphens."))
            } else if !domainCodes.insert(domain.code).inserted {
                problems.append(say("\(place): de code ‘\(domain.code)’ komt twee keer voor.", "\(place): the code ‘\(domain.code)’ is used twice."))
            }
            if domain.title.trimmingCharacters(in: .whitespaces).isEmpty {
                problems.append(say("\(place): vul een titel in.", "\(place): fill in a title."))
            }
            for theme in domain.themes where !themes.contains(theme) {
                problems.append(say("\(place): onbekend thema ‘\(theme)’.", "\(place): unknown theme ‘\(theme)’."))
            }
            if domain.questions.isEmpty {
                problems.append(say("\(place): voeg minstens één vraag toe.", "\(place): add at least one question."))
            }
            for (q, question) in domain.questions.enumerated() {
                let qPlace = "\(place), " + say("vraag \(q + 1)", "question \(q + 1)")
                if !Self.isCode(question.code) {
                    problems.append(say("\(qPlace): de code mag alleen kleine letters, cijfers en streepjes bevatten.",
                                        "\(qPlace): the code may hold only lower-case letters, digits and hyphens."))
                } else if !questionCodes.insert(question.code).inserted {
                    problems.append(say("\(qPlace): de code ‘\(question.code)’ komt twee keer voor.", "\(qPlace): the code ‘\(question.code)’ is used twice."))
                }
                if question.text.trimmingCharacters(in: .whitespaces).isEmpty || question.parentText.trimmingCharacters(in: .whitespaces).isEmpty {
                    problems.append(say("\(qPlace): vul de vraag in, voor de professional en in eenvoudige taal voor de ouder.",
                                        "\(qPlace): fill in the question, for the professional and in plain language for the parent."))
                }
                if question.options.count < 2 {
                    problems.append(say("\(qPlace): geef minstens twee antwoorden.", "\(qPlace): give at least two answers."))
                }
                var optionCodes = Set<String>()
                for (o, option) in question.options.enumerated() {
                    let oPlace = "\(qPlace), " + say("antwoord \(o + 1)", "answer \(o + 1)")
                    if !Self.isCode(option.code) || !optionCodes.insert(option.code).inserted {
                        problems.append(say("\(oPlace): geef een eigen code (kleine letters, cijfers, streepjes).",
                                            "\(oPlace): give a code of its own (lower-case letters, digits, hyphens)."))
                    }
                    if option.label.trimmingCharacters(in: .whitespaces).isEmpty {
                        problems.append(say("\(oPlace): vul de tekst van het antwoord in.", "\(oPlace): fill in the answer's text."))
                    }
                    if !(0...10).contains(option.weight) {
                        problems.append(say("\(oPlace): het gewicht moet tussen 0 en 10 liggen.", "\(oPlace): the weight must be from 0 to 10."))
                    }
                    if option.factor == .neutral && option.weight != 0 {
                        problems.append(say("\(oPlace): een neutraal antwoord heeft gewicht 0.", "\(oPlace): a neutral answer has weight 0."))
                    }
                    if option.urgent && option.factor != .risk {
                        problems.append(say("\(oPlace): alleen een risicofactor kan urgent zijn.", "\(oPlace): only a risk factor can be urgent."))
                    }
                    for theme in option.themes ?? [] where !themes.contains(theme) {
                        problems.append(say("\(oPlace): onbekend thema ‘\(theme)’.", "\(oPlace): unknown theme ‘\(theme)’."))
                    }
                }
            }
        }
        let t = thresholds
        if !(t.potentieel > 0 && t.potentieel < t.kwetsbaar && t.kwetsbaar < t.zeerKwetsbaar) {
            problems.append(say("De drempels moeten groter dan 0 zijn en oplopen: potentieel kwetsbaar < kwetsbaar < zeer kwetsbaar.",
                                "The thresholds must be above 0 and rise: potentially vulnerable < vulnerable < very vulnerable."))
        }
        return problems
    }

    /// Reads JSON typed or uploaded by a coordinator; a syntax or shape error becomes one Dutch sentence.
    static func parse(_ json: String, english: Bool) -> Result<InstrumentDefinition, InstrumentProblems> {
        func say(_ nl: String, _ en: String) -> String { english ? en : nl }
        let definition: InstrumentDefinition
        do {
            definition = try decode(json)
        } catch DecodingError.keyNotFound(let key, let context) {
            return .failure(InstrumentProblems([say("Het veld ‘\(key.stringValue)’ ontbreekt\(Self.path(context, english)).",
                                 "The field ‘\(key.stringValue)’ is missing\(Self.path(context, english)).")]))
        } catch DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context) {
            return .failure(InstrumentProblems([say("Een veld heeft de verkeerde soort waarde\(Self.path(context, english)).",
                                 "A field has the wrong kind of value\(Self.path(context, english)).")]))
        } catch DecodingError.dataCorrupted(let context) where !context.codingPath.isEmpty {
            return .failure(InstrumentProblems([say("Een waarde is niet toegestaan\(Self.path(context, english)). Een factor is risk, protective of neutral.",
                                 "A value is not allowed\(Self.path(context, english)). A factor is risk, protective or neutral.")]))
        } catch {
            return .failure(InstrumentProblems([say("Dit is geen geldige JSON. Controleer haakjes, komma’s en aanhalingstekens.",
                                 "This is not valid JSON. Check brackets, commas and quotes.")]))
        }
        let problems = definition.problems(english: english)
        return problems.isEmpty ? .success(definition) : .failure(InstrumentProblems(problems))
    }

    private static func path(_ context: DecodingError.Context, _ english: Bool) -> String {
        let parts = context.codingPath.map { $0.intValue.map { "\($0 + 1)" } ?? $0.stringValue }
        guard !parts.isEmpty else { return "" }
        return (english ? " at " : " bij ") + parts.joined(separator: " › ")
    }

    static func isCode(_ s: String) -> Bool {
        !s.isEmpty && s.count <= 60 && s.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" }
    }
}

/// What is wrong with a submitted instrument, one sentence each.
struct InstrumentProblems: Error, Equatable {
    var messages: [String]
    init(_ messages: [String]) { self.messages = messages }
}
