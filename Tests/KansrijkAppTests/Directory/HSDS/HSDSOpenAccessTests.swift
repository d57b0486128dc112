import Foundation
import Testing
import Vapor
import VaporTesting
@testable import KansrijkApp

/// What the Open Referral UK compliance rules ask of an open feed beyond the schemas: CORS for
/// everyone, and the paging metadata at the start of every list.
@Suite("HSDS API: open access and paging metadata first")
struct HSDSOpenAccessTests {
    @Test("every answer of the HSDS API and the OpenAPI document allows any origin, errors included")
    func cors() async throws {
        try await withApp { app in
            for path in ["/api/hsds/", "/api/hsds/services?per_page=2", "/api/hsds/services?full=foo",
                         "/api/hsds/organizations/\(UUID().hsds)", "/api/openapi.json"] {
                try await app.testing().test(.GET, path) { res in
                    #expect(res.headers.first(name: "Access-Control-Allow-Origin") == "*", "\(path): \(res.status)")
                }
            }
            // the rest of the site and the other APIs stay as they were
            try await app.testing().test(.GET, "/api/indicators") { res in
                #expect(res.headers.first(name: "Access-Control-Allow-Origin") == nil)
            }
        }
    }

    @Test("each list writes its paging fields before contents, and they decode as before")
    func metadataFirst() async throws {
        try await withApp { app in
            for list in ["services", "organizations", "service_at_locations", "taxonomies", "taxonomy_terms"] {
                let res = try await app.hsdsGet("/api/hsds/\(list)?per_page=3")
                let text = String(decoding: res.body, as: UTF8.self)
                #expect(text.hasPrefix("{\"total_items\":"), "\(list): \(text.prefix(80))")
                let contents = try #require(text.range(of: "\"contents\":"))
                for field in ["total_pages", "page_number", "size", "first_page", "last_page", "empty"] {
                    let at = try #require(text.range(of: "\"\(field)\":"), "\(list) lacks \(field)")
                    #expect(at.lowerBound < contents.lowerBound, "\(list): \(field) after contents")
                }
                #expect(try JSONValue.parse(res.body)["contents"]?.arrayValue?.count == 3)
                #expect(res.contentType.hasPrefix("application/json"))
            }
        }
    }
}
