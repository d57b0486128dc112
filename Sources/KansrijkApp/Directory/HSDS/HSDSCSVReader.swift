import Foundation

/// Reads an HSDS tabular data package: a folder with datapackage.json and one CSV file per
/// table (all 21 of HSDS 3.0). Files are found through datapackage.json when it lists them, else
/// by their standard names. Each row becomes the JSON object of its columns, typed per schema;
/// the rows are then nested the way the JSON form nests them (`+Assemble`), so the typed records
/// the planner reads are decoded from the same JSON a JSON file would give (issue 16).
/// A folder without datapackage.json is refused (issue 13): it is not a package but most likely
/// the wrong folder, and importing whatever CSV files it holds would succeed with nothing.
struct HSDSCSVReader {
    /// One data row: the file line it starts on and its cells as JSON, empty cells left out.
    struct Row: Sendable {
        var line: Int
        var id: String
        var object: [String: JSONValue]
    }

    let directory: URL
    var bundle = HSDSBundle(format: "CSV")
    var contents = HSDSPackageContents()
    private(set) var rows: [HSDSTable: [Row]] = [:]
    /// Tables that could not be read; rows pointing into them are not reported again.
    private(set) var unreadable: Set<HSDSTable> = []
    /// Ids of rows rejected, by table; rows pointing to them are not reported again either.
    private(set) var rejectedIDs: [HSDSTable: Set<String>] = [:]

    init(directory: URL) {
        self.directory = directory
    }

    static func read(directory: URL) throws(CommandFailure) -> HSDSBundle {
        try package(directory: directory).bundle
    }

    /// The bundle the import plans from, and the package as nested JSON with what has no place in it.
    static func package(directory: URL) throws(CommandFailure) -> (bundle: HSDSBundle, contents: HSDSPackageContents) {
        guard FileManager.default.fileExists(atPath: directory.appendingPathComponent("datapackage.json").path) else {
            throw CommandFailure("Geen datapackage.json in \(directory.path): een map is alleen als HSDS-datapakket te importeren; er is niets gewijzigd.")
        }
        var reader = HSDSCSVReader(directory: directory)
        reader.loadTables()
        reader.assemble()
        return (reader.bundle, reader.contents)
    }

    /// Resource paths from datapackage.json, by resource name and by file name.
    private mutating func packagePaths() -> [String: String] {
        let url = directory.appendingPathComponent("datapackage.json")
        guard let data = FileManager.default.contents(atPath: url.path),
              let package = try? JSONValue.parse(data), let resources = package["resources"]?.arrayValue else {
            bundle.notes.append("datapackage.json is onleesbaar of noemt geen resources; de standaard bestandsnamen zijn gebruikt.")
            return [:]
        }
        var paths: [String: String] = [:]
        for resource in resources {
            guard let path = resource["path"]?.stringValue else { continue }
            if let name = resource["name"]?.stringValue { paths[name] = path }
            paths[(path as NSString).lastPathComponent] = path
        }
        return paths
    }

    private mutating func loadTables() {
        let paths = packagePaths()
        for table in HSDSTable.allCases {
            let candidates = [paths[table.entity], paths[table.fileName], table.fileName] + table.alternativeFileNames
            guard let path = candidates.compactMap({ $0 }).first(where: { FileManager.default.fileExists(atPath: file($0).path) }),
                  let data = FileManager.default.contents(atPath: file(path).path) else { continue }
            let csv: CSVFile.Table
            do {
                csv = try CSVFile.read(data, ragged: .keep)
            } catch {
                bundle.rejections.append("\(path) \(error)")
                unreadable.insert(table)
                continue
            }
            load(table, csv, path: path)
        }
    }

    private mutating func load(_ table: HSDSTable, _ csv: CSVFile.Table, path: String) {
        guard !csv.header.isEmpty else { return }
        guard csv.header.contains("id") else {
            bundle.rejections.append("\(path): de kolom id ontbreekt")
            unreadable.insert(table)
            return
        }
        if let twice = csv.header.first(where: { name in csv.header.filter { $0 == name }.count > 1 }) {
            bundle.rejections.append("\(path): de kolom \(twice) staat twee keer in de kopregel")
            unreadable.insert(table)
            return
        }
        let extra = csv.header.filter { !table.columns.contains($0) && !$0.isEmpty }
        if !extra.isEmpty { contents.extensionColumns[table] = extra }
        var seen: [String: Int] = [:]
        var loaded: [Row] = []
        rows: for row in csv.rows {
            guard row.fields.count == csv.header.count else {
                reject(table, row.line, nil, "\(row.fields.count) velden, maar de kopregel heeft er \(csv.header.count)")
                continue
            }
            var object: [String: JSONValue] = [:]
            for (column, cell) in zip(csv.header, row.fields) where !column.isEmpty {
                do {
                    if let value = try HSDSRow.value(cell, column: column) {
                        object[column] = value
                    } else if table.requiredColumns.contains(column), column != "name" {
                        // an empty name is a mistake in the sheet, named at its row below
                        object[column] = .string(cell)
                    }
                } catch {
                    reject(table, row.line, object["id"]?.stringValue, error.reason)
                    continue rows
                }
            }
            guard let id = object["id"]?.stringValue else { reject(table, row.line, nil, "id ontbreekt"); continue }
            if let first = seen[id.lowercased()] {
                reject(table, row.line, id, "dezelfde id staat al op regel \(first)")
                continue
            }
            seen[id.lowercased()] = row.line
            if let reason = Self.typeCheck(table, object) { reject(table, row.line, id, reason); continue }
            loaded.append(Row(line: row.line, id: id, object: object))
        }
        rows[table] = loaded
    }

    /// Checks the fields the schema requires and decodes a row as the record type the planner
    /// reads, so a missing field is reported at its row rather than deep inside the nested record.
    private static func typeCheck(_ table: HSDSTable, _ object: [String: JSONValue]) -> String? {
        if let missing = table.requiredColumns.sorted().first(where: { object[$0] == nil }) { return "verplicht veld '\(missing)' ontbreekt" }
        let types: [HSDSTable: any Decodable.Type] = [
            .organizations: HSDSOrganization.self, .services: HSDSService.self, .locations: HSDSLocation.self,
            .addresses: HSDSAddress.self, .accessibility: HSDSAccessibility.self, .serviceAtLocations: HSDSServiceAtLocation.self,
            .serviceAreas: HSDSServiceArea.self, .languages: HSDSLanguage.self, .contacts: HSDSContact.self, .phones: HSDSPhone.self,
            .schedules: HSDSSchedule.self, .attributes: HSDSAttribute.self, .taxonomies: HSDSTaxonomy.self, .taxonomyTerms: HSDSTaxonomyTerm.self,
        ]
        guard let type = types[table] else { return nil }
        do {
            _ = try JSONDecoder().decode(type, from: JSONValue.object(object).data())
            return nil
        } catch let error as DecodingError {
            return HSDSRow.describe(error)
        } catch {
            return "onleesbaar"
        }
    }

    private func file(_ path: String) -> URL { directory.appendingPathComponent(path) }

    mutating func reject(_ table: HSDSTable, _ line: Int, _ id: String?, _ reason: String) {
        if let id { rejectedIDs[table, default: []].insert(id.lowercased()) }
        bundle.rejections.append("\(table.fileName) regel \(line)\(id.map { " (id \($0))" } ?? ""): \(reason)")
    }
}
