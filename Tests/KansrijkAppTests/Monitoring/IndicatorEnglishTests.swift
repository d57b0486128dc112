import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import KansrijkApp

/// Review gap 5: indicator names and descriptions in English on English pages, Dutch as the fallback.
@Suite("Monitoring: indicators in English", .serialized)
struct IndicatorEnglishTests {
    @Test("every shipped indicator has an English name and description; localising falls back to Dutch")
    func catalog() {
        #expect(Set(IndicatorCatalog.english.keys) == Set(IndicatorCatalog.all.map(\.code)))
        #expect(IndicatorCatalog.english.values.allSatisfy { !$0.name.isEmpty && !$0.description.isEmpty })
        var d = IndicatorCatalog.rivm[0]
        #expect(d.localized(english: true).name == d.name, "no English text: the Dutch one")
        d.nameEnglish = "Big2 (preterm and/or small)"
        #expect(d.localized(english: true).name == "Big2 (preterm and/or small)")
        #expect(d.localized(english: true).description == d.description, "the description falls back on its own")
        #expect(d.localized(english: false).name == IndicatorCatalog.rivm[0].name)
    }

    @Test("the migration fills the shipped set; the API keeps name and description in Dutch and adds translations")
    func api() async throws {
        try await withApp(demo: false) { app in
            #expect(try await Indicator.find("big2", on: app.db)?.nameEnglish == "Big2 (preterm birth and/or low birth weight)")
            var list: [IndicatorDTO] = []
            try await app.testing().test(.GET, "/api/indicators") { res in list = try res.content.decode([IndicatorDTO].self) }
            let big2 = try #require(list.first { $0.code == "big2" })
            #expect(big2.name == "Big2 (vroeggeboorte en/of laag geboortegewicht)")
            #expect(big2.translations["en"]?.name == "Big2 (preterm birth and/or low birth weight)")
            #expect(big2.translations["en"]?.description.hasPrefix("The share of children born at 24 weeks") == true)
        }
    }

    @Test("an English dashboard names the indicators in English, marked as English")
    func dashboard() async throws {
        try await DashboardFixtures.withBirths { app in
            let english = try await DashboardFixtures.get(app, "/monitor/gemeente/GM0355?lang=en").body
            let card = DashboardFixtures.card(english, "big2")
            #expect(card.contains(#"<h3 id="ind-big2-h" lang="en">Big2 (preterm birth and/or low birth weight)</h3>"#), "\(card.prefix(600))")
            #expect(card.contains(#"<span lang="en">The share of children born at 24 weeks or later"#))
            let dutch = DashboardFixtures.card(try await DashboardFixtures.get(app, "/monitor/gemeente/GM0355").body, "big2")
            #expect(dutch.contains(#"lang="nl">Big2 (vroeggeboorte en/of laag geboortegewicht)</h3>"#))
        }
    }

    @Test("a local indicator may have an English name; without one the Dutch name shows on English pages")
    func local() async throws {
        try await withApp { app in
            var zeist = try await Browser.signedIn(app, as: "coordinator@zeist.demo")
            let form = try await zeist.get("/monitor/definities/nieuw").body.string
            #expect(form.contains(#"<label for="f-name_en">Naam in het Engels (mag leeg)</label>"#))
            try await zeist.refreshToken(path: "/monitor/definities/nieuw")
            let zeistID = try #require(try await Coalition.query(on: app.db).filter(\.$slug == "zeist").first()?.id).uuidString.lowercased()
            var fields = ["code": "zeist_nnz", "name": "NNZ-gesprekken Zeist", "name_en": "NNZ conversations Zeist", "description": "Gesprekken",
                          "numerator": "nnz_gesprekken", "denominator": "1", "factor": "1", "direction": "hoger-is-beter",
                          "phase": "voor-zwangerschap", "source": "GGD", "period_kind": "jaar", "coalition": zeistID]
            #expect(try await zeist.post("/monitor/definities/nieuw", form: fields).status == .seeOther)
            fields["code"] = "zeist_nnz_nl"; fields["name"] = "Alleen Nederlands"; fields["name_en"] = ""
            try await zeist.refreshToken(path: "/monitor/definities/nieuw")
            #expect(try await zeist.post("/monitor/definities/nieuw", form: fields).status == .seeOther)
            let english = try await zeist.get("/monitor/definities?lang=en").body.string
            #expect(english.contains("NNZ conversations Zeist") && !english.contains("NNZ-gesprekken Zeist"))
            #expect(english.contains("Alleen Nederlands"))
            #expect(try await zeist.get("/monitor/definities?lang=nl").body.string.contains("NNZ-gesprekken Zeist"))
            // too long is refused in Dutch, and what was typed stays
            fields["code"] = "zeist_lang"; fields["name_en"] = String(repeating: "a", count: 151)
            try await zeist.refreshToken(path: "/monitor/definities/nieuw")
            let long = try await zeist.post("/monitor/definities/nieuw", form: fields)
            #expect(long.status == .unprocessableEntity)
            #expect(long.body.string.contains("Ten hoogste 150 tekens."))
        }
    }
}
