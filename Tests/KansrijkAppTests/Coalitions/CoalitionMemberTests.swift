import Fluent
import Testing
import Vapor
import VaporTesting
@testable import KansrijkApp

@Suite("Coalition members: who works in the workspace", .serialized)
struct CoalitionMemberTests {
    @Test("a coordinator adds a colleague by e-mail, who then edits the coalition; bad input changes nothing")
    func addMember() async throws {
        try await withApp { app in
            // setup
            var coordinator = try await Browser.signedIn(app, as: "coordinator@zeist.demo")
            var borsele = try await Browser.signedIn(app, as: "coordinator@borsele.demo")
            #expect(try await borsele.get("\(Zeist.base)/bewerken").status == .forbidden)
            let before = try await CoalitionMember.query(on: app.db).count()

            // act + check: empty, unknown and duplicate addresses are refused in Dutch
            let empty = try await coordinator.post("\(Zeist.base)/leden", form: ["email": " "])
            #expect(empty.status == .unprocessableEntity)
            let unknown = try await coordinator.post("\(Zeist.base)/leden", form: ["email": "niemand@zeist.demo"])
            #expect(unknown.status == .unprocessableEntity)
            #expect(unknown.body.string.contains("Er is geen actief account met dit e-mailadres."))
            #expect(unknown.body.string.contains("value=\"niemand@zeist.demo\""), "the typed address is kept")
            let twice = try await coordinator.post("\(Zeist.base)/leden", form: ["email": "policy@zeist.demo"])
            #expect(twice.status == .unprocessableEntity)
            #expect(twice.body.string.contains("is al lid van deze coalitie."))
            #expect(try await CoalitionMember.query(on: app.db).count() == before)

            // act: a good address, in capitals
            let added = try await coordinator.post("\(Zeist.base)/leden", form: ["email": "Coordinator@Borsele.demo"])

            // check
            #expect(added.status == .seeOther)
            #expect(try await CoalitionMember.query(on: app.db).count() == before + 1)
            let list = try await coordinator.get("\(Zeist.base)/leden").body.string
            #expect(list.contains("coordinator@borsele.demo"))
            #expect(try await borsele.get("\(Zeist.base)/bewerken").status == .ok)
        }
    }

    @Test("a coordinator cannot remove themselves; removing another member ends their access")
    func removeMember() async throws {
        try await withApp { app in
            var coordinator = try await Browser.signedIn(app, as: "coordinator@zeist.demo")
            let own = DemoData.membershipID("coordinator@zeist.demo", "zeist").uuidString.lowercased()
            let refused = try await coordinator.post("\(Zeist.base)/leden/\(own)/verwijderen", form: [:])
            #expect(refused.status == .seeOther)
            #expect(try await CoalitionMember.find(DemoData.membershipID("coordinator@zeist.demo", "zeist"), on: app.db) != nil)
            let page = try await coordinator.get("\(Zeist.base)/leden").body.string
            #expect(page.contains("Je kunt jezelf niet verwijderen."))
            #expect(!page.contains("leden/\(own)/verwijderen"), "no remove button for oneself")
            #expect(page.contains("leden/\(DemoData.membershipID("policy@zeist.demo", "zeist").uuidString.lowercased())/verwijderen"))

            _ = try await coordinator.post("\(Zeist.base)/leden", form: ["email": "coordinator@borsele.demo"])
            let membership = try #require(try await CoalitionMember.query(on: app.db)
                .filter(\.$coalition.$id == DemoData.coalitionID("zeist"))
                .filter(\.$user.$id == StableID.make("demo:user:coordinator@borsele.demo")).first())
            let removed = try await coordinator.post("\(Zeist.base)/leden/\(membership.id!.uuidString.lowercased())/verwijderen", form: ["bevestigd": "ja"])
            #expect(removed.status == .seeOther)
            var borsele = try await Browser.signedIn(app, as: "coordinator@borsele.demo")
            #expect(try await borsele.get(Zeist.base).status == .forbidden)
        }
    }

    @Test("a membership of another coalition cannot be removed through this one")
    func otherCoalition() async throws {
        try await withApp { app in
            var coordinator = try await Browser.signedIn(app, as: "coordinator@zeist.demo")
            let foreign = DemoData.membershipID("coordinator@borsele.demo", "borsele").uuidString.lowercased()
            #expect(try await coordinator.post("\(Zeist.base)/leden/\(foreign)/verwijderen", form: [:]).status == .notFound)
            #expect(try await CoalitionMember.find(DemoData.membershipID("coordinator@borsele.demo", "borsele"), on: app.db) != nil)
        }
    }

    @Test("the coalition's tranche is the earliest of its municipalities'")
    func tranche() {
        #expect(CoalitionTranche.earliest([.three, .two, .noParticipation]) == .two)
        #expect(CoalitionTranche.earliest([.noParticipation]) == nil)
        #expect(CoalitionTranche.earliest([]) == nil)
    }
}
