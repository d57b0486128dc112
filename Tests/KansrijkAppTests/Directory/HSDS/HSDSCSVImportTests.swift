import Foundation
import Testing
import Vapor
@testable import KansrijkApp

@Suite("HSDS import: a hand-written CSV package")
struct HSDSCSVImportTests {
    static let org = "6f1c1a52-3b1e-4c55-9a8e-0b7c6f0e1a01", location = "6f1c1a52-3b1e-4c55-9a8e-0b7c6f0e1a02"
    static let service = "6f1c1a52-3b1e-4c55-9a8e-0b7c6f0e1a03", contact = "6f1c1a52-3b1e-4c55-9a8e-0b7c6f0e1a04"

    /// Files as a spreadsheet might save them: BOM, CRLF, quoted commas and line breaks, only some columns.
    static func writePackage(to folder: URL) throws {
        let money = Term.find(.thema, "financien")!.id.hsds
        let files = [
            "organizations.csv": "id,name,description\r\n\(org),Stichting Geldzorg,\"Hulp bij geld, post en schulden\"\r\n",
            "locations.csv": "id,location_type,organization_id,name\r\n\(location),physical,\(org),Kantoor\r\n",
            "addresses.csv": "id,location_id,address_1,city,state_province,postal_code,country,address_type\r\n"
                + "6f1c1a52-3b1e-4c55-9a8e-0b7c6f0e1a05,\(location),Slotlaan 2,Zeist,Utrecht,3701 GB,NL,physical\r\n",
            "services.csv": "id,organization_id,name,description,status,minimum_age\r\n"
                + "\(service),\(org),Budgetmaatje,\"Een vrijwilliger helpt met:\r\n- post\r\n- \"\"toeslagen\"\"\",active,16\r\n",
            "service_areas.csv": "id,service_id,name\r\n6f1c1a52-3b1e-4c55-9a8e-0b7c6f0e1a06,\(service),Borsele\r\n",
            "service_at_location.csv": "id,service_id,location_id\r\n6f1c1a52-3b1e-4c55-9a8e-0b7c6f0e1a07,\(service),\(location)\r\n",
            "contacts.csv": "id,service_id,name,email\r\n\(contact),\(service),Mo Maatje,mo@geldzorg.example\r\n",
            "phones.csv": "id,service_id,contact_id,number\r\n6f1c1a52-3b1e-4c55-9a8e-0b7c6f0e1a08,\(service),,0800 123\r\n"
                + "6f1c1a52-3b1e-4c55-9a8e-0b7c6f0e1a09,,\(contact),06 111\r\n",
            "attributes.csv": "id,link_id,taxonomy_term_id,link_entity,value\r\n6f1c1a52-3b1e-4c55-9a8e-0b7c6f0e1a0a,\(service),\(money),service,\r\n"
                + "6f1c1a52-3b1e-4c55-9a8e-0b7c6f0e1a0b,\(service),\(HSDSField.capacity.termID.hsds),service,wachtlijst\r\n",
        ]
        for (name, text) in files { try Data(("\u{FEFF}" + text).utf8).write(to: folder.appendingPathComponent(name)) }
        try JSONEncoder().encode(HSDSDataPackage()).write(to: folder.appendingPathComponent("datapackage.json"))
    }

    @Test("rows are nested under their parents and mapped, with the organisation placed by its address")
    func imports() async throws {
        try await withApp(demo: false) { app in
            // setup
            let folder = try hsdsTemporaryDirectory()
            try Self.writePackage(to: folder)
            // act
            let report = try await HSDSImporter(app: app).run(path: folder.path)
            // check
            #expect(report.outcome == .imported, "\(report.text)")
            #expect(report.notes == [])
            let s = try #require(app.directory.snapshot.service(UUID(uuidString: Self.service)!))
            #expect(s.description == "Een vrijwilliger helpt met:\r\n- post\r\n- \"toeslagen\"")
            #expect((s.phone, s.minimumAge, s.capacity) == ("0800 123", 16, .waitingList))
            #expect(s.areas.map(\.municipalityCode) == ["GM0654"])
            #expect(s.termIDs == [Term.find(.thema, "financien")!.id])
            #expect(s.contacts.map { "\($0.name) \($0.phone ?? "")" } == ["Mo Maatje 06 111"])
            #expect(s.places.map { "\($0.street ?? "") \($0.municipalityCode ?? "")" } == ["Slotlaan 2 GM0355"])
            let organisation = try #require(try await Organisation.find(UUID(uuidString: Self.org), on: app.db))
            #expect(organisation.municipalityCode == "GM0355" && organisation.description == "Hulp bij geld, post en schulden")
        }
    }

    @Test("a row pointing to a parent that is not in the package is rejected by file, line and id")
    func orphan() async throws {
        try await withApp(demo: false) { app in
            let folder = try hsdsTemporaryDirectory()
            try Self.writePackage(to: folder)
            let orphan = "6f1c1a52-3b1e-4c55-9a8e-0b7c6f0e1aff"
            try Data("id,service_id,name\r\n6f1c1a52-3b1e-4c55-9a8e-0b7c6f0e1a06,\(orphan),Zeist\r\n".utf8)
                .write(to: folder.appendingPathComponent("service_areas.csv"))
            let report = try await HSDSImporter(app: app).run(path: folder.path)
            #expect(report.outcome == .rejected)
            #expect(report.rejections == ["service_areas.csv regel 2 (id 6f1c1a52-3b1e-4c55-9a8e-0b7c6f0e1a06): service \(orphan) staat niet in services.csv"])
            #expect(try await Service.query(on: app.db).count() == 0)
        }
    }
}
