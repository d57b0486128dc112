import Foundation
import Testing
import Vapor
import VaporTesting
@testable import KansrijkApp

@Suite("Monitoring: maps", .serialized)
struct MapRouteTests {
    typealias F = DashboardFixtures

    @Test("the municipal map: five years by default, classes, hidden areas hatched, a table beside it")
    func municipalMap() async throws {
        try await F.withBirths { app in
            let res = try await F.get(app, "/monitor/kaart?indicator=big2")
            #expect(res.status == .ok)
            let page = res.body
            #expect(page.contains("class=\"nl-map\""))
            #expect(page.contains("<title id=\"kaart-titel\">"))
            #expect(page.contains("2017-2021"))
            // Utrecht is hidden: hatched, labelled, and its table row says so
            #expect(page.contains("href=\"/monitor/gemeente/GM0344\" class=\"m onbekend\""))
            #expect(page.contains("<title>Utrecht: &lt; 10, niet getoond</title>"))
            #expect(page.contains("Niet getoond (kleine aantallen)"))
            // Zeist is in the highest class and links to its dashboard
            #expect(page.contains("href=\"/monitor/gemeente/GM0355\" class=\"m c"))
            #expect(page.contains("<a href=\"/monitor/gemeente/GM0355\">Zeist</a></th><td class=\"num\">30,0%</td>"))
        }
    }

    @Test("one year, GGD regions, and the CSV with hidden figures left empty")
    func regionsAndCSV() async throws {
        try await F.withBirths { app in
            let regions = try await F.get(app, "/monitor/kaart?indicator=big2&jaar=2020&niveau=ggd-regio")
            #expect(regions.status == .ok)
            #expect(regions.body.contains("href=\"/monitor/ggd-regio/GG2514\""))
            let csv = try await F.get(app, "/monitor/kaart.csv?indicator=big2&jaar=2021&niveau=gemeente&periode=jaar")
            #expect(csv.status == .ok)
            #expect(csv.body.hasPrefix("\u{FEFF}code;gebied;periode;"))
            #expect(csv.body.contains("GM0355;Zeist;2021;90;300;30,0;"))
            let utrecht = csv.body.components(separatedBy: "\r\n").first { $0.hasPrefix("GM0344;") } ?? ""
            #expect(utrecht == "GM0344;Utrecht;2021;;;;;;< 10, niet getoond;")
        }
    }

    @Test("bad choices are explained with a 400; the CSV refuses them")
    func badInput() async throws {
        try await F.withBirths { app in
            let unknown = try await F.get(app, "/monitor/kaart?indicator=bestaat_niet")
            #expect(unknown.status == .badRequest)
            #expect(unknown.body.contains("Kies een indicator uit de lijst."))
            #expect(try await F.get(app, "/monitor/kaart?indicator=big2&jaar=1990").status == .badRequest)
            #expect(try await F.get(app, "/monitor/kaart?niveau=provincie").status == .badRequest)
            #expect(try await F.get(app, "/monitor/kaart.csv?jaar=abc").status == .badRequest)
        }
    }

    @Test("without data the map page says so")
    func empty() async throws {
        try await withApp(demo: false) { app in
            let res = try await F.get(app, "/monitor/kaart")
            #expect(res.status == .ok)
            #expect(res.body.contains("Er zijn nog geen cijfers ingelezen."))
        }
    }

    @Test("classes split published values into about equal groups")
    func classes() throws {
        let c = try #require(MapClasses(values: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], decimals: 1))
        #expect(c.count == 5)
        #expect(c.bounds == [3, 5, 7, 9])
        #expect(c.index(of: 1) == 0)
        #expect(c.index(of: 3) == 1)
        #expect(c.index(of: 10) == 4)
        #expect(c.ranges.first! == (1, 3))
        #expect(MapClasses(values: [], decimals: 1) == nil)
        #expect(MapClasses(values: [4, 4, 4], decimals: 1)?.count == 1)
    }
}
