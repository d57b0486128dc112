import Foundation

extension HSDSExporter {
    /// The directory as package contents: every organisation fully nested with its kept
    /// originals merged back (`organizationRecords`), and every taxonomy and term, used or not.
    func packageContents() throws -> HSDSPackageContents {
        var contents = HSDSPackageContents()
        contents.sources = try organizationRecords().map { HSDSSource(kind: .organization, value: $0) }
        contents.taxonomies = try builder.catalog.taxonomies.map { try Self.json(builder.taxonomy($0)) }
        contents.terms = try builder.catalog.terms.map { try Self.json(builder.term($0)) }
        return contents
    }

    /// One CSV per table of HSDS 3.0 (header only when empty), every standard column in the
    /// standard order, and a datapackage.json describing them.
    func writeCSV(to directory: URL) throws {
        try Self.writePackage(HSDSPackageFlattener(packageContents()), to: directory)
    }

    static func writePackage(_ flat: HSDSPackageFlattener, to directory: URL) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var headers: [HSDSTable: [String]] = [:]
        for table in HSDSTable.allCases {
            let (header, rows) = flat.table(table)
            headers[table] = header
            try Data(CSVFile.write(header: header, rows: rows).utf8).write(to: directory.appendingPathComponent(table.fileName))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try (encoder.encode(HSDSDataPackage(headers: headers)) + Data("\n".utf8)).write(to: directory.appendingPathComponent("datapackage.json"))
    }

    private static func json<T: Encodable>(_ record: T) throws -> JSONValue {
        try JSONValue.parse(JSONEncoder().encode(record))
    }
}
