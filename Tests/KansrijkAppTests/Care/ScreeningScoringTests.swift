import Foundation
import Testing
@testable import KansrijkApp

/// Scoring of the signalling instrument, on a small hand-made version whose sums are easy to check.
@Suite("Screening scoring")
struct ScreeningScoringTests {
    typealias D = InstrumentDefinition

    /// Two domains, three questions; thresholds 3 / 6 / 10.
    static let small = D(domains: [
        D.Domain(code: "gezin", title: "Gezin", themes: ["relatie"], questions: [
            D.Question(code: "steun", text: "Steun", parentText: "Steun?", options: [
                D.Option(code: "ja", label: "Ja", factor: .protective, weight: 2),
                D.Option(code: "nee", label: "Nee", factor: .risk, weight: 3, themes: ["eenzaamheid"]),
            ]),
            D.Question(code: "veilig", text: "Veilig", parentText: "Veilig?", options: [
                D.Option(code: "ja", label: "Ja", factor: .neutral, weight: 0),
                D.Option(code: "geweld", label: "Geweld", factor: .risk, weight: 1, urgent: true, themes: ["huiselijk-geweld"]),
            ]),
        ]),
        D.Domain(code: "geld", title: "Geld", themes: ["financien"], questions: [
            D.Question(code: "schulden", text: "Schulden", parentText: "Schulden?", options: [
                D.Option(code: "nee", label: "Nee", factor: .protective, weight: 1),
                D.Option(code: "beetje", label: "Beetje", factor: .risk, weight: 4),
                D.Option(code: "veel", label: "Veel", factor: .risk, weight: 8),
            ]),
        ]),
    ], thresholds: .init(potentieel: 3, kwetsbaar: 6, zeerKwetsbaar: 10))

    @Test("the balance is risk minus protection, per domain and in total (hand-computed)")
    func balance() {
        // risk 3 (steun nee) + 4 (beetje) = 7; protective 0; balance 7 -> kwetsbaar (>= 6, < 10)
        let score = ScreeningScore.score(["steun": "nee", "veilig": "ja", "schulden": "beetje"], with: Self.small)
        #expect(score.risk == 7 && score.protective == 0 && score.balance == 7)
        #expect(score.level == .kwetsbaar)
        #expect(score.domains.map(\.balance) == [3, 4])
        #expect(score.domains[0].themes == [.init(code: "eenzaamheid", weight: 3)], "an option's own themes beat its domain's")
        #expect(!score.urgent && score.unanswered == 0)
        // protection pulls the balance down: 4 - 2 = 2 -> niet (below 3)
        let protected = ScreeningScore.score(["steun": "ja", "veilig": "ja", "schulden": "beetje"], with: Self.small)
        #expect(protected.balance == 2 && protected.level == .niet)
    }

    @Test("thresholds: each level starts exactly at its threshold")
    func thresholds() {
        let t = Self.small.thresholds
        #expect(ScreeningScore.level(balance: -5, urgent: false, thresholds: t) == .niet)
        #expect(ScreeningScore.level(balance: 2, urgent: false, thresholds: t) == .niet)
        #expect(ScreeningScore.level(balance: 3, urgent: false, thresholds: t) == .potentieel)
        #expect(ScreeningScore.level(balance: 5, urgent: false, thresholds: t) == .potentieel)
        #expect(ScreeningScore.level(balance: 6, urgent: false, thresholds: t) == .kwetsbaar)
        #expect(ScreeningScore.level(balance: 9, urgent: false, thresholds: t) == .kwetsbaar)
        #expect(ScreeningScore.level(balance: 10, urgent: false, thresholds: t) == .zeerKwetsbaar)
        // 8 (veel) + 3 (steun nee) = 11 -> zeer kwetsbaar by balance alone
        #expect(ScreeningScore.score(["steun": "nee", "schulden": "veel"], with: Self.small).level == .zeerKwetsbaar)
    }

    @Test("any violence answer means zeer kwetsbaar, whatever the balance, and puts safety first")
    func urgentRule() {
        // risk 1, protection 2 + 1: balance -2, yet urgent
        let score = ScreeningScore.score(["steun": "ja", "veilig": "geweld", "schulden": "nee"], with: Self.small)
        #expect(score.balance == -2)
        #expect(score.urgent && score.level == .zeerKwetsbaar)
        #expect(score.urgentThemes == ["huiselijk-geweld"])
        #expect(score.needs.first?.code == "gezin", "the urgent domain is the first need")
    }

    @Test("unanswered and unknown answers count as unanswered, never as a factor")
    func unanswered() {
        let score = ScreeningScore.score(["steun": "misschien", "schulden": "veel"], with: Self.small)
        #expect(score.unanswered == 2 && score.risk == 8)
    }

