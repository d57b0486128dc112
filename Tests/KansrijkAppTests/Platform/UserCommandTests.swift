import Fluent
import Testing
import Vapor
@testable import KansrijkApp

@Suite("kansrijk user create", .serialized)
struct UserCommandTests {
    @Test("creates a user who can log in; refuses bad input without storing anything")
    func create() async throws {
        try await withApp { app in
            let made = try await NewUser(email: "Nieuw@Zeist.demo", name: "Nieuwe Collega", role: "professional",
                                         organisation: "Verloskundige Praktijk Zeist", coalition: "zeist")
                .create(password: "een-lang-wachtwoord", on: app)
            #expect(made.email == "nieuw@zeist.demo")
            var b = Browser(app)
            try await b.refreshToken(path: "/inloggen")
            let res = try await b.post("/inloggen", form: ["email": "nieuw@zeist.demo", "password": "een-lang-wachtwoord"])
            #expect(res.status == .seeOther)

            let before = try await User.query(on: app.db).count()
            let bad: [(NewUser, String)] = [
                (NewUser(email: "geen-adres", role: "admin", organisation: "Gemeente Zeist"), "een-lang-wachtwoord"),
                (NewUser(email: "a@b.nl", role: "baas", organisation: "Gemeente Zeist"), "een-lang-wachtwoord"),
                (NewUser(email: "a@b.nl", role: "admin", organisation: "Bestaat Niet"), "een-lang-wachtwoord"),
                (NewUser(email: "a@b.nl", role: "admin", organisation: "Gemeente Zeist"), "kort"),
                (NewUser(email: "nieuw@zeist.demo", role: "admin", organisation: "Gemeente Zeist"), "een-lang-wachtwoord"),
                (NewUser(email: "b@b.nl", role: "admin", organisation: "Gemeente Zeist", coalition: "nergens"), "een-lang-wachtwoord"),
            ]
            for (user, password) in bad {
                await #expect(throws: CommandFailure.self) { try await user.create(password: password, on: app) }
            }
            #expect(try await User.query(on: app.db).count() == before, "a failed create leaves nothing behind")
        }
    }
}
