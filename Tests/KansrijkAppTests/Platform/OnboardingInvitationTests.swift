import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import KansrijkApp

/// Invitations (issue #14): who may invite whom, the mailed single-use link, expiry, tokens stored
/// only as hashes, existing accounts, resend and revoke, and the daily limit.
@Suite("Onboarding: invitations", .serialized)
struct OnboardingInvitationTests {
    static let invitee = "nieuw@verloskunde-zeist.example"

    static func coalitionID(_ slug: String, _ app: Application) async throws -> String {
        try #require(try await Coalition.query(on: app.db).filter(\.$slug == slug).first()?.id).uuidString
    }

    static func inviteForm(_ email: String, role: Role, org: String, coalitions: [String]) -> String {
        var fields = ["email=\(email.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)", "role=\(role.rawValue)",
                      "organisation=\(DemoData.orgID(org).uuidString)", "taal=nl"]
        fields += coalitions.map { "coalitions%5B%5D=\($0)" }
        return fields.joined(separator: "&")
    }

    static func post(_ browser: inout Browser, _ path: String, _ body: String) async throws -> TestingHTTPResponse {
        try await browser.post(path, body: body + "&csrf=" + (browser.csrf ?? ""))
    }

    @Test("an admin's invitation is mailed with a link that is stored only as its hash, works once and signs the invitee in")
    func inviteAndAccept() async throws {
        try await withApp { app in
            // setup
            var admin = try await Browser.signedIn(app, as: "admin@kansrijk.demo")
            let zeist = try await Self.coalitionID("zeist", app)
            // act: invite
            let res = try await Self.post(&admin, "/beheer/uitnodigingen/nieuw", Self.inviteForm(Self.invitee, role: .coordinator, org: "vp-zeist", coalitions: [zeist]))
            let link = try await OnboardingFixture.link(to: Self.invitee, .invitation, prefix: "/uitnodiging/", app)
            let token = OnboardingFixture.token(of: link)
            // check: without SMTP the answer shows the link once, privately
            #expect(res.status == .ok && res.body.string.contains(link))
            #expect(res.headers.first(name: "Referrer-Policy") == "no-referrer")
            #expect(!(try await admin.get("/beheer/uitnodigingen")).body.string.contains(token))
            // check: the database holds the hash, never the token (the session neither)
            #expect(token.count == 43)
            let stored = try await OnboardingFixture.storedTexts(Invitation.schema, app)
            #expect(!stored.contains(token))
            #expect(stored.contains(OnboardingToken.hash(token)))
            #expect(!(try await OnboardingFixture.storedTexts("_fluent_sessions", app)).contains(token))
            // act: accept
            var invitee = Browser(app)
            let form = try await invitee.get(link)
            #expect(form.status == .ok)
            #expect(form.headers.first(name: "Referrer-Policy") == "no-referrer")
            #expect(form.body.string.contains(Self.invitee))
            try await invitee.refreshToken(path: link)
            let accepted = try await invitee.post(link, form: ["name": "Nina Nieuw", "password": "een lange zin als wachtwoord", "password2": "een lange zin als wachtwoord"])
            // check: her account, signed in
            #expect(accepted.status == .seeOther)
            #expect(accepted.headers.first(name: .location) == "/")
            let user = try #require(try await User.find(email: Self.invitee, on: app.db))
            #expect(user.role == .coordinator && user.name == "Nina Nieuw" && user.$organisation.id == DemoData.orgID("vp-zeist"))
            let memberships = try await CoalitionMember.query(on: app.db).filter(\.$user.$id == user.requireID()).all().map { $0.$coalition.id.uuidString }
            #expect(memberships == [zeist])
            let account = try await invitee.get("/account")
            #expect(account.status == .ok && account.body.string.contains("Nina Nieuw"))
            // act, check: the link works once
            var again = Browser(app)
            let second = try await again.get(link)
            #expect(second.status == .gone)
            #expect(second.body.string.contains("nieuwe uitnodiging"))
            try await invitee.refreshToken(path: "/account")
            let replay = try await invitee.post(link, form: ["name": "X", "password": "nog een lange zin hier", "password2": "nog een lange zin hier"])
            #expect(replay.status == .gone)
        }
    }

