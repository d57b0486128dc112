import Foundation
import Testing
import Vapor
import VaporTesting
@testable import KansrijkApp

@Suite("Monitoring: dashboards", .serialized)
struct DashboardRouteTests {
    typealias F = DashboardFixtures

    @Test("the landing page, a municipality, a GGD region; unknown areas are 404")
    func statuses() async throws {
        try await F.withBirths { app in
            #expect(try await F.get(app, "/monitor").status == .ok)
            #expect(try await F.get(app, "/monitor/gemeente/GM0355").status == .ok)
            #expect(try await F.get(app, "/monitor/ggd-regio/GG2514").status == .ok)
            #expect(try await F.get(app, "/monitor/gemeente/GM9999").status == .notFound)
            #expect(try await F.get(app, "/monitor/ggd-regio/GM0355").status == .notFound)
            #expect(try await F.get(app, "/monitor/coalitie/bestaat-niet").status == .notFound)
            let chosen = try await F.get(app, "/monitor/kies?gebied=GM0355")
            #expect(chosen.status == .seeOther)
            #expect(chosen.headers.first(name: .location) == "/monitor/gemeente/GM0355")
            let wrong = try await F.get(app, "/monitor/kies?gebied=XX")
            #expect(wrong.status == .badRequest)
            #expect(wrong.body.contains("Kies een gemeente, GGD-regio of coalitie uit de lijst."))
        }
    }

    @Test("organised by phase, with the latest value, its interval and a trend chart with a table")
    func phasesAndCards() async throws {
        try await F.withBirths { app in
            let page = try await F.get(app, "/monitor/gemeente/GM0355?periode=jaar").body
            #expect(page.contains("Rond en na de geboorte"))
            #expect(page.contains("Tijdens de zwangerschap"))
            let big2 = F.card(page, "big2")
            #expect(big2.contains("Nieuwste cijfer (2021)"))
            #expect(big2.contains("30,0%"))
            #expect(big2.contains("90 van 300"))
            #expect(big2.contains("role=\"img\""))
            #expect(big2.contains("<th scope=\"row\">2017</th>"))
            #expect(big2.contains("/api/indicators/big2/values?area=GM0355&amp;period=2021"))
            // the breakdowns of the headline period as bar charts with tables; empty groups are hidden
            #expect(big2.contains("Voorspelde meervoudige kwetsbaarheid: Zeist, 2021"))
            #expect(big2.contains("<th scope=\"row\">Niet voorspeld kwetsbaar</th><td class=\"num\">30,0%</td>"))
            #expect(big2.contains("<th scope=\"row\">Voorspeld meervoudig kwetsbaar</th><td class=\"num\">&lt; 10, niet getoond</td>"))
            // aggregate indicators without data are listed, not shown as zero
            #expect(page.contains("Nog geen cijfers voor"))
            #expect(page.contains("Geen kraamzorg"))
        }
    }

    @Test("'significant' only where the intervals say so")
    func significance() async throws {
        try await F.withBirths { app in
            let zeist = F.card(try await F.get(app, "/monitor/gemeente/GM0355?periode=jaar").body, "big2")
            #expect(zeist.contains("Significant hoger dan Nederland"))
            let amsterdam = F.card(try await F.get(app, "/monitor/gemeente/GM0363?periode=jaar").body, "big2")
            #expect(amsterdam.contains("Significant lager dan Nederland"))
            let veenendaal = F.card(try await F.get(app, "/monitor/gemeente/GM0345?periode=jaar").body, "big2")
            #expect(veenendaal.contains("Niet significant verschillend van Nederland"))
            #expect(!veenendaal.contains("Significant hoger") && !veenendaal.contains("Significant lager"))
        }
    }

    @Test("a small municipality gets five years together, labelled as such")
    func pooled() async throws {
        try await F.withBirths { app in
            let card = F.card(try await F.get(app, "/monitor/gemeente/GM0339").body, "big2")
            #expect(card.contains("Nieuwste cijfer (2017-2021)"))
            #expect(card.contains("5 jaar samengenomen"))
            #expect(card.contains("15,0%"))
            #expect(card.contains("30 van 200"))
            // per year it is too small
            let yearly = F.card(try await F.get(app, "/monitor/gemeente/GM0339?periode=jaar").body, "big2")
            #expect(yearly.contains("&lt; 10, niet getoond"))
            #expect(!yearly.contains("5 jaar samengenomen"))
        }
    }

    @Test("a hidden figure never leaks: not in the page, the chart or the CSV")
    func suppressionDoesNotLeak() async throws {
        try await F.withBirths { app in
            let page = try await F.get(app, "/monitor/gemeente/GM0344?periode=jaar").body
            let card = F.card(page, "big2")
            #expect(card.contains("&lt; 10, niet getoond"))
            #expect(!card.contains("20,0%"))
            #expect(!card.contains("1 van 5"))
            #expect(!card.contains("dot-main"))
            let csv = try await F.get(app, "/monitor/gemeente/GM0344.csv?periode=jaar").body
            let utrechtRows = csv.components(separatedBy: "\r\n").filter { $0.contains(";Utrecht;") && $0.hasPrefix("Big2") }
            #expect(utrechtRows.count == 5)
            for row in utrechtRows {
                let fields = row.components(separatedBy: ";")
                #expect(fields[5...9].allSatisfy { $0.isEmpty }, "hidden figures have no numbers: \(row)")
                #expect(fields[10] == "< 10, niet getoond")
            }
        }
    }

