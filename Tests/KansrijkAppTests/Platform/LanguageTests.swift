import Foundation
import Testing
import Vapor
import VaporTesting
@testable import KansrijkApp

@Suite("Dutch first, English second", .serialized)
struct LanguageTests {
    /// Every `#t("key")` in every template has a Dutch and an English text.
    @Test("no template uses a key the string table lacks")
    func everyKeyTranslated() throws {
        let views = URL(fileURLWithPath: packageRoot + "Resources/Views")
        let files = FileManager.default.enumerator(at: views, includingPropertiesForKeys: nil)!
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "leaf" }
        #expect(files.count >= 10)
        let pattern = try NSRegularExpression(pattern: #"#t\("([^"]+)"\)"#)
        var missing: [String] = []
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            for m in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                let key = String(text[Range(m.range(at: 1), in: text)!])
                if Strings.table[key] == nil { missing.append("\(file.lastPathComponent): \(key)") }
            }
        }
        #expect(missing.isEmpty, "untranslated: \(missing)")
        for (key, pair) in Strings.table {
            #expect(!pair.0.isEmpty && !pair.1.isEmpty, "\(key) needs both languages")
        }
    }

    @Test("?lang=en switches to English and is remembered; ?lang=nl switches back")
    func toggle() async throws {
        try await withApp { app in
            var b = Browser(app)
            let english = try await b.get("/aanbod?lang=en")
            #expect(english.body.string.contains("<html lang=\"en\">"))
            #expect(english.body.string.contains("Who can help?"))
            let setCookie = english.headers[.setCookie].joined()
            #expect(setCookie.contains("lang=en"))
            var remembered = Browser(app)
            remembered.cookie = "lang=en"
            let next = try await remembered.get("/")
            #expect(next.body.string.contains("Find the right help"))
            let dutch = try await b.get("/?lang=nl")
            #expect(dutch.body.string.contains("<html lang=\"nl\">"))
        }
    }

    @Test("the API speaks problem JSON, pages speak Dutch, and security headers are set")
    func errorsAndHeaders() async throws {
        try await withApp { app in
            try await app.testing().test(.GET, "/api/hsds/services/\(UUID())") { res in
                #expect(res.status == .notFound)
                #expect(res.headers.contentType?.description.hasPrefix("application/problem+json") == true)
            }
            try await app.testing().test(.GET, "/aanbod") { res in
                #expect(res.headers.first(name: "X-Content-Type-Options") == "nosniff")
                #expect(res.headers.first(name: "Content-Security-Policy")?.contains("frame-ancestors 'none'") == true)
                #expect(res.headers[.setCookie].isEmpty, "anonymous reading creates no session")
            }
            try await app.testing().test(.GET, "/health/ready") { res in #expect(res.status == .ok) }
        }
    }
}
