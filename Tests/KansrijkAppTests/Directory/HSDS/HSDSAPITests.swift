import Foundation
import Testing
import Vapor
@testable import KansrijkApp

@Suite("HSDS API: endpoints and shapes")
struct HSDSAPITests {
    @Test("the root gives the HSDS version and where the OpenAPI document is")
    func root() async throws {
        try await withApp { app in
            let root = try await app.hsds("/api/hsds/", as: HSDSRoot.self)
            #expect(root.version == "3.0")
            #expect(root.openapiURL.hasSuffix("/api/openapi.json"))
            #expect(root.profile.hasPrefix("https://"))
        }
    }

    @Test("services list every demo service, by name, with their organisation")
    func servicesList() async throws {
        try await withApp { app in
            // act
            let page = try await app.hsds("/api/hsds/services", as: HSDSPage<HSDSService>.self)
            // check
            let snapshot = app.directory.snapshot
            #expect(page.totalItems == snapshot.services.count)
            #expect(page.contents.map(\.id) == snapshot.services.map(\.id.hsds))
            #expect(page.contents.allSatisfy { $0.organization?.id == $0.organizationID && $0.serviceAreas == nil })
            #expect((page.pageNumber, page.firstPage, page.lastPage, page.empty) == (1, true, true, false))
        }
    }

    @Test("pages of 5 cover every service once")
    func servicesPaging() async throws {
        try await withApp { app in
            let total = app.directory.snapshot.services.count
            var seen: [String] = []
            let pages = (total + 4) / 5
            for number in 1...pages {
                let page = try await app.hsds("/api/hsds/services?per_page=5&page=\(number)", as: HSDSPage<HSDSService>.self)
                #expect(page.totalPages == pages)
                #expect(page.lastPage == (number == pages))
                seen += page.contents.map(\.id)
            }
            #expect(seen.count == total && Set(seen).count == total)
            let beyond = try await app.hsds("/api/hsds/services?per_page=5&page=\(pages + 1)", as: HSDSPage<HSDSService>.self)
            #expect(beyond.contents.isEmpty && beyond.lastPage && !beyond.empty)
        }
    }

    @Test("one service comes fully nested: areas, attributes with terms, our fields, places with address")
    func serviceDetail() async throws {
        try await withApp { app in
            // setup
            let id = DemoData.serviceID("Centering Pregnancy")
            // act
            let s = try await app.hsds("/api/hsds/services/\(id.hsds)", as: HSDSService.self)
            // check
            #expect(s.organization?.name == "Verloskundige Praktijk Zeist")
            #expect(s.serviceAreas?.map(\.name) == ["Zeist"])
            #expect(s.serviceAreas?.first?.uri == "https://identifier.overheid.nl/tooi/id/gemeente/gm0355")
            let attributes = s.attributes ?? []
            #expect(attributes.allSatisfy { $0.linkEntity == "service" && $0.linkID == id.hsds && $0.taxonomyTerm?.id == $0.taxonomyTermID })
            let phase = try #require(Term.find(.fase, "zwangerschap-t1"))
            #expect(attributes.contains { $0.taxonomyTermID == phase.id.hsds && $0.linkType == "phase" && $0.taxonomyTerm?.taxonomyDetail?.id == Vocabulary.fase.id.hsds })
            #expect(attributes.contains { $0.taxonomyTermID == HSDSField.accessRoute.termID.hsds && $0.value == AccessRoute.selfReferral.rawValue })
            #expect(attributes.contains { $0.taxonomyTermID == HSDSField.parentSummary.termID.hsds && ($0.value ?? "").hasPrefix("Je krijgt") })
            #expect(s.languages?.map(\.code) == ["nl"])
            #expect(s.contacts?.first?.name == "Sanne Voorbeeld" && s.contacts?.first?.phones?.count == 1)
            #expect(s.schedules?.first?.description == "Tien bijeenkomsten van twee uur, op dinsdagavond")
            let address = try #require(s.serviceAtLocations?.first?.location?.addresses?.first)
            #expect((address.address1, address.city, address.region, address.stateProvince, address.country) == ("Slotlaan 10", "Zeist", "Zeist", "Utrecht", "NL"))
        }
    }

