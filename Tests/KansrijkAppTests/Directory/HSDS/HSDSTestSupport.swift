import Foundation
import Testing
import Vapor
import VaporTesting
@testable import KansrijkApp

/// Fixtures: the official HSDS 3.0 examples (see Fixtures/hsds/README.md).
let hsdsFixtures = URL(fileURLWithPath: packageRoot + "Tests/KansrijkAppTests/Fixtures/hsds")

/// A response of the HSDS API: status, media type and body.
struct HSDSResponse {
    var status: HTTPStatus
    var contentType: String
    var body: Data

    func decode<T: Decodable>(_ type: T.Type) throws -> T { try JSONDecoder().decode(T.self, from: body) }
    var json: [String: Any] { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:] }
}

extension Application {
    func hsdsGet(_ path: String) async throws -> HSDSResponse {
        var result: HSDSResponse?
        try await testing().test(.GET, path) { res in
            result = HSDSResponse(status: res.status, contentType: res.headers.first(name: .contentType) ?? "", body: Data(buffer: res.body))
        }
        return result!
    }

    /// A 200 JSON body decoded as `T`; anything else fails the test with the body.
    func hsds<T: Decodable>(_ path: String, as type: T.Type) async throws -> T {
        let res = try await hsdsGet(path)
        #expect(res.status == .ok, "GET \(path): \(res.status) \(String(decoding: res.body, as: UTF8.self).prefix(300))")
        #expect(res.contentType.hasPrefix("application/json"), "GET \(path): \(res.contentType)")
        return try res.decode(T.self)
    }

    /// A problem response with the expected status; returns its Dutch detail.
    @discardableResult
    func hsdsProblem(_ path: String, _ status: HTTPStatus) async throws -> String {
        let res = try await hsdsGet(path)
        #expect(res.status == status, "GET \(path): \(res.status), expected \(status)")
        #expect(res.contentType.hasPrefix("application/problem+json"), "GET \(path): \(res.contentType)")
        let problem = try res.decode(Problem.self)
        #expect(problem.status == Int(status.code))
        #expect(!problem.detail.isEmpty)
        return problem.detail
    }

    /// The directory as an HSDS JSON export, without `last_modified` (the time of the write, not data).
    func hsdsExportWithoutTimes() async throws -> [HSDSOrganization] {
        try await HSDSExporter.load(self).organizations.map { o in
            var o = o
            o.services = o.services?.map { var s = $0; s.lastModified = nil; return s }
            return o
        }
    }
}

/// A fresh temporary folder, removed by the caller.
func hsdsTemporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("hsds-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Writes `data` to a temporary file and returns its path.
func hsdsTemporaryFile(_ data: Data, name: String = "import.json") throws -> String {
    let url = try hsdsTemporaryDirectory().appendingPathComponent(name)
    try data.write(to: url)
    return url.path
}

/// An official example as a mutable JSON object, to build variants from.
func hsdsFixtureObject(_ name: String) throws -> [String: Any] {
    try JSONSerialization.jsonObject(with: Data(contentsOf: hsdsFixtures.appendingPathComponent(name))) as! [String: Any]
}

func hsdsData(_ object: Any) throws -> Data { try JSONSerialization.data(withJSONObject: object) }
