import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import KansrijkApp

/// The instrument editor without JSON: the form's buttons change the draft, saving makes a new version.
@Suite("Instrument form", .serialized)
struct InstrumentFormTests {
    static let path = "/zorg/signaleren/instrument/nieuw"

    /// The values a browser would send for the page's form: inputs, checked boxes, textareas and selected options.
    static func formValues(_ html: String) -> [String: String] {
        func unescape(_ s: Substring) -> String {
            s.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
                .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
        }
        func attribute(_ tag: Substring, _ name: String) -> String? {
            guard let r = tag.range(of: " \(name)=\"") else { return nil }
            return unescape(tag[r.upperBound...].prefix { $0 != "\"" })
        }
        var values: [String: String] = [:]
        for tag in html.components(separatedBy: "<input ").dropFirst().map({ $0.prefix { $0 != ">" } }) {
            guard let name = attribute(tag, "name") else { continue }
            if tag.contains("type=\"checkbox\"") && !tag.contains(" checked") { continue }
            values[name] = attribute(tag, "value") ?? ""
        }
        for part in html.components(separatedBy: "<textarea ").dropFirst() {
            let tag = part.prefix { $0 != ">" }
            guard let name = attribute(tag, "name") else { continue }
            values[name] = unescape(part.dropFirst(tag.count + 1).prefix { $0 != "<" })
        }
        for part in html.components(separatedBy: "<select ").dropFirst() {
            let tag = part.prefix { $0 != ">" }
            guard let name = attribute(tag, "name") else { continue }
            let body = part.prefix(while: { _ in true }).components(separatedBy: "</select>")[0]
            if let selected = body.components(separatedBy: "<option ").first(where: { $0.contains(" selected") }) {
                values[name] = attribute(Substring(" " + selected), "value")
            }
        }
        return values
    }

    @Test("the unchanged form saves as a new version equal to the one it started from")
    func roundTrip() async throws {
        try await withApp { app in
            // setup
            var professional = try await Browser.signedIn(app, as: CareBFixture.midwife)
            #expect(try await professional.get(Self.path).status == .forbidden)
            var coordinator = try await Browser.signedIn(app, as: "admin@kansrijk.demo")
            let page = try await coordinator.get(Self.path)
            #expect(page.status == .ok)
            var form = Self.formValues(page.body.string)
            #expect(form["d.0.q.0.o.0.weight"] != nil && form["t.kwetsbaar"] != nil)
            // act
            form["title"] = "Zeist 2027"
            form["op"] = "save"
            let saved = try await coordinator.post(Self.path, form: form)
            // check
            #expect(saved.status == .seeOther)
            #expect(saved.headers.first(name: .location) == "/zorg/signaleren/instrument/2")
            let versions = try await ScreeningInstrument.query(on: app.db).sort(\.$version).all()
            #expect(versions.map(\.version) == [1, 2] && versions[1].title == "Zeist 2027")
            #expect(try versions[1].definition == versions[0].definition)
            // the version history shows both
            let history = try await coordinator.get("/zorg/signaleren/instrument").body.string
            #expect(history.contains("Zeist 2027") && history.contains("/zorg/signaleren/instrument/1"))
        }
    }

    @Test("buttons add, move and remove items, keep everything typed and save nothing")
    func structuralEdits() async throws {
        try await withApp { app in
            var coordinator = try await Browser.signedIn(app, as: "admin@kansrijk.demo")
            var form = Self.formValues(try await coordinator.get(Self.path).body.string)
            let firstTitle = try #require(form["d.0.title"]), secondTitle = try #require(form["d.1.title"])
            let questions = DefaultInstrument.definition.domains[0].questions.count
            // a typed, unsaved change survives every button
            form["title"] = "Concept met nieuwe vraag"
            form["op"] = "add-question:0"
            let added = try await coordinator.post(Self.path, form: form)
            #expect(added.status == .ok && added.body.string.contains("nog niet opgeslagen"))
            #expect(added.body.string.contains("id=\"f-d-0-q-\(questions)-text\" name=\"d.0.q.\(questions).text\" rows=\"2\" autofocus"))
            form = Self.formValues(added.body.string)
            #expect(form["title"] == "Concept met nieuwe vraag" && form["d.0.q.\(questions).o.1.label"] == "Nee")
            // move the first domain down
            form["op"] = "down-domain:0"
            form = Self.formValues(try await coordinator.post(Self.path, form: form).body.string)
            #expect(form["d.0.title"] == secondTitle && form["d.1.title"] == firstTitle)
            #expect(form["d.1.q.\(questions).o.0.label"] == "Ja", "the new question moved with its domain")
            // remove an answer
            let options = DefaultInstrument.definition.domains[1].questions[0].options
            form["op"] = "remove-option:0:0:0"
            form = Self.formValues(try await coordinator.post(Self.path, form: form).body.string)
            #expect(form["d.0.q.0.o.0.label"] == options[1].label)
            // a stale or made-up button changes nothing
            let stale = try await coordinator.post(Self.path, form: form.merging(["op": "remove-domain:99"]) { _, b in b })
            #expect(stale.status == .ok && stale.body.string.contains("bestaat niet meer"))
            #expect(try await coordinator.post(Self.path, form: form.merging(["op": "explode"]) { _, b in b }).status == .badRequest)
            #expect(try await ScreeningInstrument.query(on: app.db).count() == 1, "nothing saved")
        }
    }