    @Test("two acceptances of one invitation at once: exactly one account, one refusal")
    func raceUsesLinkOnce() async throws {
        try await withApp { app in
            // setup
            let admin = try #require(try await User.find(email: "admin@kansrijk.demo", on: app.db))
            let policy = try await InvitationPolicy.load(for: admin, on: app.db)
            _ = try await InvitationDesk.invite(.init(email: Self.invitee, role: .professional, organisationID: DemoData.orgID("vp-zeist"),
                                                      coalitionIDs: [], language: .nl),
                                                by: .init(policy: policy, name: "A", organisation: "B"), baseURL: "http://x", on: app.db, now: Date())
            let id = try #require(try await Invitation.query(on: app.db).filter(\.$email == Self.invitee).first()?.id)
            // act
            async let first: Bool = (try? await InvitationDesk.accept(id, name: "Een", passwordHash: "x", on: app.db, now: Date())) != nil
            async let second: Bool = (try? await InvitationDesk.accept(id, name: "Twee", passwordHash: "x", on: app.db, now: Date())) != nil
            let results = await [first, second]
            // check
            #expect(results.filter { $0 }.count == 1)
            #expect(try await User.query(on: app.db).filter(\.$email == Self.invitee).count() == 1)
        }
    }

    @Test("an expired invitation (after 7 days) shows the one clear page, for the form and the post")
    func expiry() async throws {
        try await withApp { app in
            // setup
            var admin = try await Browser.signedIn(app, as: "admin@kansrijk.demo")
            _ = try await Self.post(&admin, "/beheer/uitnodigingen/nieuw", Self.inviteForm(Self.invitee, role: .professional, org: "vp-zeist", coalitions: []))
            let invitation = try #require(try await Invitation.query(on: app.db).filter(\.$email == Self.invitee).first())
            #expect(abs(invitation.expiresAt.timeIntervalSince(invitation.createdAt) - 7 * 86_400) < 1)
            let link = try await OnboardingFixture.link(to: Self.invitee, .invitation, prefix: "/uitnodiging/", app)
            var invitee = Browser(app)
            try await invitee.refreshToken(path: link)
            // act
            try await OnboardingFixture.expireAll(Invitation.schema, app)
            let page = try await invitee.get(link)
            let post = try await invitee.post(link, form: ["name": "Nina", "password": "een lange zin als wachtwoord", "password2": "een lange zin als wachtwoord"])
            // check
            #expect(page.status == .gone && page.body.string.contains("coördinator"))
            #expect(post.status == .gone)
            #expect(try await User.find(email: Self.invitee, on: app.db) == nil)
        }
    }

    @Test("a coordinator invites only into her own coalitions and never an admin; professionals and policy advisors do not invite")
    func whoMayInviteWhom() async throws {
        try await withApp { app in
            // setup
            let zeist = try await Self.coalitionID("zeist", app), borsele = try await Self.coalitionID("borsele", app)
            var coordinator = try await Browser.signedIn(app, as: "coordinator@borsele.demo")
            // act: an edited form with Zeist's id, an admin role, or no coalition
            let intoZeist = try await Self.post(&coordinator, "/beheer/uitnodigingen/nieuw", Self.inviteForm(Self.invitee, role: .professional, org: "vp-zeist", coalitions: [zeist]))
            let intoBoth = try await Self.post(&coordinator, "/beheer/uitnodigingen/nieuw", Self.inviteForm(Self.invitee, role: .professional, org: "vp-zeist", coalitions: [borsele, zeist]))
            let admin = try await Self.post(&coordinator, "/beheer/uitnodigingen/nieuw", Self.inviteForm(Self.invitee, role: .admin, org: "vp-zeist", coalitions: [borsele]))
            let none = try await Self.post(&coordinator, "/beheer/uitnodigingen/nieuw", Self.inviteForm(Self.invitee, role: .professional, org: "vp-zeist", coalitions: []))
            // check
            #expect(intoZeist.status == .forbidden)
            #expect(intoBoth.status == .forbidden)
            #expect(admin.status == .forbidden)
            #expect(none.status == .unprocessableEntity)
            #expect(try await Invitation.query(on: app.db).filter(\.$email == Self.invitee).count() == 0)
            #expect(try await MailMessage.query(on: app.db).filter(\.$to == Self.invitee).count() == 0)
            // her own coalition, any organisation, the roles she may give: allowed
            for role in [Role.professional, .coordinator, .policy] {
                let res = try await Self.post(&coordinator, "/beheer/uitnodigingen/nieuw", Self.inviteForm("\(role.rawValue)@x.example", role: role, org: "vp-zeist", coalitions: [borsele]))
                #expect(res.status == .ok, "\(role)")
            }
            // professionals and policy advisors: no page, no post
            for email in ["professional@zeist.demo", "policy@zeist.demo"] {
                var browser = try await Browser.signedIn(app, as: email)
                #expect(try await browser.get("/beheer/uitnodigingen/nieuw").status == .forbidden)
                let res = try await Self.post(&browser, "/beheer/uitnodigingen/nieuw", Self.inviteForm(Self.invitee, role: .professional, org: "vp-zeist", coalitions: [zeist]))
                #expect(res.status == .forbidden, "\(email)")
            }
            #expect(try await Invitation.query(on: app.db).filter(\.$email == Self.invitee).count() == 0)
        }
    }

