import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import KansrijkApp

@Suite("Monitoring: local indicators", .serialized)
struct LocalIndicatorTests {
    let coalition = UUID()

    func form(_ changes: (inout LocalIndicatorForm) -> Void = { _ in }) -> LocalIndicatorForm {
        var f = LocalIndicatorForm(code: "zeist_kwetsbaar", name: "Kwetsbaar bij screening", description: "Het deel van de screenings met uitkomst kwetsbaar.",
                                   numerator: "screenings_kwetsbaar", denominator: "screenings", factor: "100", direction: "neutraal",
                                   phase: "zwangerschap", source: "Eigen registratie", periodKind: "kwartaal", coalition: coalition.uuidString)
        changes(&f)
        return f
    }

    func errors(_ f: LocalIndicatorForm, taken: Set<String> = []) -> [String: String] {
        switch f.validate(coalitions: [coalition], takenCodes: taken, editing: nil, english: false) {
        case .success: return [:]
        case .failure(let e): return e.messages
        }
    }

    @Test("a valid local indicator becomes a definition the engine accepts")
    func valid() throws {
        guard case .success(let v) = form().validate(coalitions: [coalition], takenCodes: [], editing: nil, english: false) else {
            Issue.record("expected valid"); return
        }
        #expect(v.definition.group == "lokaal" && v.definition.periodKind == .quarter && v.definition.unit == .persons)
        _ = try v.definition.validated()
    }

    @Test("expressions are checked by the engine's parser, with the position of the mistake")
    func expressions() {
        #expect(errors(form { $0.numerator = "screenings_kwetsbaar / screenings" })["numerator"]
                == "Delen kan niet in een teller of noemer; de indicator deelt zelf teller door noemer (bij teken 22)")
        #expect(errors(form { $0.denominator = "screeningen" })["denominator"] == "Onbekend gegevenselement 'screeningen' (bij teken 1)")
        #expect(errors(form { $0.numerator = "(screenings" })["numerator"] == "Haakje '(' wordt niet gesloten (bij teken 1)")
        #expect(errors(form { $0.numerator = "" })["numerator"] == "De uitdrukking is leeg (bij teken 1)")
        #expect(errors(form { $0.denominator = "1" }).isEmpty, "a count has the constant denominator 1")
    }

    @Test("code, choices and coalition are checked")
    func fields() {
        #expect(errors(form { $0.code = "Big 2!" })["code"]?.hasPrefix("Gebruik 2 tot 41 kleine letters") == true)
        #expect(errors(form(), taken: ["zeist_kwetsbaar"])["code"] == "Deze code is al in gebruik; kies een andere.")
        #expect(errors(form { $0.factor = "7" })["factor"] != nil)
        #expect(errors(form { $0.direction = "omhoog" })["direction"] != nil)
        #expect(errors(form { $0.coalition = UUID().uuidString })["coalition"] != nil, "only the coordinator's own coalitions")
        #expect(errors(form { $0.description = " " })["description"] != nil)
    }

    @Test("a coordinator adds one through the page; it is listed with the national set and only its coalition edits it")
    func flow() async throws {
        try await withApp { app in
            // setup
            var zeist = try await Browser.signedIn(app, as: "coordinator@zeist.demo")
            try await zeist.refreshToken(path: "/monitor/definities/nieuw")
            let zeistID = try #require(try await Coalition.query(on: app.db).filter(\.$slug == "zeist").first()?.id).uuidString.lowercased()
            // act: a mistake first, then right
            let wrong = try await zeist.post("/monitor/definities/nieuw", form: ["code": "zeist_nnz", "name": "NNZ-gesprekken", "description": "Gesprekken",
                                                                                "numerator": "nnz_gesprekken /", "denominator": "1", "factor": "1",
                                                                                "direction": "hoger-is-beter", "phase": "voor-zwangerschap", "source": "GGD",
                                                                                "period_kind": "jaar", "coalition": zeistID])
            #expect(wrong.status == .unprocessableEntity)
            #expect(wrong.body.string.contains("Delen kan niet"))
            #expect(wrong.body.string.contains(#"value="NNZ-gesprekken""#), "what was typed stays")
            let created = try await zeist.post("/monitor/definities/nieuw", form: ["code": "zeist_nnz", "name": "NNZ-gesprekken", "description": "Gesprekken",
                                                                                  "numerator": "nnz_gesprekken", "denominator": "1", "factor": "1",
                                                                                  "direction": "hoger-is-beter", "phase": "voor-zwangerschap", "source": "GGD",
                                                                                  "period_kind": "jaar", "coalition": zeistID])
            // check
            #expect(created.status == .seeOther)
            let list = try await zeist.get("/monitor/definities").body.string
            #expect(list.contains("NNZ-gesprekken") && list.contains("Big2") && list.contains("/monitor/definities/zeist_nnz/bewerken"))
            #expect(try await Indicator.find("zeist_nnz", on: app.db)?.origin == "lokaal")
            // another coalition's coordinator reads but may not edit; national ones are not editable
            var borsele = try await Browser.signedIn(app, as: "coordinator@borsele.demo")
            #expect(!(try await borsele.get("/monitor/definities").body.string.contains("zeist_nnz/bewerken")))
            #expect(try await borsele.get("/monitor/definities/zeist_nnz/bewerken").status == .forbidden)
            #expect(try await zeist.get("/monitor/definities/big2/bewerken").status == .notFound)
            var professional = try await Browser.signedIn(app, as: "professional@zeist.demo")
            #expect(try await professional.get("/monitor/definities/nieuw").status == .forbidden)
            // edit
            try await zeist.refreshToken(path: "/monitor/definities/zeist_nnz/bewerken")
            let edited = try await zeist.post("/monitor/definities/zeist_nnz/bewerken", form: ["name": "Nu Niet Zwanger-gesprekken", "description": "Gevoerde gesprekken",
                                                                                              "numerator": "nnz_gesprekken", "denominator": "1", "factor": "1",
                                                                                              "direction": "hoger-is-beter", "phase": "voor-zwangerschap", "source": "GGD",
                                                                                              "period_kind": "jaar", "coalition": zeistID])
            #expect(edited.status == .seeOther)
            #expect(try await Indicator.find("zeist_nnz", on: app.db)?.name == "Nu Niet Zwanger-gesprekken")
        }
    }
}
