import Testing
import Vapor
import VaporTesting
@testable import KansrijkApp

/// Tap-to-call numbers and the parents' layout (issue 15).
@Suite("Phone links and parents' pages")
struct PhoneLinkTests {
    @Test("Dutch numbers as written become one international tel: address",
          arguments: [
              ("030 654 3210", "tel:+31306543210"),
              ("030-6543210", "tel:+31306543210"),
              ("(030) 654 32 10", "tel:+31306543210"),
              ("+31 30 654 3210", "tel:+31306543210"),
              ("0031 30 654 3210", "tel:+31306543210"),
              ("06-12345678", "tel:+31612345678"),
              ("030 123 4567 (toets 2)", "tel:+31301234567"),
              ("0800 000 1234", "tel:08000001234"),
              ("14 030", "tel:14030"),
              ("112", "tel:112"),
          ])
    func normalised(_ written: String, _ href: String) {
        #expect(PhoneLink.href(written) == href)
    }

    @Test("text without a number gives no link")
    func noNumber() {
        #expect(PhoneLink.href("bel ons") == nil)
        #expect(PhoneLink.href("") == nil)
    }

    @Test("a parent's service page: no professionals' menu, the number as a tap-to-call link")
    func parentPage() async throws {
        try await withApp { app in
            let id = DemoData.serviceID("POP-poli").uuidString.lowercased()
            let res = try await app.sendRequest(.GET, "/ouders/aanbod/\(id)")
            #expect(res.status == .ok)
            let html = res.body.string
            #expect(!html.contains("class=\"main-nav\""))
            #expect(html.contains("href=\"tel:+31300001122\""))
            let search = try await app.sendRequest(.GET, "/ouders")
            #expect(!search.body.string.contains("class=\"main-nav\""))
            // the parent's questionnaire pages too
            let done = try await app.sendRequest(.GET, "/vragenlijst/klaar")
            #expect(done.status == .ok && !done.body.string.contains("class=\"main-nav\""))
            #expect(try await app.sendRequest(.GET, "/aanbod").body.string.contains("class=\"main-nav\""))
            // a signed-in professional reading a parents' page sees it as a parent would, with a way back
            var midwife = try await Browser.signedIn(app, as: "professional@zeist.demo")
            let asProfessional = try await midwife.get("/ouders").body.string
            #expect(!asProfessional.contains("class=\"main-nav\"") && asProfessional.contains("Naar uw startpagina"))
            // the professionals' service page links the same number the same way
            #expect(try await midwife.get("/aanbod/\(id)").body.string.contains("href=\"tel:+31300001122\""))
        }
    }
}
