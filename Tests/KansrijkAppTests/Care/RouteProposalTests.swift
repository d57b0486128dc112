import Foundation
import Testing
@testable import KansrijkApp

/// Ranking of the route proposal: safety first, then the heaviest needs; services of the client's
/// municipality and phase; the coalition's zorgpad steps for her phase.
@Suite("Route proposal")
struct RouteProposalTests {
    static let definition = ScreeningScoringTests.small

    @Test("needs are ranked: urgent first, then by weight")
    func ranking() {
        // debts 8 (financien), no support 3 (eenzaamheid), violence 1 but urgent (huiselijk-geweld)
        let score = ScreeningScore.score(["steun": "nee", "veilig": "geweld", "schulden": "veel"], with: Self.definition)
        let needs = RouteProposal.needs(from: score)
        #expect(needs.map(\.theme) == ["huiselijk-geweld", "financien", "eenzaamheid"])
        #expect(needs[0].urgent && !needs[1].urgent)
        #expect(needs[1].weight == 8 && needs[2].weight == 3)
        // without violence the heaviest need leads
        let calm = ScreeningScore.score(["steun": "nee", "veilig": "ja", "schulden": "beetje"], with: Self.definition)
        #expect(RouteProposal.needs(from: calm).map(\.theme) == ["financien", "eenzaamheid"])
        // protection alone asks for nothing
        #expect(RouteProposal.needs(from: ScreeningScore.score(["steun": "ja", "schulden": "nee"], with: Self.definition)).isEmpty)
    }

    @Test("services come from the client's municipality first and fit the phase; pathway steps of her phase")
    func services() throws {
        let zeist = "GM0355", utrecht = "GM0344"
        func service(_ name: String, theme: String, phase: String, area: String?) -> ServiceRecord {
            ServiceRecord(id: UUID(), organisationID: UUID(), organisationName: "Org", name: name, description: "", status: .active,
                          applicationProcess: "", accessRoute: .selfReferral, capacity: .available,
                          termIDs: [Term.find(.thema, theme)!.id, Term.find(.fase, phase)!.id],
                          areas: area.map { [.init(id: UUID(), municipalityCode: $0)] } ?? [], languages: [], schedules: [], contacts: [], places: [])
        }
        let snapshot = DirectorySnapshot(services: [
            service("Schuldhulp Utrecht", theme: "financien", phase: "zwangerschap-t2", area: utrecht),
            service("Schuldhulp Zeist", theme: "financien", phase: "zwangerschap-t2", area: zeist),
            service("Geldcursus na geboorte", theme: "financien", phase: "0-1", area: zeist),
            service("Landelijke geldlijn", theme: "financien", phase: "zwangerschap-t2", area: nil),
        ], municipalities: [.init(code: zeist, name: "Zeist", ggdCode: "GG3214"), .init(code: utrecht, name: "Utrecht", ggdCode: "GG3214")])
        let pathway = RouteProposal.PathwayInput(id: UUID(), title: "Zorgpad schulden", theme: "financien", steps: [
            .init(phase: "0-1", position: 1, kind: .followUp, title: "Nazorg", serviceID: nil),
            .init(phase: "zwangerschap-t2", position: 2, kind: .referral, title: "Verwijs naar schuldhulp", serviceID: nil),
            .init(phase: "zwangerschap-t2", position: 1, kind: .signal, title: "Vraag naar geldzorgen", serviceID: nil),
        ])
        let other = RouteProposal.PathwayInput(id: UUID(), title: "Zorgpad verslaving", theme: "verslaving", steps: [])
        let score = ScreeningScore.score(["steun": "ja", "veilig": "ja", "schulden": "veel"], with: Self.definition)
        let proposal = RouteProposal.make(score: score, municipality: zeist, phase: "zwangerschap-t2", directory: snapshot, pathways: [pathway, other])
        let item = try #require(proposal.items.first)
        #expect(proposal.items.count == 1 && item.need.theme == "financien" && !proposal.safeguarding)
        #expect(item.services.map(\.service.name) == ["Schuldhulp Zeist", "Schuldhulp Utrecht", "Landelijke geldlijn"])
        #expect(item.pathways.map(\.title) == ["Zorgpad schulden"])
        #expect(item.pathways[0].steps.map(\.title) == ["Vraag naar geldzorgen", "Verwijs naar schuldhulp"])
    }
}
