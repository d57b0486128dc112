import Foundation
import Testing
import Vapor
import VaporTesting
@testable import KansrijkApp

/// Issue 15: the monitor opens on the signed-in user's own municipality, highlighted on the map;
/// visitors and platform administrators keep the national default.
@Suite("Monitoring: the user's own municipality", .serialized)
struct OwnMunicipalityTests {
    static let zeistOption = "<option value=\"GM0355\" selected>Zeist</option>"

    @Test("the landing page preselects and links the user's municipality; visitors and admins keep the default")
    func landing() async throws {
        try await withApp { app in
            // setup
            var policy = try await Browser.signedIn(app, as: "policy@zeist.demo")
            var borsele = try await Browser.signedIn(app, as: "coordinator@borsele.demo")
            var admin = try await Browser.signedIn(app, as: "admin@kansrijk.demo")
            var visitor = Browser(app)
            // act
            let own = try await policy.get("/monitor").body.string
            let other = try await borsele.get("/monitor").body.string
            let national = try await admin.get("/monitor").body.string
            let anonymous = try await visitor.get("/monitor").body.string
            // check
            #expect(own.contains(Self.zeistOption))
            #expect(own.contains("class=\"monitor-own\""))
            #expect(own.contains("href=\"/monitor/gemeente/GM0355\">De cijfers van uw gemeente: Zeist</a>"))
            #expect(other.contains("<option value=\"GM0654\" selected>Borsele</option>"))
            #expect(!other.contains(Self.zeistOption))
            for page in [national, anonymous] {
                #expect(!page.contains("class=\"monitor-own\""))
                #expect(!page.contains("\" selected>"), "no municipality chosen for the visitor")
            }
        }
    }

    @Test("the map outlines the user's municipality, names it in the legend and marks its row")
    func mapHighlight() async throws {
        try await withApp { app in
            // setup
            var policy = try await Browser.signedIn(app, as: "policy@zeist.demo")
            var visitor = Browser(app)
            // act
            let own = try await policy.get("/monitor/kaart")
            let anonymous = try await visitor.get("/monitor/kaart").body.string
            let regions = try await policy.get("/monitor/kaart?niveau=ggd-regio").body.string
            // check
            #expect(own.status == .ok)
            let page = own.body.string
            #expect(page.contains("<g class=\"own-highlight\""))
            #expect(page.contains("class=\"own-outline\""))
            #expect(page.contains("stroke-width=\"3\""))
            #expect(page.contains(">Zeist</text></g></svg>"), "the label is drawn last, on top")
            #expect(page.contains("Uw gemeente: Zeist (dikke rand)"))
            #expect(page.contains("<tr class=\"own-row\"><th scope=\"row\"><a href=\"/monitor/gemeente/GM0355\">Zeist</a>"))
            #expect(!anonymous.contains("own-highlight"))
            #expect(!anonymous.contains("own-row"))
            #expect(!regions.contains("own-highlight"), "regions are not the user's municipality")
        }
    }

    @Test("whose municipality: the organisation's, none for admins and visitors")
    func code() async throws {
        try await withApp { app in
            let users = try await User.query(on: app.db).all()
            func user(_ email: String) -> User? { users.first { $0.email == email } }
            #expect(try await OwnMunicipality.code(of: user("professional@apeldoorn.demo"), on: app.db) == DemoCatalog.apeldoorn)
            #expect(try await OwnMunicipality.code(of: user("policy@zeist.demo"), on: app.db) == DemoCatalog.zeist)
            #expect(try await OwnMunicipality.code(of: user("admin@kansrijk.demo"), on: app.db) == nil)
            #expect(try await OwnMunicipality.code(of: nil, on: app.db) == nil)
        }
    }

    @Test("the outline's bounds are read from the map's path data; a missing shape leaves the map as it was")
    func overlay() {
        let box = MapHighlight.bounds(of: "M10 20l5 -3l-2.5 10z")
        #expect(box?.minX == 10 && box?.maxX == 15 && box?.minY == 17 && box?.maxY == 27)
        let map = NationalMap(width: 560, height: 600, shapes: [.init(code: "GM1", path: "M10 20l5 -3l-2.5 10z")])
        let svg = "<svg viewBox=\"0 0 560 600\"><path d=\"x\"/></svg>"
        let marked = MapHighlight.highlight(svg, map: map, code: "GM1", label: "Zeist & co")
        #expect(marked.hasSuffix(">Zeist &amp; co</text></g></svg>"))
        #expect(marked.contains("d=\"M10 20l5 -3l-2.5 10z\" fill=\"none\""))
        let size = ChartText.size(viewBoxWidth: 560)
        #expect(marked.contains("font-size=\"\(ChartFormat.coordinate(size))\""))
        #expect(ChartText.pixels(size, viewBoxWidth: 560) >= 12)
        #expect(MapHighlight.highlight(svg, map: map, code: "GM2", label: "x") == svg)
    }
}