    @Test("a service without areas says it is nationwide")
    func nationwide() async throws {
        try await withApp { app in
            let s = try await app.hsds("/api/hsds/services/\(DemoData.serviceID("Keuzehulp ongewenste zwangerschap").hsds)", as: HSDSService.self)
            #expect(s.serviceAreas?.map(\.name) == ["Nederland"])
            #expect(s.serviceAtLocations == [])
        }
    }

    @Test("organisations: list by name, search, detail with locations, services and our fields")
    func organizations() async throws {
        try await withApp { app in
            let all = try await app.hsds("/api/hsds/organizations?per_page=200", as: HSDSPage<HSDSOrganization>.self)
            #expect(all.totalItems == DemoCatalog.organisations.count)
            #expect(all.contents.allSatisfy { $0.services == nil && $0.locations == nil })
            let found = try await app.hsds("/api/hsds/organizations?search=verloskundige%20zeist", as: HSDSPage<HSDSOrganization>.self)
            #expect(found.contents.map(\.name) == ["Verloskundige Praktijk Zeist"])

            let id = DemoData.orgID("vp-zeist").hsds
            let o = try await app.hsds("/api/hsds/organizations/\(id)", as: HSDSOrganization.self)
            #expect(o.services?.map(\.name).sorted() == ["Centering Pregnancy", "MDO Kansrijke Start Zeist"])
            #expect(o.services?.allSatisfy { $0.serviceAreas == nil } == true)
            #expect(o.locations?.first?.addresses?.first?.postalCode == "3701 GB")
            #expect(o.attributes?.map(\.value) == ["verloskunde", "GM0355"])
            let full = try await app.hsds("/api/hsds/organizations/\(id)?full_service=true", as: HSDSOrganization.self)
            #expect(full.services?.allSatisfy { $0.serviceAreas?.isEmpty == false && $0.organization == nil } == true)
        }
    }

    @Test("service_at_locations: one per place, paged, and each one in full")
    func serviceAtLocations() async throws {
        try await withApp { app in
            let places = app.directory.snapshot.services.reduce(0) { $0 + $1.places.count }
            let page = try await app.hsds("/api/hsds/service_at_locations?per_page=200", as: HSDSPage<HSDSServiceAtLocation>.self)
            #expect(page.totalItems == places && page.contents.count == places)
            #expect(page.contents.allSatisfy { $0.service?.id == $0.serviceID && $0.location?.id == $0.locationID })
            let second = try await app.hsds("/api/hsds/service_at_locations?per_page=3&page=2", as: HSDSPage<HSDSServiceAtLocation>.self)
            #expect(second.contents.map(\.id) == Array(page.contents[3..<6]).map(\.id))

            let first = try #require(page.contents.first)
            let one = try await app.hsds("/api/hsds/service_at_locations/\(first.id)", as: HSDSServiceAtLocation.self)
            #expect(one.service?.serviceAreas != nil && one.location?.addresses != nil && one.serviceID == first.serviceID)
        }
    }

    @Test("taxonomies and terms: our four vocabularies and the extension fields")
    func taxonomies() async throws {
        try await withApp { app in
            let taxonomies = try await app.hsds("/api/hsds/taxonomies", as: HSDSPage<HSDSTaxonomy>.self)
            #expect(taxonomies.contents.map(\.id) == Vocabulary.allCases.map(\.id.hsds) + [HSDSField.taxonomyID.hsds])
            let phases = try await app.hsds("/api/hsds/taxonomy_terms?taxonomy_id=\(Vocabulary.fase.id.hsds)", as: HSDSPage<HSDSTaxonomyTerm>.self)
            #expect(phases.contents.map(\.id) == Term.phases.map(\.id.hsds))
            let top = try await app.hsds("/api/hsds/taxonomy_terms?top_only=true&per_page=200", as: HSDSPage<HSDSTaxonomyTerm>.self)
            #expect(top.totalItems == Term.all.count + HSDSField.allCases.count)
            let term = try await app.hsds("/api/hsds/taxonomy_terms/\(Term.phases[0].id.hsds)", as: HSDSTaxonomyTerm.self)
            #expect(term.code == "fase:kinderwens" && term.taxonomyDetail?.name == Vocabulary.fase.name)
            let taxonomy = try await app.hsds("/api/hsds/taxonomies/\(Vocabulary.thema.id.hsds)", as: HSDSTaxonomy.self)
            #expect(taxonomy.name == Vocabulary.thema.name)
        }
    }
}
