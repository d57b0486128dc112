import Fluent
import Foundation
import Testing
import Vapor
@testable import KansrijkApp

/// The client page (written in Swift, its rows read with SQL): every section, escaping, the forms.
@Suite("Client page")
struct ClientPageTests {
    @Test("details, consent with its withdraw form, involvements and referrals; the name is escaped")
    func sections() async throws {
        try await withApp { app in
            // setup
            let now = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))
            let client = try await ClientFixtures.client(app, name: "R.<i>S</i> & Zn", now: now.addingTimeInterval(-120))
            let consent = try await ClientFixtures.consent(app, client: client, from: now.addingTimeInterval(-90))
            let referral = try await ClientFixtures.referral(app, client: client, now: now.addingTimeInterval(-60))
            let midwifeUser = try await ClientFixtures.user(ClientFixtures.midwifeEmail, app)
            _ = try await ConsentRecords.record(ClientConsentForm.Valid(
                givenBy: .parent, purposes: [.mdo, .shareSummary], organisations: [DemoData.orgID("schuldhulp-zeist"), ClientFixtures.jgzOrg],
                validFrom: now.addingTimeInterval(-30), validUntil: nil, recordedHow: .verbal),
                client: client, basis: .ownInvolvement, by: midwifeUser, on: app.db, now: now.addingTimeInterval(-30))
            var midwife = try await Browser.signedIn(app, as: ClientFixtures.midwifeEmail)

            // act
            let res = try await midwife.get("/zorg/clienten/\(client.id!.slug)")
            let html = res.body.string
            let csrf = try #require(html.range(of: #"name="csrf" value=""#).map { String(html[$0.upperBound...].prefix { $0 != "\"" }) })

            // check
            #expect(res.status == .ok)
            #expect(html.contains("<h1>R.&lt;i&gt;S&lt;/i&gt; &amp; Zn <span class=\"muted\">\(client.code)</span></h1>"))
            #expect(!html.contains("<i>S</i>"))
            #expect(html.contains("<title>Cliënt \(client.code) · Kansrijk</title>"))
            #expect(html.contains("<dt>Gemeente</dt><dd>Zeist</dd>"))
            // closing is a link to its confirmation form, never a one-click post (issue #15)
            #expect(html.contains("<a class=\"button-link\" href=\"/zorg/clienten/\(client.id!.slug)/afsluiten\">Zorg afsluiten</a>"))
            #expect(!html.contains("action=\"/zorg/clienten/\(client.id!.slug)/afsluiten\""))
            #expect(html.contains("action=\"/zorg/clienten/\(client.id!.slug)/toestemming/\(consent.id!.slug)/intrekken\""))
            #expect(html.contains("<td data-label=\"Organisaties\">Jeugdgezondheidszorg Zeist</td>"))
            // each consent once, newest first, with all its organisations in alphabetical order
            #expect(html.components(separatedBy: "/intrekken\"").count - 1 == 2)
            #expect(html.contains("<td data-label=\"Organisaties\">Jeugdgezondheidszorg Zeist, Schuldhulpverlening Zeist</td>"))
            #expect(html.range(of: "Jeugdgezondheidszorg Zeist, Schuldhulpverlening Zeist")!.lowerBound
                    < html.range(of: "/toestemming/\(consent.id!.slug)/intrekken")!.lowerBound)
            #expect(html.contains("<li>Verloskundige Praktijk Zeist ("))
            #expect(html.contains("<li>Jeugdgezondheidszorg Zeist ("))
            #expect(html.contains("<tr><td data-label=\"Hulp (dienst)\"><a href=\"/zorg/verwijzingen/\(referral.id!.slug)\">Stevig Ouderschap</a></td><td data-label=\"Organisatie\">Jeugdgezondheidszorg Zeist</td>"))
            #expect(html.contains("href=\"/zorg/clienten/\(client.id!.slug)/verwijzen\""))
            // the forms work with the page's token: closing the record with a reason
            let closed = try await midwife.post("/zorg/clienten/\(client.id!.slug)/afsluiten", form: ["csrf": csrf, "reason": "zorg-afgerond"])
            #expect(closed.status == .seeOther)
            #expect(try await CareClient.find(client.id, on: app.db)?.closedAt != nil)
        }
    }
}
