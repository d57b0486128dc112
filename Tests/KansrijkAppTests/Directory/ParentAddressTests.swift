import Foundation
import Testing
import Vapor
import VaporTesting
@testable import KansrijkApp

/// Issue 15: parents are addressed with "jij" unless their coalition chose "u"; professionals
/// always with "u".
@Suite("Parents: the coalition's form of address", .serialized)
struct ParentAddressTests {
    /// Says je, jij, jou or jouw as a word.
    static func informal(_ text: String) -> Bool {
        text.split { !$0.isLetter }.contains { ["je", "jij", "jou", "jouw"].contains($0.lowercased()) }
    }

    @Test("every 'u' text replaces a parents' text, and says u, not je or jij")
    func formalTexts() {
        for (key, text) in ParentStrings.formal {
            #expect(Strings.table[key] != nil, "\(key) is not a text of the tables")
            #expect(!Self.informal(text), "\(key): \(text)")
            #expect(Strings.text(key, .nl) != text, "\(key) is the same in both forms")
        }
        // every parents' text that says je has its "u" form
        for (key, pair) in Strings.table where key.hasPrefix("parents.") || key.hasPrefix("parentscreening.") {
            if Self.informal(pair.0) { #expect(ParentStrings.formal[key] != nil, "\(key) has no 'u' form") }
        }
        #expect(ParentAddress.text("parents.heading", .nl, nil) == "Wat is er voor jou?")
        #expect(ParentAddress.text("parents.heading", .nl, .u) == "Wat is er voor u?")
        #expect(ParentAddress.text("parents.heading", .nl, .jij) == "Wat is er voor jou?")
        #expect(ParentAddress.text("parents.heading", .en, .u) == Strings.text("parents.heading", .en))
        #expect(ParentAddress.text("care.title", .nl, .jij) == Strings.text("care.title", .nl), "other texts are untouched")
    }

    @Test("jij by default, as the questionnaire speaks; u in Zeist once its coalition chooses it; other municipalities keep jij")
    func coalitionChoice() async throws {
        try await withApp { app in
            // setup
            var visitor = Browser(app)
            var coordinator = try await Browser.signedIn(app, as: "coordinator@zeist.demo")
            var professional = try await Browser.signedIn(app, as: "professional@zeist.demo")
            let before = try await visitor.get("/ouders?gemeente=GM0355").body.string
            #expect(before.contains("Wat is er voor jou?"))
            #expect(try await coordinator.get("/coalities/zeist/ouders-aanspreken").body.string.contains("name=\"aanspreekvorm\" value=\"jij\" checked"))
            // act: a professional may not choose, a wrong value is explained, the coordinator chooses jij
            let refused = try await professional.post("/coalities/zeist/ouders-aanspreken", form: ["aanspreekvorm": "u"])
            let wrong = try await coordinator.post("/coalities/zeist/ouders-aanspreken", form: ["aanspreekvorm": "hoi"])
            let saved = try await coordinator.post("/coalities/zeist/ouders-aanspreken", form: ["aanspreekvorm": "u"])
            // check
            #expect(refused.status == .forbidden)
            #expect(wrong.status == .unprocessableEntity)
            #expect(wrong.body.string.contains("Kies u of jij."))
            #expect(saved.status == .seeOther || saved.status == .found)
            let zeist = try await visitor.get("/ouders?gemeente=GM0355").body.string
            #expect(zeist.contains("Wat is er voor u?"))
            #expect(zeist.contains("Waar woont u?"))
            let borsele = try await visitor.get("/ouders?gemeente=GM0654").body.string
            #expect(borsele.contains("Wat is er voor jou?"))
            let none = try await visitor.get("/ouders").body.string
            #expect(none.contains("Waar woon je?"))
            // professionals' pages keep u
            let care = try await professional.get("/zorg").body.string
            #expect(!care.contains("Wat is er voor u?") && !care.contains("Wat is er voor jou?"))
            #expect(try await ParentAddress.forMunicipality("GM0355", on: app.db) == .u)
            #expect(try await ParentAddress.forMunicipality("GM0654", on: app.db) == .jij)
            #expect(try await ParentAddress.forMunicipality(nil, on: app.db) == .jij)
        }
    }
}
