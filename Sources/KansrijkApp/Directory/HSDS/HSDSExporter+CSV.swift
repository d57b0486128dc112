import Foundation

extension HSDSExporter {
    /// The nested records flattened into the package's tables, each child row carrying the id
    /// of its parent. Taxonomies and terms are all of them, used or not.
    func tables() throws -> [HSDSTable: [[String: String]]] {
        var rows: [HSDSTable: [[String: String]]] = [:]
        func add<T: Encodable>(_ table: HSDSTable, _ record: T, _ links: [String: String] = [:]) throws {
            rows[table, default: []].append(try HSDSRow.cells(record, adding: links))
        }
        for o in organizations {
            try add(.organizations, o)
            for p in o.phones ?? [] { try add(.phones, p, ["organization_id": o.id]) }
            for a in o.attributes ?? [] { try add(.attributes, a) }
            for l in o.locations ?? [] {
                try add(.locations, l)
                for a in l.addresses ?? [] { try add(.addresses, a, ["location_id": l.id]) }
                for a in l.accessibility ?? [] { try add(.accessibility, a, ["location_id": l.id]) }
            }
            for s in o.services ?? [] {
                let link = ["service_id": s.id]
                try add(.services, s)
                for p in s.phones ?? [] { try add(.phones, p, link) }
                for x in s.schedules ?? [] { try add(.schedules, x, link) }
                for x in s.serviceAreas ?? [] { try add(.serviceAreas, x, link) }
                for x in s.languages ?? [] { try add(.languages, x, link) }
                for x in s.serviceAtLocations ?? [] { try add(.serviceAtLocations, x, ["service_id": s.id, "location_id": x.location?.id ?? ""]) }
                for c in s.contacts ?? [] {
                    try add(.contacts, c, link)
                    for p in c.phones ?? [] { try add(.phones, p, ["contact_id": c.id]) }
                }
                for a in s.attributes ?? [] { try add(.attributes, a) }
            }
        }
        for t in builder.catalog.taxonomies { try add(.taxonomies, builder.taxonomy(t)) }
        for t in builder.catalog.terms { try add(.taxonomyTerms, builder.term(t)) }
        return rows
    }

    /// One CSV per table (header only when empty) and a datapackage.json describing them.
    func writeCSV(to directory: URL) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let rows = try tables()
        for table in HSDSTable.allCases {
            let body = RFC4180.write(header: table.columns, rows: (rows[table] ?? []).map { cells in table.columns.map { cells[$0] ?? "" } })
            try Data(body.utf8).write(to: directory.appendingPathComponent(table.fileName))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try (encoder.encode(HSDSDataPackage()) + Data("\n".utf8)).write(to: directory.appendingPathComponent("datapackage.json"))
    }
}
