import Foundation
import Testing
import Vapor
@testable import KansrijkApp

/// The cached layout of Swift-written pages (`PreparedLayout`) gives exactly Leaf's page.
@Suite("Prepared pages: cached layout")
struct PreparedLayoutTests {
    @Test("markers are cut wherever they stand; text without markers stays whole")
    func cut() {
        let m = PreparedLayout.marker
        #expect(PreparedLayout.cut("<title>\(m(.title))</title><b>\(m(.name))</b>\(m(.content))") == [
            .markup("<title>"), .field(.title), .markup("</title><b>"), .field(.name), .markup("</b>"), .field(.content),
        ])
        #expect(PreparedLayout.cut("plain") == [.markup("plain")])
    }

    @Test("the cached layout gives Leaf's page: signed in or not, Dutch and English, values escaped")
    func cachedLayoutMatchesLeaf() async throws {
        try await withApp(demo: false) { app in
            for url in ["/zorg/verwijzingen", "/zorg/verwijzingen?lijst=uitgaand&lang=en"] {
                for signedIn in [true, false] {
                    for _ in 0..<2 {  // the first page fills the cache, the second reads it
                        let req = Request(application: app, method: .GET, url: URI(string: url), on: app.eventLoopGroup.any())
                        let page = try await LanguageMiddleware().respond(to: req, chainingTo: Compare(signedIn: signedIn)).get()
                        #expect(page.status == .ok)
                    }
                }
            }
        }
    }

    @Test("a page with a notice goes through Leaf and shows the notice")
    func noticeThroughLeaf() async throws {
        try await withApp(demo: false) { app in
            let req = Request(application: app, method: .GET, url: URI(string: "/zorg"), on: app.eventLoopGroup.any())
            var meta = req.anonymousPageMeta(title: "Zorg")
            meta.notice = "Opgeslagen <ok>"
            let view = try await req.renderPrepared("<p>x</p>", meta: meta)
            #expect(String(buffer: view.data).contains("<div class=\"notice\" role=\"status\">Opgeslagen &lt;ok&gt;</div>"))
        }
    }

    /// Renders a page both ways inside the language middleware and compares them.
    struct Compare: AsyncResponder {
        let signedIn: Bool

        func respond(to req: Request) async throws -> Response {
            var meta = req.anonymousPageMeta(title: "Lijst \"A\" & <B>")
            if signedIn {
                meta.user = .init(name: "Anna 'de' <Vries>", email: "a@example.org", role: "professional",
                                  roleLabel: "Professional & co", organisation: "JGZ \"Zeist\" <test>", canEdit: false,
                                  may: Menu.permissions(of: .professional))
                meta.menu = Menu.items(for: .professional, language: .nl)
                meta.csrf = "tok+/=en"
            }
            let content = "<p>Inhoud &amp; meer</p>"
            let prepared = String(buffer: try await req.renderPrepared(content, meta: meta).data)
            let leaf = String(buffer: try await PreparedLayout.leaf(req, meta: meta, content: content).data)
            #expect(prepared == leaf)
            #expect(prepared.contains(signedIn ? "Anna &#39;de&#39; &lt;Vries&gt;" : "/inloggen"))
            return Response(status: .ok)
        }
    }
}
