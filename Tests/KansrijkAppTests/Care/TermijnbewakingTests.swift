import Foundation
import Testing
import Vapor
import VaporTesting
@testable import KansrijkApp

@Suite("Termijnbewaking: the overdue-referral ladder under its own name (issue 15)")
struct TermijnbewakingTests {
    @Test("the old path redirects permanently; the page, menu and mail say termijnbewaking, not escalatieladder")
    func renamed() async throws {
        try await withApp { app in
            var coordinator = try await Browser.signedIn(app, as: "coordinator@zeist.demo")
            let old = try await coordinator.get("/zorg/escalatie")
            #expect(old.status == .movedPermanently)
            #expect(old.headers.first(name: .location) == "/zorg/termijnbewaking")
            let page = try await coordinator.get("/zorg/termijnbewaking").body.string
            #expect(page.contains("<h1>Termijnbewaking</h1>") && !page.contains("Escalatieladder"))
            #expect(page.contains("action=\"/zorg/termijnbewaking/zeist/stappen\""))
            let home = try await coordinator.get("/zorg").body.string
            #expect(home.contains("href=\"/zorg/termijnbewaking\"") && home.contains("Termijnbewaking"))
            #expect(home.contains("href=\"/zorg/extra-zorg\""), "the named decision-maker finds her requests")
            let words = NotificationEvent.escalation(path: EscalationPaths.page, service: "Stevig Ouderschap", cause: .notAccepted, days: 6, role: .coordinator).words(.nl)
            #expect(words.subject.contains("termijnbewaking") && !words.paragraphs.joined().contains("escalatieladder"))
            #expect(Strings.text("escalation.title", .en) == "Deadline watch")
        }
    }
}
