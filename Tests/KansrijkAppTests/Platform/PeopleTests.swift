import Fluent
import Testing
import Vapor
import VaporTesting
@testable import KansrijkApp

/// "Mensen" (issue #14): who sees and changes which accounts, the last admin, and signing out.
@Suite("Managing people", .serialized)
struct PeopleTests {
    static func user(_ email: String, _ app: Application) async throws -> User {
        try #require(try await User.find(email: email, on: app.db), "no demo account \(email)")
    }

    @Test("a coordinator sees the accounts of her coalitions only, and finds them by name or e-mail")
    func list() async throws {
        try await withApp { app in
            // setup
            var coordinator = try await Browser.signedIn(app, as: "coordinator@zeist.demo")
            // act
            let all = try await coordinator.get("/beheer/mensen").body.string
            let found = try await coordinator.get("/beheer/mensen?q=jeugdverpleeg").body.string
            let policy = try await coordinator.get("/beheer/mensen?rol=policy").body.string
            let inactive = try await coordinator.get("/beheer/mensen?actief=nee").body.string
            // check
            #expect(all.contains("jgz@zeist.demo") && all.contains("professional@zeist.demo"))
            #expect(!all.contains("coordinator@borsele.demo") && !all.contains("professional@apeldoorn.demo"))
            #expect(found.contains("jgz@zeist.demo") && !found.contains("professional@zeist.demo"))
            #expect(policy.contains("policy@zeist.demo") && !policy.contains("jgz@zeist.demo"))
            #expect(!inactive.contains("jgz@zeist.demo") && inactive.contains("Niemand gevonden"))
        }
    }

    @Test("a coordinator of another coalition can neither see nor change a Zeist account by its id (404)")
    func otherCoalition() async throws {
        try await withApp { app in
            // setup
            let jgz = try await Self.user("jgz@zeist.demo", app)
            let path = AdminPaths.person(try jgz.requireID())
            var borsele = try await Browser.signedIn(app, as: "coordinator@borsele.demo")
            // act
            let page = try await borsele.get(path)
            let deactivate = try await borsele.post(path + "/deactiveren", form: [:])
            let role = try await borsele.post(path + "/rol", form: ["rol": "coordinator"])
            // check
            #expect(page.status == .notFound && deactivate.status == .notFound && role.status == .notFound)
            let after = try await Self.user("jgz@zeist.demo", app)
            #expect(after.isActive && after.role == .professional)
            #expect(!(try await borsele.get("/beheer/mensen")).body.string.contains("jgz@zeist.demo"))
        }
    }

    @Test("a coordinator changes a role within her coalition, but never makes anyone admin")
    func roles() async throws {
        try await withApp { app in
            // setup
            let jgz = try await Self.user("jgz@zeist.demo", app)
            let path = AdminPaths.person(try jgz.requireID())
            var coordinator = try await Browser.signedIn(app, as: "coordinator@zeist.demo")
            try await coordinator.refreshToken(path: path)
            // act
            let admin = try await coordinator.post(path + "/rol", form: ["rol": "admin"])
            let nonsense = try await coordinator.post(path + "/rol", form: ["rol": "baas"])
            let policy = try await coordinator.post(path + "/rol", form: ["rol": "policy"])
            // check
            #expect(admin.status == .forbidden)
            #expect(nonsense.status == .unprocessableEntity && nonsense.body.string.contains("Kies een van de mogelijkheden."))
            #expect(policy.status == .seeOther)
            #expect(try await Self.user("jgz@zeist.demo", app).role == .policy)
            #expect(!(try await coordinator.get(path)).body.string.contains("value=\"admin\""), "the admin role is not offered to a coordinator")
        }
    }

