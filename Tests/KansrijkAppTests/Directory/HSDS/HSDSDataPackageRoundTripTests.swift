import Foundation
import Testing
import Vapor
@testable import KansrijkApp

/// Issue 16, "the same for the tabular CSV data package, both ways": every table of HSDS 3.0 is
/// read into the nested JSON form and written back from it without losing a value (ADR 0039).
@Suite("HSDS tabular data package: read and written, nothing lost")
struct HSDSDataPackageRoundTripTests {
    static let organization = "d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610", service = "ac148810-d857-441c-9679-408f346de14b"
    static let location = "3a19ff88-4620-4d17-9830-ac1d859eb5d5", serviceAtLocation = "e94c9f38-1e8f-4564-91d4-d53501ab1765"
    static let phone = "1554f2e2-a373-45db-a3fa-9fc48a61c15e", contact = "1e7efce3-639b-4880-940c-b95cd30cdb50"
    static let language = "2989d3ed-c547-48f8-8f9d-432d81c7892e"

    @Test("the official package: every table read, flattened again, every non-empty cell back at its table, id and column")
    func officialRecordLevel() throws {
        // act
        let (bundle, contents) = try HSDSCSVReader.package(directory: hsdsOfficialPackage)
        let written = HSDSPackageFiles(HSDSPackageFlattener(contents))
        // check
        #expect(bundle.rejections == [])
        let original = try HSDSPackageFiles(hsdsOfficialPackage)
        #expect(original.tables.count == 21 && original.rowCount == 21)
        #expect(original.lost(in: written) == [])
        for table in HSDSTable.allCases {
            #expect(written.tables[table]?.count == original.tables[table]?.count, "\(table.fileName)")
            #expect(written.headers[table] == table.columns, "\(table.fileName)")
        }
    }

