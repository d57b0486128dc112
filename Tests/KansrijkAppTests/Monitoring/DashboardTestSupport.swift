import Foundation
import Testing
import Vapor
import VaporTesting
@testable import KansrijkApp

/// Five years (2017-2021) of births in a few real municipalities, with Big2 rates chosen so the
/// comparisons with the Netherlands are clear by hand:
/// Zeist (GM0355) 300 a year, 90 Big2 (30%, higher); Amsterdam (GM0363) 2000, 200 (10%, lower);
/// Veenendaal (GM0345) 200, 26 (13%, not different from NL ≈ 12.4%); Renswoude (GM0339) 40, 6
/// (too small for a year, 200 and 30 over five years); Utrecht (GM0344) 5, 1 (always hidden, also over five years).
enum DashboardFixtures {
    static let years = 2017...2021
    static let plan: [(code: String, children: Int, big2: Int)] = [
        ("GM0355", 300, 90), ("GM0363", 2000, 200), ("GM0345", 200, 26), ("GM0339", 40, 6), ("GM0344", 5, 1),
    ]

    static func births() -> String {
        var lines = [MonitoringFixtures.birthsHeader]
        for year in years {
            for p in plan {
                for i in 0..<p.children {
                    lines.append("\(year);\(p.code);\(i < p.big2 ? 35 : 39);0;50;0;1;60;0;3;midden")
                }
            }
        }
        return lines.joined(separator: "\n")
    }

    static func withBirths(_ body: (Application) async throws -> Void) async throws {
        try await withApp(demo: false) { app in
            let areas = try await AreaDimension.load(on: app.db)
            _ = try await CountStore.store(try BirthsImporter(areas: areas).aggregate(path: try MonitoringFixtures.file(births())), on: app.db)
            try await body(app)
        }
    }

    static func get(_ app: Application, _ path: String) async throws -> (status: HTTPStatus, body: String, headers: HTTPHeaders) {
        var out: (HTTPStatus, String, HTTPHeaders) = (.ok, "", [:])
        try await app.testing().test(.GET, path) { res in out = (res.status, res.body.string, res.headers) }
        return out
    }

    /// The text of the card of one indicator on a dashboard page.
    static func card(_ html: String, _ code: String) -> String {
        guard let start = html.range(of: "id=\"ind-\(code)\"") else { return "" }
        let rest = html[start.lowerBound...]
        return String(rest[..<(rest.range(of: "</article>")?.lowerBound ?? rest.endIndex)])
    }
}
