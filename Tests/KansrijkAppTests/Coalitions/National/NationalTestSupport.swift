import Foundation
import Testing
import Vapor
import VaporTesting
@testable import KansrijkApp

extension Browser {
    /// Posts a multipart form, as a browser sends a file upload.
    func postMultipart(_ path: String, fields: [String: String], file: (field: String, name: String, data: Data)?) async throws -> TestingHTTPResponse {
        let boundary = "----kansrijk-test-\(UUID().uuidString)"
        var body = Data()
        func add(_ s: String) { body.append(Data(s.utf8)) }
        var all = fields
        if all["csrf"] == nil, let csrf { all["csrf"] = csrf }
        for (k, v) in all.sorted(by: { $0.key < $1.key }) {
            add("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(k)\"\r\n\r\n\(v)\r\n")
        }
        if let file {
            add("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.field)\"; filename=\"\(file.name)\"\r\nContent-Type: text/csv\r\n\r\n")
            body.append(file.data)
            add("\r\n")
        }
        add("--\(boundary)--\r\n")
        var result: TestingHTTPResponse?
        let cookie = self.cookie
        try await app.testing().test(.POST, path, beforeRequest: { req in
            if let cookie { req.headers.add(name: .cookie, value: cookie) }
            req.headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
            req.body = ByteBuffer(data: body)
        }, afterResponse: { res in result = res })
        return result!
    }
}

/// A small participation file as Dutch Excel saves it.
enum NationalFixtures {
    static let header = "gemeentecode;inwoners;tranche;gids;gezamenlijk_plan;prenataal_huisbezoek;nnz"

    static func csv(_ lines: [String]) -> Data {
        Data(("\u{FEFF}" + ([header] + lines).joined(separator: "\r\n") + "\r\n").utf8)
    }

    static let good = csv(["GM0355;66.123;3;nee;nee;ja;ja", "GM0654;23456;3;nee;ja;nee;nee"])
    static let bad = csv(["GM0355;66.123;3;nee;nee;ja;ja", "GM9999;1000;1;ja;ja;ja;ja", "GM0654;veel;3;nee;ja;nee;nee"])
}