    @Test("rows are nested as the JSON form nests them: under every parent of the package they name")
    func officialNesting() throws {
        // act
        let (bundle, contents) = try HSDSCSVReader.package(directory: hsdsOfficialPackage)
        // check
        #expect(contents.sources.map(\.kind) == [.organization, .location])
        #expect(bundle.sources.map(\.kind) == [.organization, .location])
        let organization = try #require(contents.sources.first?.value)
        let service = try #require(organization["services"]?.arrayValue?.first)
        let link = try #require(service["service_at_locations"]?.arrayValue?.first)
        #expect(link["location"]?["id"] == .string(Self.location) && link["location_id"] == nil)
        for (name, holder) in [("organization", organization), ("service", service), ("link", link), ("location", try #require(contents.sources.last?.value))] {
            #expect(holder["phones"]?.arrayValue?.compactMap { $0["id"] } == [.string(Self.phone)], "\(name)")
            #expect(holder["phones"]?.arrayValue?.first?["languages"]?.arrayValue?.first?["id"] == .string(Self.language), "\(name)")
            // the contact names an organisation and a service at a location outside the package
            let contacts = holder["contacts"]?.arrayValue?.compactMap { $0["phones"]?.arrayValue?.first?["id"] }
            #expect(contacts == (name == "organization" || name == "link" ? nil : [.string(Self.phone)]), "\(name)")
        }
        #expect(service["program"]?["id"] == organization["programs"]?.arrayValue?.first?["id"])
        for key in ["funding", "cost_options", "required_documents", "service_areas", "languages", "schedules", "contacts"] {
            #expect(service[key]?.arrayValue?.count == 1, "\(key)")
        }
        #expect(organization["organization_identifiers"]?.arrayValue?.count == 1 && organization["funding"]?.arrayValue?.count == 1)
        // a reference to a record outside the package stays a field; one to the parent is implied
        let contact = try #require(service["contacts"]?.arrayValue?.first)
        #expect(contact["organization_id"] == .string("ae67a707-5893-4225-b0b1-320ab9cb596b") && contact["service_id"] == nil)
        #expect(contact["service_at_location_id"] == .string("93eaf18d-1cd2-4ec7-bffb-3c9172ee5070") && contact["location_id"] == nil)
        let location = try #require(contents.sources.last?.value)
        #expect(location["organization_id"] == .string("985e4a42-bd9f-4edc-911d-0243a4640aca"))
        #expect(location["addresses"]?.arrayValue?.count == 1 && location["accessibility"]?.arrayValue?.count == 1)
        // typed per schema: numbers are numbers, dates stay text
        #expect(service["minimum_age"] == .int(12) && organization["year_incorporated"] == .int(2011))
        #expect(location["latitude"] == .int(100) && service["assured_date"] == .string("2005-01-01"))
        #expect(service["schedules"]?.arrayValue?.first?["timezone"] == .int(3))
        // what no record of the package holds is kept aside, and reported
        #expect(contents.unplaced.mapValues(\.count) == [.attributes: 1, .metadata: 1, .metaTableDescriptions: 1])
        #expect(bundle.omitted["meta_table_descriptions.csv"] == 1)
        // the typed records the planner reads come from the same JSON
        #expect(bundle.organizations.first?.services?.first?.serviceAtLocations?.first?.location?.id == Self.location)
        #expect(bundle.locations.map(\.id) == [Self.location] && bundle.terms.count == 1 && bundle.taxonomies.count == 1)
    }

    @Test("a broken row is named in Dutch by its file, line and id; the other rows are still read")
    func brokenRows() throws {
        // setup
        let folder = try hsdsCopyPackage(hsdsOfficialPackage) { name, text in
            switch name {
            case "services.csv": text.replacingOccurrences(of: ",12,100,", with: ",twaalf,100,")
            case "phones.csv": text + "\(Self.phone),,,,,,06 123,,,\r\n"
            case "addresses.csv": text + "74706e55-df26-4b84-80fe-ecc30b5befb5,\(Self.location),te weinig\r\n"
            case "service_areas.csv": text + "381c64f1-a724-4884-9c21-ac96c21cca3f,6f1c1a52-3b1e-4c55-9a8e-0b7c6f0e1aff,Zeist,,,,\r\n"
            case "cost_options.csv": text + "1fdf4d39-3d80-484d-9f92-a8ffa08621e8,,,,gratis,,,\r\n"
            case "programs.csv": text + "e7ec2e57-4540-43fa-b2c7-6be5a0ef7f43,\(Self.organization),,,Geen naam\r\n"
            default: text
            }
        }
        // act
        let bundle = try HSDSCSVReader.read(directory: folder)
        // check
        #expect(bundle.rejections.sorted() == [
            "addresses.csv regel 3: 3 velden, maar de kopregel heeft er 11",
            "cost_options.csv regel 3 (id 1fdf4d39-3d80-484d-9f92-a8ffa08621e8): hoort bij geen record: vul service_id in",
            "phones.csv regel 3 (id \(Self.phone)): dezelfde id staat al op regel 2",
            "programs.csv regel 3 (id e7ec2e57-4540-43fa-b2c7-6be5a0ef7f43): verplicht veld 'name' ontbreekt",
            "service_areas.csv regel 3 (id 381c64f1-a724-4884-9c21-ac96c21cca3f): service 6f1c1a52-3b1e-4c55-9a8e-0b7c6f0e1aff staat niet in services.csv",
            "services.csv regel 2 (id \(Self.service)): minimum_age 'twaalf' is geen getal",
        ])
        #expect(bundle.organizations.count == 1 && bundle.locations.count == 1)
    }

    @Test("columns outside the standard are kept and written after the standard ones")
    func extensionColumns() throws {
        // setup
        let folder = try hsdsCopyPackage(hsdsOfficialPackage) { name, text in
            guard name == "services.csv" else { return text }
            let lines = text.components(separatedBy: "\r\n")
            return lines[0] + ",x_kansrijk_fase\r\n" + lines[1] + ",zwangerschap\r\n"
        }
        // act
        let (bundle, contents) = try HSDSCSVReader.package(directory: folder)
        let written = HSDSPackageFiles(HSDSPackageFlattener(contents))
        // check
        #expect(bundle.rejections == [])
        #expect(contents.sources.first?.value["services"]?.arrayValue?.first?["x_kansrijk_fase"] == .string("zwangerschap"))
        #expect(written.headers[.services] == HSDSTable.services.columns + ["x_kansrijk_fase"])
        #expect(try HSDSPackageFiles(folder).lost(in: written) == [])
    }

    @Test("a package written and read again gives the same records")
    func writeThenRead() throws {
        // setup
        let (_, contents) = try HSDSCSVReader.package(directory: hsdsOfficialPackage)
        let folder = try hsdsTemporaryDirectory()
        // act
        try HSDSExporter.writePackage(HSDSPackageFlattener(contents), to: folder)
        let (bundle, again) = try HSDSCSVReader.package(directory: folder)
        // check
        #expect(bundle.rejections == [] && bundle.notes == [])
        #expect(again.sources.map(\.value) == contents.sources.map(\.value))
        #expect(again.terms == contents.terms && again.taxonomies == contents.taxonomies)
        #expect(again.unplaced == contents.unplaced)
        let package = try JSONValue.parse(Data(contentsOf: folder.appendingPathComponent("datapackage.json")))
        let resources = try #require(package["resources"]?.arrayValue)
        #expect(resources.compactMap { $0["path"]?.stringValue } == HSDSTable.allCases.map(\.fileName))
        #expect(resources.first?["schema"]?["fields"]?.arrayValue?.compactMap { $0["name"]?.stringValue } == HSDSTable.organizations.columns)
    }
}

