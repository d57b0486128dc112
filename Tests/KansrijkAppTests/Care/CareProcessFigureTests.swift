import Fluent
import Foundation
import Testing
@testable import KansrijkApp

@Suite("Care process figures in the progress report", .serialized)
struct CareProcessFigureTests {
    static func value(_ figures: [ProcessFigure], _ label: String) -> String? {
        figures.first { $0.label == label }?.value
    }

    @Test("the demo's nine Zeist referrals stay hidden; three more make twelve, counted per municipality and year")
    func referrals() async throws {
        try await withApp { app in
            // setup: the demo sends nine referrals for Zeist clients in the last weeks
            let year = Calendar(identifier: .gregorian).component(.year, from: Date())
            let source = CareProcessFigures()
            let before = try await source.figures(municipalities: ["GM0355"], year: year, on: app.db)
            #expect(Self.value(before, "Verwijzingen verstuurd") == "< 10")
            #expect(Self.value(before, "Dagen tot eerste contact (mediaan)") == "< 10 verwijzingen")

            // act: three more referrals like an existing one, requested this year
            let template = try #require(try await Referral.query(on: app.db).first())
            for _ in 0..<3 {
                let r = Referral()
                r.serviceID = template.serviceID; r.serviceName = template.serviceName; r.reason = "Test"; r.agreed = "Test"
                r.consentID = template.consentID; r.status = .requested; r.requestedAt = template.requestedAt
                r.statusChangedAt = template.requestedAt
                r.$client.id = template.$client.id; r.$referringOrganisation.id = template.$referringOrganisation.id
                r.$receivingOrganisation.id = template.$receivingOrganisation.id; r.$referredBy.id = template.$referredBy.id
                try await r.create(on: app.db)
            }
            let after = try await source.figures(municipalities: ["GM0355"], year: year, on: app.db)

            // check: twelve sent in Zeist; none elsewhere, none the year before; the country counts Zeist too
            #expect(Self.value(after, "Verwijzingen verstuurd") == "12")
            #expect(Self.value(after, "Verwijzingen nu aangevraagd") == "< 10")
            #expect(try await source.figures(municipalities: ["GM0363"], year: year, on: app.db).isEmpty, "nothing recorded in Amsterdam")
            #expect(try await source.figures(municipalities: ["GM0355"], year: year - 10, on: app.db).isEmpty, "nothing recorded ten years ago")
            #expect(Self.value(try await source.figures(municipalities: nil, year: year, on: app.db), "Verwijzingen verstuurd") == "12")
            #expect(after.allSatisfy { $0.source == CareProcessFigures.source })
        }
    }

    @Test("the report's process figures include the care room's")
    func registered() async throws {
        try await withApp { app in
            let year = Calendar(identifier: .gregorian).component(.year, from: Date())
            let figures = try await app.processFigureSources.figures(municipalities: ["GM0355"], year: year, on: app.db)
            #expect(figures.contains { $0.label == "Signaleringen afgerond" })
            #expect(figures.contains { $0.label == "Casussen besproken in het MDO" })
        }
    }

    @Test("median of odd and even counts")
    func median() {
        #expect(CareProcessFigures.median([3, 1, 2]) == 2)
        #expect(CareProcessFigures.median([4, 1, 2, 3]) == 2.5)
        #expect(CareProcessFigures.median([]) == 0)
    }
}