    @Test("the default instrument is valid, has the eight domains and its violence answer is urgent")
    func defaultInstrument() throws {
        let d = DefaultInstrument.definition
        #expect(d.problems(english: false).isEmpty)
        #expect(d.domains.map(\.code) == ["gezinssituatie", "werk-en-inkomen", "communicatie-en-opleiding", "leefstijl",
                                          "eerdere-zwangerschappen", "deze-zwangerschap", "psychisch-welbevinden", "hechting-en-opvoeding"])
        let violence = try #require(d.questions.first { $0.code == "veilig" }?.options.first { $0.code == "geweld" })
        #expect(violence.urgent && violence.factor == .risk)
        // all protective answers: the lowest level
        let calm = Dictionary(uniqueKeysWithValues: d.questions.map { q in
            (q.code, (q.options.first { $0.factor == .protective } ?? q.options.first { $0.factor == .neutral } ?? q.options[0]).code)
        })
        #expect(ScreeningScore.score(calm, with: d).level == .niet)
        // round trip through JSON keeps every field
        #expect(try InstrumentDefinition.decode(d.encoded(pretty: true)) == d)
    }

    @Test("a completed screening keeps the version it was scored with")
    func versionKept() throws {
        let screening = Screening(clientID: UUID(), organisationID: UUID(), createdByID: UUID(), instrumentID: UUID(),
                                  mode: .together, status: .filledByParent, submissionKey: "k")
        let answers = ["steun": "nee", "veilig": "ja", "schulden": "beetje"]
        let valid = ScreeningAnswersForm.Valid(answers: answers, adjustedLevel: nil, reason: nil)
        screening.complete(valid, definition: Self.small, by: UUID(), now: Date(timeIntervalSince1970: 0))
        #expect(screening.computedLevel == .kwetsbaar && screening.balance == 7)
        // a later version weighs debts heavier; the stored answers scored with the old version stay the same
        var newer = Self.small
        newer.domains[1].questions[0].options[1].weight = 9
        #expect(ScreeningScore.score(screening.answers, with: Self.small).level == screening.computedLevel)
        #expect(ScreeningScore.score(screening.answers, with: newer).level == .zeerKwetsbaar)
    }

    @Test("the professional's adjustment needs a reason and keeps both levels")
    func adjustment() throws {
        let fields = ["q-steun": "nee", "q-veilig": "ja", "q-schulden": "beetje", "adjusted_level": "potentieel"]
        let refused = ScreeningAnswersForm(fields: fields).validate(Self.small, complete: true, english: false)
        guard case .failure(let errors) = refused else { Issue.record("an adjustment without a reason passed"); return }
        #expect(errors["reason"]?.contains("Schrijf op waarom") == true)
        var withReason = fields
        withReason["reason"] = "Netwerk helpt meer dan de lijst laat zien."
        guard case .success(let valid) = ScreeningAnswersForm(fields: withReason).validate(Self.small, complete: true, english: false) else {
            Issue.record("a reasoned adjustment was refused"); return
        }
        let s = Screening(clientID: UUID(), organisationID: UUID(), createdByID: UUID(), instrumentID: UUID(), mode: .together,
                          status: .filledByParent, submissionKey: "k")
        s.complete(valid, definition: Self.small, by: UUID(), now: Date())
        #expect(s.computedLevel == .kwetsbaar && s.adjustedLevel == .potentieel && s.level == .potentieel)
        #expect(s.adjustmentReason == "Netwerk helpt meer dan de lijst laat zien.")
        // completing demands every answer
        guard case .failure(let missing) = ScreeningAnswersForm(fields: ["q-steun": "ja"]).validate(Self.small, complete: true, english: false) else {
            Issue.record("missing answers passed"); return
        }
        #expect(missing["q-veilig"] == "Kies een antwoord op deze vraag.")
    }

    @Test("a new version is checked with Dutch messages that name the place")
    func validation() {
        var bad = Self.small
        bad.domains[0].questions[1].options[0].urgent = true
        bad.domains[1].questions[0].options[2].weight = 12
        bad.domains[1].themes = ["bestaat-niet"]
        bad.thresholds = .init(potentieel: 5, kwetsbaar: 4, zeerKwetsbaar: 10)
        let problems = bad.problems(english: false)
        #expect(problems.contains("Domein 1 (Gezin), vraag 2, antwoord 1: alleen een risicofactor kan urgent zijn."))
        #expect(problems.contains("Domein 2 (Geld), vraag 1, antwoord 3: het gewicht moet tussen 0 en 10 liggen."))
        #expect(problems.contains("Domein 2 (Geld): onbekend thema ‘bestaat-niet’."))
        #expect(problems.contains { $0.hasPrefix("De drempels moeten") })
        guard case .failure(let syntax) = InstrumentDefinition.parse("{\"domains\": [", english: false) else { Issue.record("broken JSON passed"); return }
        #expect(syntax.messages == ["Dit is geen geldige JSON. Controleer haakjes, komma’s en aanhalingstekens."])
        guard case .failure(let missing) = InstrumentDefinition.parse("{\"domains\": []}", english: false) else { Issue.record("missing thresholds passed"); return }
        #expect(missing.messages.first?.contains("‘thresholds’ ontbreekt") == true)
    }
}
