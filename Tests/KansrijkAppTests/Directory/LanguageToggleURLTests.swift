import Testing
import Vapor
import VaporTesting
@testable import KansrijkApp

/// The language toggle's link on an anonymous page (`PageMeta.plainLanguageToggleURL`), which the
/// search page builds on every request without Foundation's `URLComponents`.
@Suite("Language toggle link")
struct LanguageToggleURLTests {
    static let plainURLs = [
        "/aanbod", "/", "/aanbod?q=schulden&gemeente=GM0355", "/aanbod?q=zwanger&gemeente=GM0014&fase=zwangerschap-t2",
        "/aanbod?lang=nl", "/aanbod?q=a&lang=en&fase=0-1", "/aanbod?lang&q=a", "/aanbod?q", "/aanbod?q=", "/aanbod?language=x&langs=y",
        "/aanbod?q=~._-", "/aanbod/0f0f0f0f-0000-4000-8000-000000000001",
    ]
    /// URLs the plain path leaves to Foundation.
    static let otherURLs = [
        "/aanbod?", "/aanbod?q=a=b", "/aanbod?q=a&&b=c", "/aanbod?q=a+b", "/aanbod?q=%22a%22%20%26%20b&lang=en",
        "/aanbod/x%20y?q=a", "/a;b?x=1", "/aanbod?q=caf%C3%A9&lang=nl", "/aanbod?q=a&", "/aanbod?la%6Eg=en",
    ]

    @Test("a plain URL gives Foundation's link, without Foundation")
    func plainMatchesFoundation() {
        for url in Self.plainURLs {
            let uri = URI(string: url)
            for lang in ["en", "nl"] {
                let plain = PageMeta.plainLanguageToggleURL(path: uri.path, query: uri.query, lang: lang)
                #expect(plain != nil, "\(url)")
                #expect(plain == PageMeta.languageToggleURL(uri.string, lang: lang), "\(url)")
            }
        }
        #expect(PageMeta.plainLanguageToggleURL(path: "/aanbod", query: "q=a&lang=nl&fase=0-1", lang: "en")
            == "/aanbod?q=a&fase=0-1&lang=en")
    }

    @Test("any other URL is left to Foundation")
    func otherURLsFallBack() {
        for url in Self.otherURLs {
            let uri = URI(string: url)
            #expect(PageMeta.plainLanguageToggleURL(path: uri.path, query: uri.query, lang: "en") == nil, "\(url)")
        }
    }

    @Test("an anonymous page's toggle link is Foundation's for every URL")
    func anonymousPageMeta() async throws {
        try await withApp(demo: false) { app in
            for url in Self.plainURLs + Self.otherURLs {
                let req = Request(application: app, method: .GET, url: URI(string: url), on: app.eventLoopGroup.any())
                #expect(req.anonymousPageMeta(title: "t").otherLangURL == PageMeta.languageToggleURL(req.url.string, lang: "en"), "\(url)")
            }
        }
    }
}
