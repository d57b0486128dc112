import Fluent
import Testing
import Vapor
import VaporTesting
@testable import KansrijkApp

/// Zorgpaden in draft and published (issue 15).
@Suite("Draft and published zorgpaden", .serialized)
struct PathwayDraftTests {
    static let title = "Zorgpad concept taal"

    /// Creates a pathway as Zeist's coordinator and returns its id (lowercased).
    static func createDraft(_ app: Application, _ coordinator: inout Browser) async throws -> String {
        try await coordinator.refreshToken(path: "/zorgpaden/nieuw")
        let created = try await coordinator.post("/zorgpaden/nieuw", form: [
            "title": title, "theme": "taal", "coalition": DemoData.coalitionID("zeist").uuidString.lowercased(), "summary": "",
        ])
        #expect(created.status == .seeOther)
        let pathway = try #require(try await Pathway.query(on: app.db).filter(\.$title == title).first())
        return pathway.id!.uuidString.lowercased()
    }

    @Test("a new zorgpad is a draft: its coordinator sees it, a professional and another coalition get 404 until it is published")
    func draftUntilPublished() async throws {
        try await withApp { app in
            // setup
            var coordinator = try await Browser.signedIn(app, as: "coordinator@zeist.demo")
            let id = try await Self.createDraft(app, &coordinator)
            var midwife = try await Browser.signedIn(app, as: "professional@zeist.demo")
            var borsele = try await Browser.signedIn(app, as: "coordinator@borsele.demo")

            // check: a draft
            #expect(try await Pathway.find(UUID(uuidString: id), on: app.db)?.isPublished == false)
            let own = try await coordinator.get("/zorgpaden/\(id)")
            #expect(own.status == .ok && own.body.string.contains("Concept") && own.body.string.contains("/zorgpaden/\(id)/publiceren"))
            #expect(try await coordinator.get("/zorgpaden").body.string.contains(Self.title))
            #expect(try await coordinator.get("/").body.string.contains("/zorgpaden/\(id)"), "the coordinator's start lists the draft to review")
            #expect(try await midwife.get("/zorgpaden/\(id)").status == .notFound)
            #expect(try await midwife.get("/zorgpaden/\(id)/afdrukken").status == .notFound)
            #expect(!(try await midwife.get("/zorgpaden").body.string.contains(Self.title)))
            #expect(try await borsele.get("/zorgpaden/\(id)").status == .notFound)

            // act: publish
            try await coordinator.refreshToken(path: "/zorgpaden/\(id)")
            #expect(try await coordinator.post("/zorgpaden/\(id)/publiceren", form: [:]).status == .seeOther)
            // check
            #expect(try await midwife.get("/zorgpaden/\(id)").status == .ok)
            #expect(try await midwife.get("/zorgpaden").body.string.contains(Self.title))
            #expect(!(try await coordinator.get("/").body.string.contains("/zorgpaden/\(id)")), "a published pathway is no longer to review")

            // act: back to draft
            #expect(try await coordinator.post("/zorgpaden/\(id)/concept", form: [:]).status == .seeOther)
            #expect(try await midwife.get("/zorgpaden/\(id)").status == .notFound)
        }
    }

    @Test("a draft does not count as agreed: coverage and a service's pathways leave it out")
    func draftNotAgreed() async throws {
        try await withApp { app in
            let zeist = DemoData.coalitionID("zeist")
            let before = try await Pathway.agreedCoverage(of: [zeist], on: app.db)
            let draft = Pathway(coalitionID: zeist, title: "Concept", theme: "taal", summary: "", isPublished: false)
            try await draft.create(on: app.db)
            let service = DemoData.serviceID("POP-poli")
            try await PathwayStep(pathwayID: draft.id!, phase: "0-1", position: 1, kind: .action, title: "Stap", description: "",
                                  serviceID: service).create(on: app.db)
            #expect(try await Pathway.agreedCoverage(of: [zeist], on: app.db).count == before.count)
            #expect(!(try await PathwaySteps.pathways(using: service, on: app.db)).contains { $0.id == draft.id!.uuidString.lowercased() })
            draft.isPublished = true
            try await draft.save(on: app.db)
            #expect(try await Pathway.agreedCoverage(of: [zeist], on: app.db).count == before.count + 1)
            #expect(try await PathwaySteps.pathways(using: service, on: app.db).contains { $0.id == draft.id!.uuidString.lowercased() })
        }
    }
}