extension HSDSDataPackageRoundTripTests {
    /// The official package placed in Zeist: its service area and address made Dutch.
    static func dutchOfficialPackage() throws -> URL {
        try hsdsCopyPackage(hsdsOfficialPackage) { name, text in
            switch name {
            case "service_areas.csv":
                text.replacingOccurrences(of: "The service is available to all residents of the MyCity area. We provide the service in our offices or via video conferencing to any who can provide evidence of their residency.", with: "Zeist")
            case "addresses.csv":
                text.replacingOccurrences(of: "MyCity,MyRegion,MyState,ABC 1234,US", with: "Zeist,Zeist,Utrecht,3701 GB,NL")
            // the import refuses references to records that are neither in the package nor in the database
            case "locations.csv":
                text.replacingOccurrences(of: "985e4a42-bd9f-4edc-911d-0243a4640aca", with: organization)
            case "taxonomy_terms.csv":
                text.replacingOccurrences(of: "07ff6aee-a219-438c-b694-d2fcb6c5373b", with: "5c4d79d7-cc55-470e-9f1f-8cad074e4892")
            default: text
            }
        }
    }

    @Test("through the database: the official package imported and exported as a package, value by value")
    func officialThroughDatabase() async throws {
        try await withApp(demo: false) { app in
            // setup
            let folder = try Self.dutchOfficialPackage()
            let out = try hsdsTemporaryDirectory()
            let (_, contents) = try HSDSCSVReader.package(directory: folder)
            // act
            let report = try await HSDSImporter(app: app).run(path: folder.path)
            try await HSDSExporter.load(app).writeCSV(to: out)
            // check
            #expect(report.outcome == .imported, "\(report.text)")
            let lost = try HSDSPackageFiles(folder).lost(in: HSDSPackageFiles(out))
            // rows about records outside the package have no record to be kept with: the import says so
            let unplaced = Set(contents.unplaced.keys.map(\.rawValue))
            #expect(unplaced == ["attributes", "metadata", "meta_table_descriptions"])
            #expect(report.omitted["meta_table_descriptions.csv"] == 1 && report.omitted["metadata.csv (over een record dat niet in het pakket staat)"] == 1)
            let placedLost = lost.filter { !unplaced.contains(String($0.prefix { $0 != " " })) }
            withKnownIssue("taxonomy_term.term_uri and its free-text taxonomy are not stored by the taxonomy import yet") {
                #expect(placedLost.filter { $0.hasPrefix("taxonomy_terms ") } == [])
            }
            let rest = placedLost.filter { !$0.hasPrefix("taxonomy_terms ") }
            #expect(rest == [], "\(rest.count) values lost:\n\(rest.prefix(60).joined(separator: "\n"))")
        }
    }

    @Test("1,000 generated Dutch services: JSON in, CSV package out, that package into an empty database and out again, value by value")
    func generatedDutchFile() async throws {
        // setup
        let file = HSDSKeptOriginalTests.generatedFile()
        let organisations = try #require(file.arrayValue)
        let path = try hsdsTemporaryFile(try file.data(), name: "sociale-kaart.json")
        let first = try hsdsTemporaryDirectory(), second = try hsdsTemporaryDirectory()
        var expected = HSDSPackageFlattener()
        for organisation in organisations { expected.add(organisation, as: .organizations) }
        // act
        try await withApp(demo: false) { app in
            let report = try await HSDSImporter(app: app).run(path: path)
            #expect(report.outcome == .imported, "\(report.text.prefix(2000))")
            try await HSDSExporter.load(app).writeCSV(to: first)
        }
        try await withApp(demo: false) { app in
            let report = try await HSDSImporter(app: app).run(path: first.path)
            #expect(report.outcome == .imported && report.counts("services").created == 1000, "\(report.text.prefix(2000))")
            try await HSDSExporter.load(app).writeCSV(to: second)
        }
        // check
        let package = try HSDSPackageFiles(first)
        #expect(package.tables[.services]?.count == 1000)
        let fromJSON = HSDSPackageFiles(expected).lost(in: package)
        #expect(fromJSON == [], "\(fromJSON.count) values of the JSON file not in the package:\n\(fromJSON.prefix(40).joined(separator: "\n"))")
        // last_modified is when this installation wrote the record
        let again = package.lost(in: try HSDSPackageFiles(second), ignoring: ["services.last_modified"])
        #expect(again == [], "\(again.count) values lost:\n\(again.prefix(40).joined(separator: "\n"))")
    }
}
