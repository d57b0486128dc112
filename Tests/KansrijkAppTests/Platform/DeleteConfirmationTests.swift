import Fluent
import Testing
import Vapor
import VaporTesting
@testable import KansrijkApp

/// Every delete asks first (issue 15): a post without "Ja, verwijderen" shows the question and
/// removes nothing; the box unticked on the question page gives a Dutch error; ticked, it deletes.
@Suite("Confirmation before a delete", .serialized)
struct DeleteConfirmationTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var path: String
        var back: String
        var shows: String
        var exists: @Sendable (any Database) async throws -> Bool
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "a coalition's story", path: "\(Zeist.base)/verhalen/\(Zeist.story)/verwijderen", back: "\(Zeist.base)/verhalen",
             shows: "het verhaal ‘", exists: { try await CoalitionStory.find(DemoCoalitions.storyID("zeist", 1), on: $0) != nil }),
        Case(name: "an ambition's goal", path: "\(Zeist.base)/ambities/\(Zeist.ambition)/doelen/\(Zeist.goal)/verwijderen",
             back: "\(Zeist.base)/ambities/\(Zeist.ambition)", shows: "het doel ‘",
             exists: { try await AmbitionGoal.find(DemoCoalitions.goalID("zeist", 2), on: $0) != nil }),
        Case(name: "a coalition's membership", path: "\(Zeist.base)/leden/\(Zeist.policyMembership)/verwijderen", back: "\(Zeist.base)/leden",
             shows: "het lidmaatschap van ‘Bo Beleid’",
             exists: { try await CoalitionMember.find(DemoData.membershipID("policy@zeist.demo", "zeist"), on: $0) != nil }),
        Case(name: "a stage reached", path: "\(Zeist.base)/fasen/\(Zeist.stage)/verwijderen", back: "\(Zeist.base)/fasen",
             shows: "de fase ‘", exists: { try await StageMilestone.find(DemoCoalitions.stageID("zeist", .monitoring), on: $0) != nil }),
    ]

    @Test("asks, refuses an unticked box in Dutch, then deletes", arguments: cases)
    func confirm(_ c: Case) async throws {
        try await withApp { app in
            var coordinator = try await Browser.signedIn(app, as: "coordinator@zeist.demo")
            try await coordinator.refreshToken(path: c.back)

            // act: the list's button
            let asked = try await coordinator.post(c.path, form: [:])
            // check: the question, naming what goes, with the box and a way back; nothing deleted
            #expect(asked.status == .ok)
            let page = asked.body.string
            #expect(page.contains("Weet u zeker dat u \(c.shows)"), "\(c.name)")
            #expect(page.contains("name=\"bevestigd\" value=\"ja\"") && page.contains("<label class=\"check\" for=\"f-bevestigd\">"))
            #expect(page.contains("action=\"\(c.path)\"") && page.contains("href=\"\(c.back)\""))
            #expect(try await c.exists(app.db))

            // act: the question page sent without the box
            let unticked = try await coordinator.post(c.path, form: ["vraag": "1"])
            #expect(unticked.status == .unprocessableEntity)
            #expect(unticked.body.string.contains("Vink ‘Ja, verwijderen’ aan"))
            #expect(unticked.body.string.contains("aria-invalid=\"true\" aria-describedby=\"e-bevestigd\""))
            #expect(try await c.exists(app.db))

            // act: ticked
            let done = try await coordinator.post(c.path, form: ["vraag": "1", "bevestigd": "ja"])
            #expect(done.status == .seeOther)
            #expect(!(try await c.exists(app.db)))
        }
    }

    @Test("the question is asked after the access check: another coalition's coordinator learns nothing")
    func accessFirst() async throws {
        try await withApp { app in
            var borsele = try await Browser.signedIn(app, as: "coordinator@borsele.demo")
            let res = try await borsele.post("\(Zeist.base)/verhalen/\(Zeist.story)/verwijderen", form: [:])
            #expect(res.status == .forbidden || res.status == .notFound)
            #expect(!res.body.string.contains("Weet u zeker"))
        }
    }

    @Test("a pathway step and an organisation's location ask too")
    func otherRooms() async throws {
        try await withApp { app in
            var coordinator = try await Browser.signedIn(app, as: "coordinator@zeist.demo")
            let pathway = StableID.make("demo:pathway:zeist-financien").uuidString.lowercased()
            let step = try #require(try await PathwayStep.query(on: app.db).filter(\.$pathway.$id == UUID(uuidString: pathway)!).first())
            try await coordinator.refreshToken(path: "/zorgpaden/\(pathway)/bewerken")
            let asked = try await coordinator.post("/zorgpaden/\(pathway)/stappen/\(step.id!.uuidString.lowercased())/verwijderen", form: [:])
            #expect(asked.status == .ok && asked.body.string.contains("Weet u zeker dat u de stap ‘\(step.title)’ wilt verwijderen?"))
            #expect(try await PathwayStep.find(step.id, on: app.db) != nil)

            var admin = try await Browser.signedIn(app, as: "admin@kansrijk.demo")
            let vp = DemoData.orgID("vp-zeist")
            let location = StableID.make("demo:location:vp-zeist")
            try await admin.refreshToken(path: AdminPaths.organisation(vp))
            let askedLocation = try await admin.post(AdminPaths.location(vp, location) + "/verwijderen", form: [:])
            #expect(askedLocation.status == .ok && askedLocation.body.string.contains("Weet u zeker dat u de locatie ‘"))
            #expect(try await Location.find(location, on: app.db) != nil)
        }
    }
}
