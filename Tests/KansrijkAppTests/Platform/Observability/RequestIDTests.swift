import Foundation
import Logging
import NIOConcurrencyHelpers
import Testing
import Vapor
import VaporTesting
@testable import KansrijkApp

/// The request id (ADR 0044): nginx's sane `X-Request-Id` is kept, anything else replaced; it comes
/// back in the response and is in every line logged for the request.
@Suite("Request id")
struct RequestIDTests {
    @Test("a sane incoming id is kept and returned; a missing or unsafe one is replaced by a new UUID")
    func header() async throws {
        try await withApp { app in
            try await app.testing().test(.GET, "/health/live", beforeRequest: { req in
                req.headers.replaceOrAdd(name: "X-Request-Id", value: "0f9e1c2d3b4a59687766554433221100")
            }) { res in #expect(res.headers.first(name: "X-Request-Id") == "0f9e1c2d3b4a59687766554433221100") }

            var seen: Set<String> = []
            for incoming in [nil, "evil\nX-Injected: 1", String(repeating: "a", count: 129), "spatie er in"] {
                try await app.testing().test(.GET, "/aanbod", beforeRequest: { req in
                    if let incoming { req.headers.replaceOrAdd(name: "X-Request-Id", value: incoming) }
                }) { res in
                    let id = try #require(res.headers.first(name: "X-Request-Id"))
                    #expect(UUID(uuidString: id) != nil, "a new UUID, not \(id)")
                    seen.insert(id)
                }
            }
            #expect(seen.count == 4, "every request its own id")
            // error pages carry it too
            try await app.testing().test(.GET, "/bestaat-niet") { res in
                #expect(res.status == .notFound)
                #expect(res.headers.first(name: "X-Request-Id") != nil)
            }
        }
    }

    @Test("every line logged for a request carries its id, in JSON lines")
    func logLines() async throws {
        try await withApp { app in
            let lines = NIOLockedValueBox<[String]>([])
            app.get("observability-probe") { req in
                req.logger.notice("first line")
                req.logger.warning("second line", metadata: ["extra": "1"])
                return "ok"
            }
            let logger = Logger(label: "codes.vapor.request") { label in
                JSONLogHandler(label: label, level: .info) { bytes in lines.withLockedValue { $0.append(String(decoding: bytes, as: UTF8.self)) } }
            }
            let request = Request(application: app, method: .GET, url: URI(path: "/observability-probe"),
                                  headers: ["X-Request-Id": "req-from-nginx-42"], logger: logger, on: app.eventLoopGroup.next())
            let response = try await app.responder.respond(to: request).get()
            #expect(response.headers.first(name: "X-Request-Id") == "req-from-nginx-42")

            let logged = lines.withLockedValue { $0 }
            #expect(logged.count == 2)
            for line in logged {
                #expect(line.hasSuffix("}\n") && line.filter { $0 == "\n" }.count == 1)
                let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
                #expect(object["request-id"] as? String == "req-from-nginx-42")
            }
        }
    }

    @Test("only short ids of letters, digits and - _ . : are sane")
    func sanity() {
        #expect(RequestID.isSane(UUID().uuidString))
        #expect(RequestID.isSane("abc_DEF-1.2:3"))
        #expect(!RequestID.isSane(""))
        #expect(!RequestID.isSane("a b"))
        #expect(!RequestID.isSane("a\r\nb"))
        #expect(!RequestID.isSane("ü"))
        #expect(RequestID.isSane(String(repeating: "x", count: 128)))
        #expect(!RequestID.isSane(String(repeating: "x", count: 129)))
    }
}
