import Foundation
import Testing
import Vapor
import VaporTesting
@testable import KansrijkApp

@Suite("Monitoring: indicator API", .serialized)
struct IndicatorAPITests {
    /// Zeist (GM0355): 200 children >= 24 weeks in 2021, 30 of them Big2 (20 preterm, 14 low weight, 4 both).
    /// Utrecht (GM0344): 5 children, to be suppressed.
    static func births() -> String {
        var lines = [MonitoringFixtures.birthsHeader]
        for i in 0..<200 {
            let preterm = i < 20, low = (16..<30).contains(i)
            lines.append("2021;GM0355;\(preterm ? 35 : 39);0;\(low ? "5,0" : "50");0;1;\(i % 4 == 0 ? "80" : "60");0;3;midden")
        }
        for _ in 0..<5 { lines.append("2021;GM0344;40;0;50;0;1;60;1;1;laag") }
        return lines.joined(separator: "\n")
    }

    func withBirths(_ body: (Application) async throws -> Void) async throws {
        try await withApp(demo: false) { app in
            let areas = try await AreaDimension.load(on: app.db)
            _ = try await CountStore.store(try BirthsImporter(areas: areas).aggregate(path: try MonitoringFixtures.file(Self.births())), on: app.db)
            try await body(app)
        }
    }

    func get(_ app: Application, _ path: String) async throws -> (HTTPStatus, [String: Any], String) {
        var out: (HTTPStatus, [String: Any], String) = (.ok, [:], "")
        try await app.testing().test(.GET, path) { res in
            out = (res.status, (try? JSONSerialization.jsonObject(with: Data(res.body.readableBytesView))) as? [String: Any] ?? [:],
                   res.headers.contentType?.serialize() ?? "")
        }
        return out
    }

    @Test("definitions list the RIVM codes")
    func list() async throws {
        try await withApp(demo: false) { app in
            try await app.testing().test(.GET, "/api/indicators") { res in
                #expect(res.status == .ok)
                let list = try JSONSerialization.jsonObject(with: Data(res.body.readableBytesView)) as? [[String: Any]] ?? []
                let codes = list.compactMap { $0["code"] as? String }
                #expect(Array(codes.prefix(4)) == ["big2", "vroeggeboorte", "laag_gewicht", "zorg_na_week_10"])
                #expect(list.first?["factor"] as? Int == 100 && list.first?["numerator"] as? String == "kinderen_ge24_big2")
            }
        }
    }

    @Test("a municipality's figure with its interval; a region and NL add up")
    func values() async throws {
        try await withBirths { app in
            let (status, json, _) = try await get(app, "/api/indicators/big2/values?area=GM0355&period=2021")
            #expect(status == .ok)
            #expect(json["numerator"] as? Int == 30 && json["denominator"] as? Int == 200)
            #expect(json["value"] as? Double == 15)
            #expect(json["suppressed"] as? Bool == false)
            let ci = json["interval95"] as? [String: Double]
            #expect(abs((ci?["low"] ?? 0) - 10.7) < 0.05 && abs((ci?["high"] ?? 0) - 20.6) < 0.05)
            #expect((json["area"] as? [String: Any])?["name"] as? String == "Zeist")
            let (_, late, _) = try await get(app, "/api/indicators/zorg_na_week_10/values?area=GM0355&period=2021")
            #expect(late["numerator"] as? Int == 50 && late["denominator"] as? Int == 200)
            let (_, preterm, _) = try await get(app, "/api/indicators/vroeggeboorte/values?area=GM0355&period=2021")
            #expect(preterm["numerator"] as? Int == 20)
            let (_, low, _) = try await get(app, "/api/indicators/laag_gewicht/values?area=GM0355&period=2021")
            #expect(low["numerator"] as? Int == 14)
            let (nlStatus, nl, _) = try await get(app, "/api/indicators/big2/values?area=NL01&period=2021")
            #expect(nlStatus == .ok && nl["denominator"] as? Int == 205)
            let (_, province, _) = try await get(app, "/api/indicators/big2/values?area=PV26&period=2021")
            #expect(province["denominator"] as? Int == 205)
        }
    }

    @Test("a suppressed figure carries no numerator, denominator, value or interval")
    func suppressed() async throws {
        try await withBirths { app in
            let (status, json, _) = try await get(app, "/api/indicators/big2/values?area=GM0344&period=2021")
            #expect(status == .ok)
            #expect(json["suppressed"] as? Bool == true && json["suppression_reason"] as? String == "klein-aantal")
            for key in ["numerator", "denominator", "value", "interval95"] { #expect(json[key] == nil || json[key] is NSNull, "\(key) leaked") }
            let cells = json["breakdowns"] as? [[String: Any]] ?? []
            #expect(cells.allSatisfy { $0["suppressed"] as? Bool == true && ($0["numerator"] == nil || $0["numerator"] is NSNull) })
        }
    }

    @Test("bad parameters are 400 and unknown things 404, as Dutch problem JSON")
    func errors() async throws {
        try await withBirths { app in
            let cases: [(String, UInt, String)] = [
                ("/api/indicators/big2/values?period=2021", 400, "Geef een gebied op"),
                ("/api/indicators/big2/values?area=XX12&period=2021", 400, "geen gebiedscode"),
                ("/api/indicators/big2/values?area=GM0355&period=2021-13", 400, "Geef een periode op"),
                ("/api/indicators/big2/values?area=GM0355&period=2021-Q1", 400, "jaarcijfers"),
                ("/api/indicators/big2/values?area=GM0355&period=2021&pool=3", 400, "pool"),
                ("/api/indicators/bestaat_niet/values?area=GM0355&period=2021", 404, "Onbekende indicator"),
                ("/api/indicators/big2/values?area=GM9998&period=2021", 404, "Onbekend gebied"),
                ("/api/indicators/big2/values?area=GM0017&period=2021", 404, "opgegaan in GM0014"),
                ("/api/indicators/big2/values?area=GM0355&period=2030", 404, "Geen gegevens"),
                ("/api/indicators/big2/values?area=GM0355&period=2021&pool=5", 404, "2017-2021 (5 jaar samen)"),
            ]
            for (path, status, detail) in cases {
                let (s, json, type) = try await get(app, path)
                #expect(s.code == status, "\(path)")
                #expect(type.hasPrefix("application/problem+json"), "\(path)")
                #expect((json["detail"] as? String)?.contains(detail) == true, "\(path): \(json["detail"] ?? "")")
            }
        }
    }
}
