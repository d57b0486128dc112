import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import KansrijkApp

@Suite("Monitoring: the progress report", .serialized)
struct ReportPageTests {
    /// Geen kraamzorg for 2022 where Zeist has only 4 mothers without maternity care: never to be shown.
    func storeSmallZeist(_ app: Application) async throws {
        let rows = [("GM0355", 4, 300), ("GM0363", 200, 8000), ("GM0344", 150, 4000), ("GM0307", 80, 2000), ("GM0345", 30, 700)].map {
            AggregateRow(areaCode: $0.0, period: .year(2022), numerator: $0.1, denominator: $0.2, derived: false)
        }
        _ = try await AggregateCountWriter.store(rows, numerator: "moeders_zonder_kraamzorg", denominator: "moeders_levend_geboren", on: app.db)
        // Big2: Zeist 60 of 400 children
        let births = [("GM0355", 60, 400), ("GM0363", 1200, 8000), ("GM0344", 600, 4000)].flatMap { code, big2, all in
            [CountStore.Row(element: "kinderen_ge24_big2", areaCode: code, period: "2022", year: 2022, breakdown: "", breakdownValue: "", count: big2),
             CountStore.Row(element: "kinderen_ge24", areaCode: code, period: "2022", year: 2022, breakdown: "", breakdownValue: "", count: all)]
        }
        try await CountStore.replace(elements: ["kinderen_ge24_big2", "kinderen_ge24"], periods: ["2022"], with: births, source: "test", on: app.db)
    }

    /// The part of a page from `start` up to the next `end` after it.
    func slice(_ text: String, from start: String, to end: String) -> String? {
        guard let a = text.range(of: start) else { return nil }
        let rest = text[a.upperBound...]
        return String(rest[..<(rest.range(of: end)?.lowerBound ?? rest.endIndex)])
    }

    @Test("a coalition's report: every section, figures with intervals, the suppressed figure never shown")
    func sections() async throws {
        try await withApp { app in
            // setup
            try await storeSmallZeist(app)
            var b = try await Browser.signedIn(app, as: "policy@zeist.demo")
            // act
            let res = try await b.get("/monitor/rapportage/zeist/2022")
            let page = res.body.string
            // check
            #expect(res.status == .ok)
            for heading in ["1. Samenvatting", "2. De coalitie", "3. Ambities en wat er gebeurde", "4. Tellen: de indicatoren",
                            "5. Procescijfers", "6. Vertellen: verhalen", "7. Vervolgaanpak"] {
                #expect(page.contains(heading), "missing \(heading)")
            }
            let big2 = try #require(slice(page, from: "<h3>Big2", to: "<h3>"))
            let ci = try #require(WilsonInterval(successes: 60, trials: 400)?.scaled(by: 100))
            #expect(big2.contains("15,0%"))
            #expect(big2.contains(ChartFormat.dutch(decimals: 1, unit: "%").interval(ci.low, ci.high)))
            #expect(page.contains("Big2 (2022): 15,0%"), "in the summary")
            #expect(page.contains("<svg"), "a chart")
            #expect(page.contains(#"href="/css/print.css" media="print""#))
            let kraamzorg = try #require(slice(page, from: "<h3>Geen kraamzorg", to: "<h3>"))
            #expect(kraamzorg.contains("niet getoond (kleine aantallen)"))
            #expect(!kraamzorg.contains("1,3") && !kraamzorg.contains(">4<") && !kraamzorg.contains("300"))
            // the Markdown file carries the same, and the same protection
            let md = try await b.get("/monitor/rapportage/zeist/2022/rapportage.md")
            #expect(md.headers.contentType?.subType == "markdown")
            #expect(md.headers.first(name: .contentDisposition)?.contains("voortgangsrapportage-zeist-2022.md") == true)
            #expect(md.body.string.hasPrefix("# Voortgangsrapportage Kansrijke Start Zeist 2022"))
            #expect(md.body.string.contains("## 4. Tellen: de indicatoren"))
            let mdKraamzorg = try #require(slice(md.body.string, from: "### Geen kraamzorg", to: "### "))
            #expect(mdKraamzorg.contains("niet getoond (kleine aantallen)") && !mdKraamzorg.contains("1,3"))
        }
    }

    @Test("the policy advisor's text per section is kept as a draft and appears in both forms of the report")
    func drafts() async throws {
        try await withApp { app in
            var b = try await Browser.signedIn(app, as: "policy@zeist.demo")
            try await b.refreshToken(path: "/monitor/rapportage/zeist/2023/teksten")
            let saved = try await b.post("/monitor/rapportage/zeist/2023/teksten/vervolg", form: ["tekst": "In 2024 gaan we *verder* met het MDO."])
            #expect(saved.status == .seeOther)
            let tooLong = try await b.post("/monitor/rapportage/zeist/2023/teksten/samenvatting", form: ["tekst": String(repeating: "a", count: 6001)])
            #expect(tooLong.status == .unprocessableEntity)
            #expect(tooLong.body.string.contains("ten hoogste 6000 tekens"))
            #expect(try await b.get("/monitor/rapportage/zeist/2023").body.string.contains("In 2024 gaan we *verder* met het MDO."))
            #expect(try await b.get("/monitor/rapportage/zeist/2023/rapportage.md").body.string.contains("In 2024 gaan we \\*verder\\* met het MDO."))
            // another year has its own drafts
            #expect(!(try await b.get("/monitor/rapportage/zeist/2022").body.string.contains("In 2024 gaan we")))
            #expect(try await ReportDraft.query(on: app.db).count() == 1)
        }
    }

    @Test("a year without data says so; access follows the coalition")
    func emptyAndAccess() async throws {
        try await withApp { app in
            var b = try await Browser.signedIn(app, as: "coordinator@zeist.demo")
            let page = try await b.get("/monitor/rapportage/zeist/2015").body.string
            #expect(page.contains("Nog geen gegevens: er zijn voor dit gebied en jaar geen procescijfers vastgelegd."))
            #expect(page.contains("Nog geen gegevens voor"))
            #expect(try await b.get("/monitor/rapportage/nergens/2022").status == .notFound)
            #expect(try await b.get("/monitor/rapportage/zeist/1850").status == .notFound)
            var borsele = try await Browser.signedIn(app, as: "coordinator@borsele.demo")
            #expect(try await borsele.get("/monitor/rapportage/zeist/2022").status == .forbidden)
            var professional = try await Browser.signedIn(app, as: "professional@zeist.demo")
            #expect(try await professional.get("/monitor/rapportage/zeist/2022").status == .ok)
            #expect(try await professional.get("/monitor/rapportage/zeist/2022/teksten").status == .forbidden)
            let country = try await professional.get("/monitor/rapportage/nederland/2023").body.string
            #expect(country.contains("Deze rapportage geeft de landelijke cijfers over 2023."))
            let choose = try await professional.get("/monitor/rapportage?gebied=zeist&jaar=2023")
            #expect(choose.headers.first(name: .location) == "/monitor/rapportage/zeist/2023")
        }
    }
}
