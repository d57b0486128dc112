import Foundation
import Testing
import Vapor
@testable import KansrijkApp

@Suite("HSDS API: filters")
struct HSDSFilterTests {
    func names(_ app: Application, _ query: String) async throws -> [String] {
        try await app.hsds("/api/hsds/services?per_page=200&\(query)", as: HSDSPage<HSDSService>.self).contents.map(\.name)
    }

    @Test("search finds debt services by a word inside a compound")
    func search() async throws {
        try await withApp { app in
            let found = try await names(app, "search=schuld")
            #expect(found.contains("Schuldhulpverlening"))
            #expect(!found.contains("Vadergroep"))
        }
    }

    @Test("taxonomy_term_id, organization_id and taxonomy_id narrow the list")
    func byIDs() async throws {
        try await withApp { app in
            // setup
            let money = try #require(Term.find(.thema, "financien"))
            let expected = DemoCatalog.offers.filter { $0.themes.contains("financien") }.map(\.name).sorted()
            // act and check
            #expect(try await names(app, "taxonomy_term_id=\(money.id.hsds)").sorted() == expected)
            #expect(try await names(app, "organization_id=\(DemoData.orgID("vp-zeist").hsds)").sorted() == ["Centering Pregnancy", "MDO Kansrijke Start Zeist"])
            #expect(try await names(app, "organization_id=\(UUID().hsds)").isEmpty)
            let withEvidence = try await names(app, "taxonomy_id=\(Vocabulary.bewijs.id.hsds)&organization_id=\(DemoData.orgID("ggdru").hsds)")
            #expect(withEvidence.sorted() == ["Nu Niet Zwanger", "VoorZorg"])
            #expect(try await names(app, "taxonomy_id=\(UUID().hsds)").isEmpty)
        }
    }

    @Test("modified_after keeps what changed on or after the moment")
    func modifiedAfter() async throws {
        try await withApp { app in
            let all = try await app.hsds("/api/hsds/services?per_page=200", as: HSDSPage<HSDSService>.self).contents
            let newest = try #require(all.compactMap(\.lastModified).max())
            let encoded = newest.replacingOccurrences(of: ":", with: "%3A")
            let since = try await names(app, "modified_after=\(encoded)")
            #expect(Set(since).isSuperset(of: all.filter { $0.lastModified == newest }.map(\.name)))
            #expect(since.count < all.count)
            #expect(try await names(app, "modified_after=2000-01-01").count == all.count)
            #expect(try await names(app, "modified_after=2999-01-01T00%3A00%3A00%2B01%3A00").isEmpty)
        }
    }

    @Test("municipality puts local services first, then the region, then nationwide ones")
    func municipality() async throws {
        try await withApp { app in
            let page = try await app.hsds("/api/hsds/services?per_page=200&municipality=gm0654", as: HSDSPage<HSDSService>.self)
            let snapshot = app.directory.snapshot
            let tiers = page.contents.map { item -> Int in
                let s = snapshot.service(UUID(uuidString: item.id)!)!
                if s.areas.contains(where: { $0.municipalityCode == "GM0654" }) { return 0 }
                return s.isNationwide ? 2 : 1
            }
            #expect(tiers == tiers.sorted() && tiers.first == 0 && tiers.last == 2)
            #expect(!page.contents.map(\.name).contains("Centering Pregnancy"))
        }
    }

    @Test("phase and theme take our term codes")
    func phaseAndTheme() async throws {
        try await withApp { app in
            let expected = DemoCatalog.offers.filter { $0.phases.contains("kinderwens") && $0.themes.contains("financien") }.map(\.name).sorted()
            let found = try await names(app, "phase=kinderwens&theme=financien")
            #expect(!found.isEmpty && found.sorted() == expected)
        }
    }

    @Test("bad values are a 400 problem with a Dutch reason that names the parameter", arguments: [
        ("/api/hsds/services?page=abc", "page"), ("/api/hsds/services?per_page=0", "per_page"),
        ("/api/hsds/services?per_page=10000", "per_page"), ("/api/hsds/services?organization_id=abc", "organization_id"),
        ("/api/hsds/services?taxonomy_term_id=12", "taxonomy_term_id"), ("/api/hsds/services?taxonomy_id=x", "taxonomy_id"),
        ("/api/hsds/services?modified_after=gisteren", "modified_after"), ("/api/hsds/services?municipality=GM9999", "GM9999"),
        ("/api/hsds/services?phase=later", "phase"), ("/api/hsds/services?theme=geld", "theme"),
        ("/api/hsds/service_at_locations?per_page=-1", "per_page"), ("/api/hsds/organizations?page=0", "page"),
        ("/api/hsds/organizations/\(DemoData.orgID("vp-zeist").hsds)?full_service=misschien", "full_service"),
        ("/api/hsds/taxonomy_terms?top_only=ja", "top_only"), ("/api/hsds/taxonomy_terms?parent_id=1", "parent_id"),
    ])
    func badRequest(path: String, names parameter: String) async throws {
        try await withApp { app in
            let detail = try await app.hsdsProblem(path, .badRequest)
            #expect(detail.contains(parameter), "\(detail)")
        }
    }

    @Test("unknown and malformed ids in the path are a 404 problem", arguments: [
        "/api/hsds/services/not-a-uuid", "/api/hsds/services/\(UUID().hsds)", "/api/hsds/organizations/\(UUID().hsds)",
        "/api/hsds/service_at_locations/\(UUID().hsds)", "/api/hsds/taxonomies/x", "/api/hsds/taxonomy_terms/\(UUID().hsds)",
    ])
    func notFound(path: String) async throws {
        try await withApp { app in
            let detail = try await app.hsdsProblem(path, .notFound)
            #expect(detail.hasPrefix("Er is geen"))
        }
    }

    @Test("the full ranking used for taxonomy filters agrees with the search, order and count")
    func allMatchesAgreesWithSearch() async throws {
        try await withApp { app in
            let snapshot = app.directory.snapshot
            let queries = [DirectoryQuery(), DirectoryQuery(text: "moeder"), DirectoryQuery(text: "zwanger", municipality: "GM0355"),
                           DirectoryQuery(theme: "financien"), DirectoryQuery(municipality: "GM0200", includeInactive: true)]
            for q in queries {
                var paged = q
                paged.perPage = 200
                let results = snapshot.search(paged)
                let all = snapshot.allMatches(q)
                #expect(results.total == all.count)
                #expect(results.hits.map(\.service.id) == all.map { snapshot.services[$0].id })
            }
        }
    }
}