    @Test("mistakes come back in Dutch at their place, with what was typed, and nothing is saved")
    func validation() async throws {
        try await withApp { app in
            var coordinator = try await Browser.signedIn(app, as: "admin@kansrijk.demo")
            var form = Self.formValues(try await coordinator.get(Self.path).body.string)
            form["title"] = " "
            form["d.0.q.0.o.0.weight"] = "veel"
            form["d.0.q.0.o.1.label"] = ""
            form["d.0.q.0.o.1.factor"] = "protective"
            form["d.0.q.0.o.1.urgent"] = "on"
            form["t.kwetsbaar"] = "1"
            form["d.1.code"] = form["d.0.code"]
            form["op"] = "save"
            let res = try await coordinator.post(Self.path, form: form)
            #expect(res.status == .unprocessableEntity)
            let html = res.body.string
            for message in ["Vul een naam in voor de versie.", "Domein 1, vraag 1, antwoord 1: vul als gewicht een heel getal in van 0 tot 10.",
                            "Domein 1, vraag 1, antwoord 2: vul de tekst van het antwoord in.",
                            "Domein 1, vraag 1, antwoord 2: alleen een risicofactor kan urgent zijn.",
                            "Domein 2: de code", "De drempels moeten oplopen"] {
                #expect(html.contains(message), "\(message)")
            }
            #expect(html.contains("href=\"#f-d-0-q-0-o-0-weight\""), "the summary links to the field")
            #expect(html.contains("name=\"d.0.q.0.o.0.weight\" value=\"veel\""), "what was typed is kept")
            #expect(try await ScreeningInstrument.query(on: app.db).count() == 1)
        }
    }

    @Test("a double submit is stopped; a new version leaves completed screenings on theirs")
    func doubleSubmitAndVersions() async throws {
        try await withApp { app in
            var coordinator = try await Browser.signedIn(app, as: "admin@kansrijk.demo")
            var form = Self.formValues(try await coordinator.get(Self.path).body.string)
            form["title"] = "Zeist 2027"
            form["t.zeer-kwetsbaar"] = "15"
            form["op"] = "save"
            let used = try await Screening.query(on: app.db).filter(\.$completedAt != nil).all()
            #expect(try await coordinator.post(Self.path, form: form).status == .seeOther)
            let again = try await coordinator.post(Self.path, form: form)
            #expect(again.status == .conflict && again.body.string.contains("Intussen is versie 2 opgeslagen"))
            #expect(try await ScreeningInstrument.query(on: app.db).count() == 2)
            let current = try await ScreeningInstrument.current(on: app.db)
            #expect(try current.definition.thresholds.zeerKwetsbaar == 15)
            let after = try await Screening.query(on: app.db).filter(\.$completedAt != nil).all()
            #expect(Dictionary(uniqueKeysWithValues: after.map { ($0.id!, $0.$instrument.id) }) == Dictionary(uniqueKeysWithValues: used.map { ($0.id!, $0.$instrument.id) }))
        }
    }

    @Test("button values are read strictly")
    func editParsing() {
        #expect(InstrumentDraft.Edit("up-question:2:0")?.place == [2, 0])
        #expect(InstrumentDraft.Edit("add-option:0:3")?.kind == .option)
        #expect(InstrumentDraft.Edit("add-domain")?.place == [])
        for bad in ["up-question:2", "remove-domain", "add-domain:1", "down-option:1:x:2", "jump-domain:1", "up"] {
            #expect(InstrumentDraft.Edit(bad) == nil, "\(bad)")
        }
    }
}