    @Test("a coordinator sees an admin who is a member of her coalition, but cannot change her")
    func adminInCoalition() async throws {
        try await withApp { app in
            // setup
            let admin = try await Self.user("admin@kansrijk.demo", app)
            let zeist = try #require(try await Coalition.query(on: app.db).filter(\.$slug == "zeist").first()).requireID()
            try await CoalitionMember(coalitionID: zeist, userID: admin.requireID()).create(on: app.db)
            let path = AdminPaths.person(try admin.requireID())
            var coordinator = try await Browser.signedIn(app, as: "coordinator@zeist.demo")
            // act
            let page = try await coordinator.get(path)
            let deactivate = try await coordinator.post(path + "/deactiveren", form: [:])
            let demote = try await coordinator.post(path + "/rol", form: ["rol": "professional"])
            // check
            #expect(page.status == .ok && !page.body.string.contains("/deactiveren"))
            #expect(deactivate.status == .forbidden && demote.status == .forbidden)
            let after = try await Self.user("admin@kansrijk.demo", app)
            #expect(after.isActive && after.role == .admin)
        }
    }

    @Test("nobody deactivates or demotes her own account here")
    func ownAccount() async throws {
        try await withApp { app in
            // setup
            let me = try await Self.user("coordinator@zeist.demo", app)
            let path = AdminPaths.person(try me.requireID())
            var coordinator = try await Browser.signedIn(app, as: "coordinator@zeist.demo")
            // act
            let deactivate = try await coordinator.post(path + "/deactiveren", form: [:])
            let demote = try await coordinator.post(path + "/rol", form: ["rol": "professional"])
            // check
            #expect(deactivate.status == .conflict && deactivate.body.string.contains("eigen account niet uitzetten"))
            #expect(demote.status == .conflict)
            let after = try await Self.user("coordinator@zeist.demo", app)
            #expect(after.isActive && after.role == .coordinator)
            #expect((try await coordinator.get("/beheer/mensen")).status == .ok)
        }
    }

    @Test("deactivating ends every session of the account; reactivating does not bring them back")
    func deactivationSignsOut() async throws {
        try await withApp { app in
            // setup
            let jgz = try await Self.user("jgz@zeist.demo", app)
            let path = AdminPaths.person(try jgz.requireID())
            var nurse = try await Browser.signedIn(app, as: "jgz@zeist.demo")
            var midwife = try await Browser.signedIn(app, as: "professional@zeist.demo")
            #expect((try await nurse.get("/zorgpaden")).status == .ok)
            var admin = try await Browser.signedIn(app, as: "admin@kansrijk.demo")
            // act
            let off = try await admin.post(path + "/deactiveren", form: [:])
            #expect(try await Self.user("jgz@zeist.demo", app).isActive == false)
            let on = try await admin.post(path + "/activeren", form: [:])
            // check
            #expect(off.status == .seeOther && on.status == .seeOther)
            #expect(try await Self.user("jgz@zeist.demo", app).isActive)
            let next = try await nurse.get("/zorgpaden")
            #expect(next.status == .seeOther && (next.headers.first(name: .location) ?? "").hasPrefix("/inloggen"), "her old session is gone")
            #expect((try await midwife.get("/zorgpaden")).status == .ok, "other people's sessions stay")
            _ = try await Browser.signedIn(app, as: "jgz@zeist.demo")
        }
    }

    @Test("a deactivated account cannot sign in")
    func deactivatedCannotSignIn() async throws {
        try await withApp { app in
            // setup
            let jgz = try await Self.user("jgz@zeist.demo", app)
            var coordinator = try await Browser.signedIn(app, as: "coordinator@zeist.demo")
            _ = try await coordinator.post(AdminPaths.person(try jgz.requireID()) + "/deactiveren", form: [:])
            // act
            var b = Browser(app)
            try await b.refreshToken(path: "/inloggen")
            let res = try await b.post("/inloggen", form: ["email": "jgz@zeist.demo", "password": testPassword])
            // check
            #expect(res.status != .seeOther)
            #expect((try await b.get("/zorg")).status == .seeOther)
        }
    }

