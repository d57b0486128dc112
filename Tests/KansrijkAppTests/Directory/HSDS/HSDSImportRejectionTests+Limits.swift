import Foundation
import Testing
import Vapor
@testable import KansrijkApp

/// Issue 13: imported URLs only http(s), imported texts within the form's limits, and a folder
/// without datapackage.json refused with one line.
extension HSDSImportRejectionTests {
    static let notWeb = ["javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,<script>alert(1)</script>",
                         "ftp://example.nl/folder", "file:///etc/passwd", "www.example.nl"]

    @Test("a web address that is not http(s), in a service, its organisation or a taxonomy")
    func notHTTP() async throws {
        try await withApp { app in
            let service = try await exportedService(app)
            let id = try #require(service["id"] as? String)
            let organisation = try #require(service["organization"] as? [String: Any])
            for address in Self.notWeb {
                var broken = service
                broken["url"] = address
                try await expectRejected(app, try hsdsData([broken]), reason: "services[0].url: '\(address)' is geen webadres")
                var website = organisation
                website["website"] = address
                broken = service
                broken["organization"] = website
                try await expectRejected(app, try hsdsData([broken]), reason: "services[0].organization.website: '\(address)' is geen webadres")
            }
            // a taxonomy of the file's own, reached through a service attribute
            let taxonomy: [String: Any] = ["id": UUID().hsds, "name": "Eigen", "description": "Eigen lijst", "uri": "javascript:alert(1)"]
            let term: [String: Any] = ["id": UUID().hsds, "name": "Term", "description": "", "taxonomy_detail": taxonomy]
            var broken = service
            broken["attributes"] = (service["attributes"] as? [[String: Any]] ?? []) + [["id": UUID().hsds, "taxonomy_term": term]]
            try await expectRejected(app, try hsdsData([broken]), reason: "taxonomy_term.taxonomy_detail.uri: 'javascript:alert(1)' is geen webadres")
        }
    }

    @Test("texts longer than the service form takes; texts of exactly that length import")
    func tooLong() async throws {
        try await withApp { app in
            // setup
            let service = try await exportedService(app)
            let limits = ServiceForm.Limits.self
            var broken = service
            broken["name"] = String(repeating: "n", count: limits.name + 1)
            broken["description"] = String(repeating: "b", count: limits.description + 1)
            var attributes = try #require(service["attributes"] as? [[String: Any]])
            attributes.append(["id": UUID().hsds, "taxonomy_term_id": HSDSField.parentSummary.termID.hsds, "value": String(repeating: "s", count: limits.parentSummary + 1)])
            broken["attributes"] = attributes
            var organisation = try #require(service["organization"] as? [String: Any])
            organisation["name"] = String(repeating: "o", count: limits.name + 1)
            broken["organization"] = organisation
            // act + check
            try await expectRejected(app, try hsdsData([broken]), reason: "services[0].name: \(limits.name + 1) tekens lang; het formulier staat hooguit \(limits.name) tekens toe")
            try await expectRejected(app, try hsdsData([broken]), reason: "services[0].description: \(limits.description + 1) tekens lang")
            try await expectRejected(app, try hsdsData([broken]), reason: "services[0].attributes (\(HSDSField.parentSummary.code)): \(limits.parentSummary + 1) tekens lang")
            try await expectRejected(app, try hsdsData([broken]), reason: "services[0].organization.name: \(limits.name + 1) tekens lang")
            var fits = service
            fits["name"] = String(repeating: "n", count: limits.name)
            fits["description"] = String(repeating: "b", count: limits.description)
            let report = try await HSDSImporter(app: app).run(path: try hsdsTemporaryFile(try hsdsData([fits])))
            #expect(report.outcome == .imported, "\(report.text)")
        }
    }

    @Test("a folder without datapackage.json: the command fails with one line and changes nothing")
    func noDataPackage() async throws {
        try await withApp { app in
            // setup: a package that would add an organisation and a service, less its datapackage.json
            let folder = try hsdsTemporaryDirectory()
            try HSDSCSVImportTests.writePackage(to: folder)
            try FileManager.default.removeItem(at: folder.appendingPathComponent("datapackage.json"))
            let before = try await app.hsdsExportWithoutTimes()
            // act
            let failure = await #expect(throws: CommandFailure.self) { try await runCommand(ImportCommand(), ["hsds", folder.path], on: app) }
            // check
            #expect(failure?.description == "Geen datapackage.json in \(folder.path): een map is alleen als HSDS-datapakket te importeren; er is niets gewijzigd.")
            #expect(try await app.hsdsExportWithoutTimes() == before)
        }
    }
}
