import Foundation
import Testing
import Vapor
import VaporTesting
@testable import KansrijkApp

@Suite("Middleware on the event loop: headers, errors, language, static files", .serialized)
struct MiddlewareTests {
    static func expectSecurityHeaders(_ res: TestingHTTPResponse, html: Bool, _ what: String) {
        #expect(res.headers.first(name: "X-Content-Type-Options") == "nosniff", "\(what)")
        #expect(res.headers.first(name: "X-Frame-Options") == "DENY", "\(what)")
        #expect(res.headers.first(name: "Referrer-Policy") == "same-origin", "\(what)")
        #expect((res.headers.first(name: "Content-Security-Policy") == SecurityHeadersMiddleware.contentSecurityPolicy) == html, "\(what)")
    }

    @Test("the content security policy goes on HTML, told apart by the header text")
    func htmlContentType() {
        for value in ["text/html", "text/html; charset=utf-8", "Text/HTML;charset=UTF-8", "text/html ; charset=utf-8"] {
            #expect(SecurityHeadersMiddleware.isHTML(value), "\(value)")
        }
        for value in [nil, "", "text/htm", "text/html5", "text/css", "application/problem+json", "application/xhtml+xml"] {
            #expect(!SecurityHeadersMiddleware.isHTML(value), "\(value ?? "nil")")
        }
    }

    @Test("every response carries the security headers: pages, error pages, problem JSON, redirects, files")
    func securityHeadersEverywhere() async throws {
        try await withApp { app in
            var b = Browser(app)
            let page = try await b.get("/aanbod?q=schulden")
            #expect(page.status == .ok)
            Self.expectSecurityHeaders(page, html: true, "search page")
            let missing = try await b.get("/bestaat-niet")
            #expect(missing.status == .notFound)
            #expect(missing.body.string.contains("<html lang=\"nl\">"))
            Self.expectSecurityHeaders(missing, html: true, "404 page")
            let problem = try await b.get("/api/hsds/services?per_page=abc")
            #expect(problem.status == .badRequest)
            #expect(problem.headers.contentType?.description.hasPrefix("application/problem+json") == true)
            Self.expectSecurityHeaders(problem, html: false, "problem JSON")
            let signIn = try await b.get("/aanbod/nieuw")
            #expect(signIn.status == .seeOther)
            Self.expectSecurityHeaders(signIn, html: false, "sign-in redirect")
            let css = try await b.get("/css/kansrijk.css")
            #expect(css.status == .ok)
            #expect(css.headers.contentType?.subType == "css")
            Self.expectSecurityHeaders(css, html: false, "static file")
        }
    }

    @Test("error pages speak the chosen language; the choice is remembered only when asked for")
    func errorPagesAndLanguage() async throws {
        try await withApp { app in
            var b = Browser(app)
            let english404 = try await b.get("/bestaat-niet?lang=en")
            #expect(english404.status == .notFound)
            #expect(english404.body.string.contains("<html lang=\"en\">"))
            #expect(english404.headers[.setCookie].allSatisfy { !$0.hasPrefix("lang=") }, "a failed request sets no language cookie")
            let english = try await b.get("/aanbod?q=schulden&lang=en")
            #expect(english.body.string.contains("<html lang=\"en\">"))
            #expect(english.headers[.setCookie].contains { $0.hasPrefix("lang=en") })
            let plain = try await b.get("/aanbod?q=schulden")
            #expect(plain.headers[.setCookie].isEmpty, "no ?lang=, no cookie, no session")
            var remembered = Browser(app)
            remembered.cookie = "lang=en"
            let rememberedPage = try await remembered.get("/aanbod")
            #expect(rememberedPage.body.string.contains("<html lang=\"en\">"))
            let unknown = try await remembered.get("/aanbod?lang=fr")
            #expect(unknown.body.string.contains("<html lang=\"en\">"), "an unknown ?lang= falls back to the cookie")
        }
    }

    @Test("lang is read from the query string as Vapor's form decoder reads it")
    func langLikeTheFormDecoder() async throws {
        let queries = ["lang=en", "q=schuld&lang=en", "lang=en&lang=nl", "lang", "lang=", "q=a+b&lang=e%6E",
                       "la%6Eg=en", "lang=e+n", "q=lang%3Den", "lang[]=en", "&&lang=nl&", "q=x=y&lang=en=x", ""]
        try await withApp(demo: false) { app in
            for query in queries {
                let req = Request(application: app, method: .GET, url: URI(string: "/aanbod?\(query)"), on: app.eventLoopGroup.any())
                #expect(LanguageQuery.lang(query) == req.query[String.self, at: "lang"], "query \(query)")
            }
        }
        #expect(LanguageQuery.lang("q=%zz&lang=en") == "en", "a malformed other parameter does not hide lang")
        #expect(LanguageQuery.lang("lang=%zz") == "")
    }

    @Test("only paths that can name something in Public/ reach the file middleware")
    func publicFilePaths() async throws {
        let files = PublicFilesMiddleware(publicDirectory: packageRoot + "Public/")
        #expect(files.topLevelNames.contains("css"))
        for path in ["/css/kansrijk.css", "//css/kansrijk.css", "/%63ss/kansrijk.css", "/favicon.svg", "/aanbod/../css/x", "/%zz"] {
            #expect(files.mayNameFile(path), "\(path)")
        }
        for path in ["/", "/aanbod", "/api/hsds/services", "/cssx/kansrijk.css"] {
            #expect(!files.mayNameFile(path), "\(path)")
        }
        try await withApp(demo: false) { app in
            var b = Browser(app)
            let traversal = try await b.get("/aanbod/../css/kansrijk.css")
            #expect(traversal.status == .forbidden)
            let missing = try await b.get("/css/bestaat-niet.css")
            #expect(missing.status == .notFound)
            let favicon = try await b.get("/favicon.svg")
            #expect(favicon.status == .ok)
        }
    }

    @Test("the HSDS list gives the same answer while its catalog loads and from memory afterwards")
    func hsdsServicesSameBeforeAndAfterCatalog() async throws {
        try await withApp { app in
            var b = Browser(app)
            let path = "/api/hsds/services?search=schulden&municipality=GM0355&per_page=5"
            let first = try await b.get(path)
            #expect(first.status == .ok)
            let second = try await b.get(path)
            #expect(second.status == .ok)
            #expect(first.body.string == second.body.string)
            #expect(first.body.string.contains("\"total_items\":"))
        }
    }
}