    @Test("the download is Dutch Excel: BOM, semicolons, decimal comma, CRLF")
    func csvFormat() async throws {
        try await F.withBirths { app in
            let res = try await F.get(app, "/monitor/gemeente/GM0355.csv?periode=jaar")
            #expect(res.status == .ok)
            #expect(res.headers.contentType?.description.hasPrefix("text/csv") == true)
            #expect(res.body.hasPrefix("\u{FEFF}indicator;code;periode;"))
            #expect(res.body.contains("\r\n"))
            #expect(res.body.contains("Big2 (vroeggeboorte en/of laag geboortegewicht);big2;2021;nee;Zeist;90;300;30,0;"))
        }
    }

    @Test("peer groups: region by default, size and own choice by GET; bad choices are explained")
    func peers() async throws {
        try await F.withBirths { app in
            let region = F.card(try await F.get(app, "/monitor/gemeente/GM0355?periode=jaar").body, "big2")
            #expect(region.contains("GGD Regio Utrecht"))
            let chosen = try await F.get(app, "/monitor/gemeente/GM0355?periode=jaar&vergelijk=eigen&met=GM0363&met=GM0345")
            #expect(chosen.status == .ok)
            let card = F.card(chosen.body, "big2")
            #expect(card.contains("Gekozen gemeenten (2)"))
            // (200 + 26) / (2000 + 200) = 10.3%
            #expect(card.contains("10,3%"))
            let partial = F.card(try await F.get(app, "/monitor/gemeente/GM0355?periode=jaar&vergelijk=eigen&met=GM0363&met=GM0344").body, "big2")
            #expect(partial.contains("Telt 1 van de 2 gemeenten"))
            let none = try await F.get(app, "/monitor/gemeente/GM0355?vergelijk=eigen")
            #expect(none.status == .badRequest)
            #expect(none.body.contains("Kies bij &#39;eigen keuze&#39; een of meer gemeenten") || none.body.contains("Kies bij 'eigen keuze' een of meer gemeenten"))
            #expect(try await F.get(app, "/monitor/gemeente/GM0355?vergelijk=buren").status == .badRequest)
            #expect(try await F.get(app, "/monitor/gemeente/GM0355?vergelijk=grootte").status == .ok)
        }
    }

    @Test("a coalition sums its municipalities' counts; one hidden member hides the coalition's figure")
    func coalitionSums() async throws {
        try await F.withBirths { app in
            let both = Coalition(name: "Regio Zeist-Veenendaal", slug: "zeist-veenendaal")
            try await both.create(on: app.db)
            for code in ["GM0355", "GM0345"] { try await CoalitionMunicipality(coalitionID: both.id!, municipalityCode: code).create(on: app.db) }
            let card = F.card(try await F.get(app, "/monitor/coalitie/zeist-veenendaal?periode=jaar").body, "big2")
            // (90 + 26) / (300 + 200) = 23.2%
            #expect(card.contains("116 van 500"))
            #expect(card.contains("23,2%"))
            #expect(card.contains("Significant hoger dan Nederland"))
            #expect(card.contains("<th scope=\"row\">Midden</th><td class=\"num\">23,2%</td>"))

            let leaky = Coalition(name: "Zeist en Utrecht", slug: "zeist-utrecht")
            try await leaky.create(on: app.db)
            for code in ["GM0355", "GM0344"] { try await CoalitionMunicipality(coalitionID: leaky.id!, municipalityCode: code).create(on: app.db) }
            let hidden = F.card(try await F.get(app, "/monitor/coalitie/zeist-utrecht?periode=jaar").body, "big2")
            #expect(hidden.contains("niet getoond"))
            #expect(!hidden.contains("91 van 305"))
            #expect(!hidden.contains("29,8%"))
            #expect(try await F.get(app, "/monitor/coalitie/\(leaky.id!.uuidString)").status == .ok)
        }
    }

    @Test("stories of the coalition stand beside the numbers")
    func stories() async throws {
        try await F.withBirths { app in
            let c = Coalition(name: "Kansrijk Zeist", slug: "kz")
            try await c.create(on: app.db)
            try await CoalitionMunicipality(coalitionID: c.id!, municipalityCode: "GM0355").create(on: app.db)
            let day = Date(timeIntervalSince1970: 1_600_000_000)
            try await CoalitionStory(coalitionID: c.id!, title: "Samen naar de verloskundige", body: "Een moeder vertelt.", teller: .parent,
                                     phase: "zwangerschap-t1", theme: nil, partnerID: nil, toldOn: day, consentOn: day,
                                     consentForm: .written, recordedByID: nil, isPublic: true).create(on: app.db)
            let page = try await F.get(app, "/monitor/coalitie/kz").body
            #expect(page.contains("Verhalen uit de coalitie"))
            #expect(page.contains("Samen naar de verloskundige"))
            let municipality = try await F.get(app, "/monitor/gemeente/GM0355").body
            #expect(municipality.contains("Samen naar de verloskundige"))
            #expect(municipality.contains("/monitor/coalitie/kz"))
        }
    }
}