    @Test("inviting an address with an account adds the coalition, keeps role and organisation, and mails a notice")
    func existingAccount() async throws {
        try await withApp { app in
            // setup
            let zeist = try await Self.coalitionID("zeist", app)
            var coordinator = try await Browser.signedIn(app, as: "coordinator@zeist.demo")
            let existing = try #require(try await User.find(email: "professional@apeldoorn.demo", on: app.db))
            // act: as a coordinator, with the role an admin would have
            let res = try await Self.post(&coordinator, "/beheer/uitnodigingen/nieuw", Self.inviteForm("professional@apeldoorn.demo", role: .coordinator, org: "vp-zeist", coalitions: [zeist]))
            // check
            #expect(res.status == .seeOther)
            let after = try #require(try await User.find(email: "professional@apeldoorn.demo", on: app.db))
            #expect(after.role == existing.role && after.$organisation.id == existing.$organisation.id)
            let memberships = try await CoalitionMember.query(on: app.db).filter(\.$user.$id == after.requireID()).all().map { $0.$coalition.id.uuidString }
            #expect(memberships.contains(zeist))
            let notice = try await OnboardingFixture.mails(to: "professional@apeldoorn.demo", .invitation, app)
            #expect(notice.count == 1 && notice[0].textBody.contains("/inloggen"))
            let list = try await coordinator.get("/beheer/uitnodigingen")
            #expect(list.body.string.contains("heeft al een account"))
        }
    }

    @Test("a new invitation or a resend replaces the old link; a revoked one stops working; another coalition's coordinator cannot touch it")
    func resendRevokeReplace() async throws {
        try await withApp { app in
            // setup
            let zeist = try await Self.coalitionID("zeist", app)
            var coordinator = try await Browser.signedIn(app, as: "coordinator@zeist.demo")
            _ = try await Self.post(&coordinator, "/beheer/uitnodigingen/nieuw", Self.inviteForm(Self.invitee, role: .professional, org: "vp-zeist", coalitions: [zeist]))
            let first = try await OnboardingFixture.link(to: Self.invitee, .invitation, prefix: "/uitnodiging/", app)
            // act: invited again
            _ = try await Self.post(&coordinator, "/beheer/uitnodigingen/nieuw", Self.inviteForm(Self.invitee, role: .professional, org: "vp-zeist", coalitions: [zeist]))
            let second = try await OnboardingFixture.link(to: Self.invitee, .invitation, prefix: "/uitnodiging/", app)
            var visitor = Browser(app)
            #expect(second != first)
            #expect(try await visitor.get(first).status == .gone)
            #expect(try await visitor.get(second).status == .ok)
            // act: resend
            let open = try #require(try await Invitation.query(on: app.db).filter(\.$email == Self.invitee).filter(\.$revokedAt == nil).first())
            let list = try await coordinator.get("/beheer/uitnodigingen")
            #expect(list.body.string.contains(Self.invitee))
            var other = try await Browser.signedIn(app, as: "coordinator@borsele.demo")
            #expect(!(try await other.get("/beheer/uitnodigingen")).body.string.contains(Self.invitee))
            #expect(try await other.post("/beheer/uitnodigingen/opnieuw", form: ["uitnodiging": open.id!.uuidString]).status == .notFound)
            #expect(try await other.post("/beheer/uitnodigingen/intrekken", form: ["uitnodiging": open.id!.uuidString]).status == .notFound)
            #expect(try await visitor.get(second).status == .ok)
            let resent = try await coordinator.post("/beheer/uitnodigingen/opnieuw", form: ["uitnodiging": open.id!.uuidString])
            #expect(resent.status == .ok)
            let third = try await OnboardingFixture.link(to: Self.invitee, .invitation, prefix: "/uitnodiging/", app)
            #expect(try await visitor.get(second).status == .gone)
            #expect(try await visitor.get(third).status == .ok)
            // act: revoke
            let current = try #require(try await Invitation.query(on: app.db).filter(\.$email == Self.invitee).filter(\.$revokedAt == nil).first())
            let revoked = try await coordinator.post("/beheer/uitnodigingen/intrekken", form: ["uitnodiging": current.id!.uuidString])
            #expect(revoked.status == .seeOther)
            #expect(try await visitor.get(third).status == .gone)
            // an admin's invitation into Zeist and Borsele is not hers to resend: it would grant Borsele
            var admin = try await Browser.signedIn(app, as: "admin@kansrijk.demo")
            let borsele = try await Self.coalitionID("borsele", app)
            _ = try await Self.post(&admin, "/beheer/uitnodigingen/nieuw", Self.inviteForm("beide@x.example", role: .professional, org: "vp-zeist", coalitions: [zeist, borsele]))
            let both = try #require(try await Invitation.query(on: app.db).filter(\.$email == "beide@x.example").first())
            #expect(try await coordinator.post("/beheer/uitnodigingen/opnieuw", form: ["uitnodiging": both.id!.uuidString]).status == .notFound)
            #expect(try await OnboardingFixture.mails(to: "beide@x.example", .invitation, app).count == 1)
        }
    }

