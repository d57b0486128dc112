import Testing
@testable import KansrijkApp

@Suite("Settings from the environment")
struct SettingsTests {
    @Test("SQLite file is the default; migrations and demo on")
    func defaults() throws {
        let s = try Settings.fromEnvironment(["KANSRIJK_ROOT": "/x"])
        #expect(s.database == .sqliteFile(path: "./kansrijk.sqlite"))
        #expect(s.autoMigrate && s.loadDemoWhenEmpty)
        #expect(s.rootDirectory == "/x/")
    }

    @Test("DATABASE_URL switches to PostgreSQL, without automatic migration")
    func postgres() throws {
        let s = try Settings.fromEnvironment(["DATABASE_URL": "postgres://u@localhost/db"])
        #expect(s.database == .postgres(url: "postgres://u@localhost/db"))
        #expect(!s.autoMigrate)
        let forced = try Settings.fromEnvironment(["DATABASE_URL": "postgres://u@localhost/db", "KANSRIJK_AUTO_MIGRATE": "1"])
        #expect(forced.autoMigrate)
    }

    @Test("every problem is reported at once")
    func problems() {
        #expect(throws: SettingsError.self) {
            try Settings.fromEnvironment(["DATABASE_URL": "mysql://x", "KANSRIJK_BCRYPT_COST": "99", "KANSRIJK_DEMO_PASSWORD": "kort"])
        }
        do {
            _ = try Settings.fromEnvironment(["DATABASE_URL": "mysql://x", "KANSRIJK_BCRYPT_COST": "99", "KANSRIJK_DEMO_PASSWORD": "kort"])
        } catch let e as SettingsError {
            #expect(e.problems.count == 3)
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }
}
