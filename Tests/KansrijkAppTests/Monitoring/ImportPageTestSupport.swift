import Foundation
import Testing
import Vapor
import VaporTesting
@testable import KansrijkApp

extension Browser {
    /// Posts the import page's upload form (`indicator`, `bestand`) as multipart with the CSRF token.
    func postUpload(_ path: String, indicator: String, fileName: String, text: String, headers: HTTPHeaders = [:]) async throws -> TestingHTTPResponse {
        let boundary = "kansrijk-import-\(UUID().uuidString)"
        var body = Data()
        func add(_ s: String) { body.append(Data(s.utf8)) }
        for (name, value) in [("csrf", csrf ?? ""), ("indicator", indicator)] {
            add("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n")
        }
        add("--\(boundary)\r\nContent-Disposition: form-data; name=\"bestand\"; filename=\"\(fileName)\"\r\nContent-Type: text/csv\r\n\r\n")
        add(text)
        add("\r\n--\(boundary)--\r\n")
        var result: TestingHTTPResponse?
        let cookie = self.cookie
        try await app.testing().test(.POST, path, beforeRequest: { req in
            if let cookie { req.headers.add(name: .cookie, value: cookie) }
            req.headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
            for (name, value) in headers { req.headers.replaceOrAdd(name: name, value: value) }
            req.body = ByteBuffer(data: body)
        }, afterResponse: { res in result = res })
        return result!
    }

    /// Follows an import job's status page until it no longer runs (the work happens in the background).
    mutating func settledJobPage(_ path: String) async throws -> TestingHTTPResponse {
        for _ in 0..<600 {
            let res = try await get(path)
            if res.headers.first(name: "Refresh") == nil { return res }
            try await Task.sleep(for: .milliseconds(20))
        }
        Issue.record("import job \(path) still running after 600 looks")
        return try await get(path)
    }
}

enum ImportPageFixtures {
    /// Dutch Excel: BOM, CRLF, `;`, a value with a decimal comma, an old municipality code (merged since).
    static let good = "\u{FEFF}Gebied;Periode;Teller;Noemer;Waarde\r\nGM0355;2022;31;410;\r\nGM0363;2022;;8000;2,5\r\nGM0017;2018;40;399;\r\n"

    /// Every kind of mistake the page must explain; nothing may be imported.
    static let bad = """
    gebied;periode;teller;noemer
    GM0355;2022;31;410
    GM9999;2022;12;150
    GM0363;2022;900;150
    GM0654;2022;-4;150
    GM0355;2022;13;150
    """

    static func jobPath(_ res: TestingHTTPResponse) -> String? { res.headers.first(name: .location) }
}
