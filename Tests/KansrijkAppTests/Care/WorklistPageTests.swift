import Fluent
import Foundation
import Testing
import Vapor
@testable import KansrijkApp

/// The worklist page and API (written in Swift and read with one SQL query): what a row shows,
/// escaping, the overdue mark and paging.
@Suite("Worklist pages")
struct WorklistPageTests {
    @Test("rows show client, service, sender, date and status; names are escaped; 51 referrals make two pages")
    func rowsAndPaging() async throws {
        try await withApp { app in
            // setup: one referral 20 days old (not accepted: overdue), then 51 in the last hour, newer than
            // any of the demo's (sent at least an hour ago); the newest client's name needs escaping
            let now = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))
            let oldAt = now.addingTimeInterval(-20 * 86_400 - 60)
            let old = try await ClientFixtures.client(app, name: "W.L. Oud", now: oldAt)
            _ = try await ClientFixtures.consent(app, client: old, from: oldAt.addingTimeInterval(-1))
            let overdue = try #require(try await ClientFixtures.referral(app, client: old, now: oldAt).id)
            var ids: [UUID] = []
            for i in 0..<51 {
                let at = now.addingTimeInterval(-Double(51 - i) * 60)
                let client = try await ClientFixtures.client(app, name: i == 50 ? "A<b>&\"Nieuw\"" : "W.L. Rij \(i)", now: at)
                _ = try await ClientFixtures.consent(app, client: client, from: at.addingTimeInterval(-1))
                ids.append(try #require(try await ClientFixtures.referral(app, client: client, now: at).id))
            }
            var jgz = try await Browser.signedIn(app, as: ClientFixtures.jgzEmail)

            // act
            let first = try await jgz.get("/zorg/verwijzingen?lijst=inkomend")
            let second = try await jgz.get("/zorg/verwijzingen?lijst=inkomend&pagina=2")
            let api = try await jgz.get("/api/zorg/verwijzingen?lijst=inkomend")
            let outgoing = try await jgz.get("/zorg/verwijzingen?lijst=uitgaand")

            // check: newest first, 50 on the first page with a link to the next
            #expect(first.status == .ok)
            let page1 = first.body.string
            #expect(page1.components(separatedBy: "<tr><td data-label=\"Cliënt\"><a href=\"/zorg/verwijzingen/").count - 1 == 50)
            #expect(page1.contains("href=\"/zorg/verwijzingen/\(ids[50].slug)\">A&lt;b&gt;&amp;&quot;Nieuw&quot; ("))
            #expect(!page1.contains("A<b>"))
            #expect(page1.contains("href=\"/zorg/verwijzingen/\(ids[49].slug)\">W.L. Rij 49 ("))
            #expect(!page1.contains(ids[0].slug))
            #expect(page1.contains("<td data-label=\"Hulp (dienst)\">Stevig Ouderschap</td><td data-label=\"Verwezen door\">Verloskundige Praktijk Zeist</td>"))
            #expect(page1.contains("<span class=\"status-badge status-requested\">Aangevraagd</span></td></tr>"))
            #expect(page1.contains("href=\"/zorg/verwijzingen?lijst=inkomend&amp;pagina=2\" rel=\"next\""))
            #expect(!page1.contains("rel=\"prev\""))
            // the rest on page two, the 20-day-old referral marked overdue, with a link back
            let page2 = second.body.string
            #expect(page2.contains(ids[0].slug))
            let overdueRow = try #require(page2.components(separatedBy: "<tr>").first { $0.contains(overdue.slug) })
            #expect(overdueRow.contains("Aangevraagd</span> <strong class=\"status-late\">te laat: geen reactie binnen 5 dagen (nu 20 dagen)</strong>"))
            #expect(page2.contains("href=\"/zorg/verwijzingen?lijst=inkomend\" rel=\"prev\""))
            // the API lists the same first page
            let rows = try api.content.decode([ReferralDTO].self)
            #expect(rows.map(\.id) == Array(ids.suffix(50).reversed()))
            #expect(rows.first?.referringOrganisation == "Verloskundige Praktijk Zeist")
            #expect(outgoing.body.string.contains("class=\"empty\""))
        }
    }
}