    @Test("the admin moves an account to another organisation and sets its coalitions; a coordinator cannot")
    func placement() async throws {
        try await withApp { app in
            // setup
            let jgz = try await Self.user("jgz@zeist.demo", app)
            let path = AdminPaths.person(try jgz.requireID()) + "/organisatie"
            let borsele = try #require(try await Coalition.query(on: app.db).filter(\.$slug == "borsele").first()).requireID()
            let form = ["organisation": DemoData.orgID("cjg-borsele").slug, "coalitie[]": borsele.slug]
            var coordinator = try await Browser.signedIn(app, as: "coordinator@zeist.demo")
            var admin = try await Browser.signedIn(app, as: "admin@kansrijk.demo")
            // act
            let refused = try await coordinator.post(path, form: form)
            let bad = try await admin.post(path, form: ["organisation": "geen-id"])
            let moved = try await admin.post(path, form: form)
            // check
            #expect(refused.status == .forbidden && bad.status == .unprocessableEntity && moved.status == .seeOther)
            let after = try await Self.user("jgz@zeist.demo", app)
            #expect(after.$organisation.id == DemoData.orgID("cjg-borsele"))
            let coalitions = try await CoalitionMember.query(on: app.db).filter(\.$user.$id == after.requireID()).all().map { $0.$coalition.id }
            #expect(coalitions == [borsele])
        }
    }

    @Test("the last active admin is neither deactivated nor demoted")
    func lastAdmin() async throws {
        try await withApp { app in
            // setup: the demo's only admin, changed by a coordinator-less path (the desk itself)
            let admin = try await Self.user("admin@kansrijk.demo", app)
            let other = try await Self.user("coordinator@zeist.demo", app)
            #expect(try await User.query(on: app.db).filter(\.$role == .admin).filter(\.$isActive == true).count() == 1)
            // act, check
            await #expect(throws: PeopleRefusal.lastAdmin) {
                _ = try await PeopleDesk.apply(.deactivate, to: admin.requireID(), by: other, on: app.db, logger: app.logger)
            }
            await #expect(throws: PeopleRefusal.lastAdmin) {
                _ = try await PeopleDesk.apply(.role(.coordinator), to: admin.requireID(), by: other, on: app.db, logger: app.logger)
            }
            let after = try await Self.user("admin@kansrijk.demo", app)
            #expect(after.isActive && after.role == .admin)
        }
    }

    @Test("two admins demoting each other at the same time leave one admin")
    func demotionRace() async throws {
        try await withApp { app in
            // setup: a second admin
            let first = try await Self.user("admin@kansrijk.demo", app)
            let second = try await Self.user("coordinator@borsele.demo", app)
            let db = app.db, logger = app.logger
            func demote(_ target: User, by actor: User) async -> Bool {
                do { _ = try await PeopleDesk.apply(.role(.professional), to: target.requireID(), by: actor, on: db, logger: logger); return true }
                catch { return false }
            }
            // several rounds, so the two transactions overlap at least once on PostgreSQL
            for round in 1...10 {
                for admin in [first, second] { admin.role = .admin; try await admin.save(on: db) }
                // act
                async let a = demote(second, by: first)
                async let b = demote(first, by: second)
                let results = await [a, b]
                // check
                #expect(results.filter { $0 }.count == 1, "round \(round): exactly one demotion wins: \(results)")
                #expect(try await User.query(on: db).filter(\.$role == .admin).filter(\.$isActive == true).count() == 1, "round \(round)")
            }
        }
    }

    @Test("the administration index lists the tools a visitor may use, and only routes that exist")
    func index() async throws {
        try await withApp { app in
            // setup
            var coordinator = try await Browser.signedIn(app, as: "coordinator@zeist.demo")
            var professional = try await Browser.signedIn(app, as: "professional@zeist.demo")
            // act
            let page = try await coordinator.get("/beheer").body.string
            // check
            #expect(page.contains("href=\"/beheer/mensen\"") && page.contains("href=\"/beheer/organisaties\""))
            #expect(!page.contains("href=\"/beheer/email\""), "the outbox is the admin's")
            let registered = Set(app.routes.all.map { "/" + $0.path.map(\.description).joined(separator: "/") })
            #expect(page.contains("href=\"/beheer/uitnodigingen\"") == registered.contains("/beheer/uitnodigingen"))
            var admin = try await Browser.signedIn(app, as: "admin@kansrijk.demo")
            let adminPage = try await admin.get("/beheer").body.string
            #expect(adminPage.contains("href=\"/beheer/email\"") == registered.contains("/beheer/email"))
            #expect((try await professional.get("/beheer")).status == .forbidden)
        }
    }
}