    @Test("an inviter sends at most 50 invitations a day")
    func dailyLimit() async throws {
        try await withApp { app in
            // setup
            let coordinator = try #require(try await User.find(email: "coordinator@zeist.demo", on: app.db))
            let policy = try await InvitationPolicy.load(for: coordinator, on: app.db)
            let inviter = InvitationDesk.Inviter(policy: policy, name: "Kim", organisation: "Gemeente Zeist")
            let zeist = try #require(policy.coalitions.first?.id)
            func invite(_ n: Int) async throws {
                _ = try await InvitationDesk.invite(.init(email: "p\(n)@x.example", role: .professional, organisationID: DemoData.orgID("vp-zeist"),
                                                          coalitionIDs: [zeist], language: .nl), by: inviter, baseURL: "http://x", on: app.db, now: Date())
            }
            // act
            for n in 0..<InvitationDesk.perDay { try await invite(n) }
            // check
            await #expect(throws: InvitationDesk.Refusal.tooMany) { try await invite(99) }
            #expect(try await MailMessage.query(on: app.db).filter(\.$to == "p99@x.example").count() == 0)
        }
    }

    @Test("the invitation's password: at least 10 characters, twice the same, not the address; errors named next to the field")
    func passwordRules() async throws {
        try await withApp { app in
            // setup
            var admin = try await Browser.signedIn(app, as: "admin@kansrijk.demo")
            _ = try await Self.post(&admin, "/beheer/uitnodigingen/nieuw", Self.inviteForm(Self.invitee, role: .professional, org: "vp-zeist", coalitions: []))
            let link = try await OnboardingFixture.link(to: Self.invitee, .invitation, prefix: "/uitnodiging/", app)
            var invitee = Browser(app)
            try await invitee.refreshToken(path: link)
            // act, check
            for (password, repeated, message) in [("kort", "kort", "minstens 10 tekens"), ("lang genoeg 1", "lang genoeg 2", "niet gelijk"),
                                                  (Self.invitee, Self.invitee, "niet uw e-mailadres"), ("wachtwoord123", "wachtwoord123", "heel vaak")] {
                let res = try await invitee.post(link, form: ["name": "Nina", "password": password, "password2": repeated])
                #expect(res.status == .unprocessableEntity)
                #expect(res.body.string.contains(message), "\(password)")
                #expect(res.body.string.contains("error-summary"))
            }
            #expect(try await User.find(email: Self.invitee, on: app.db) == nil)
            #expect(try await invitee.get(link).status == .ok)
        }
    }
}
