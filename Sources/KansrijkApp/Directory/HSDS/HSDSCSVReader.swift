import Foundation

/// Reads an HSDS tabular data package: a folder with datapackage.json and one CSV file per
/// table. Files are found through datapackage.json when it lists them, else by their standard
/// names. Rows are decoded per table and then nested the way the JSON form nests them.
/// A folder without datapackage.json is refused (issue 13): it is not a package but most likely
/// the wrong folder, and importing whatever CSV files it holds would succeed with nothing.
struct HSDSCSVReader {
    let directory: URL
    var bundle = HSDSBundle(format: "CSV")
    private(set) var tables: [HSDSTable: CSVTable] = [:]
    /// Tables that could not be read; rows pointing into them are not reported again.
    private(set) var unreadable: Set<HSDSTable> = []

    init(directory: URL) {
        self.directory = directory
    }

    static func read(directory: URL) throws(CommandFailure) -> HSDSBundle {
        guard FileManager.default.fileExists(atPath: directory.appendingPathComponent("datapackage.json").path) else {
            throw CommandFailure("Geen datapackage.json in \(directory.path): een map is alleen als HSDS-datapakket te importeren; er is niets gewijzigd.")
        }
        var reader = HSDSCSVReader(directory: directory)
        reader.loadTables()
        reader.assemble()
        return reader.bundle
    }

    /// Resource paths from datapackage.json, by resource name and by file name.
    private mutating func packagePaths() -> [String: String] {
        let url = directory.appendingPathComponent("datapackage.json")
        guard let data = FileManager.default.contents(atPath: url.path),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let resources = object["resources"] as? [[String: Any]] else {
            bundle.notes.append("datapackage.json is onleesbaar of noemt geen resources; de standaard bestandsnamen zijn gebruikt.")
            return [:]
        }
        var paths: [String: String] = [:]
        for resource in resources {
            guard let path = resource["path"] as? String else { continue }
            if let name = resource["name"] as? String { paths[name] = path }
            paths[(path as NSString).lastPathComponent] = path
        }
        return paths
    }

    private mutating func loadTables() {
        let paths = packagePaths()
        for table in HSDSTable.allCases {
            let candidates = [paths[table.resourceName], paths[table.fileName], table.fileName] + table.alternativeFileNames
            guard let path = candidates.compactMap({ $0 }).first(where: { FileManager.default.fileExists(atPath: file($0).path) }),
                  let data = FileManager.default.contents(atPath: file(path).path) else { continue }
            do {
                let parsed = try CSVTable(data: data)
                guard parsed.columns.contains("id") else {
                    bundle.rejections.append("\(path): de kolom id ontbreekt")
                    unreadable.insert(table)
                    continue
                }
                tables[table] = parsed
            } catch let error as RFC4180.ParseError {
                bundle.rejections.append("\(path) \(error)")
                unreadable.insert(table)
            } catch {
                bundle.rejections.append("\(path): onleesbaar")
                unreadable.insert(table)
            }
        }
        for name in HSDSTable.unsupportedFiles {
            guard let data = FileManager.default.contents(atPath: file(name).path) else { continue }
            bundle.omit(name, (try? CSVTable(data: data).rows.count) ?? 1)
        }
    }

    private func file(_ path: String) -> URL { directory.appendingPathComponent(path) }

    /// The rows of a table decoded as records; a row that does not decode is rejected.
    mutating func records<T: Decodable>(_ table: HSDSTable, as type: T.Type) -> [(row: CSVTable.Row, record: T)] {
        guard let csv = tables[table] else { return [] }
        var out: [(CSVTable.Row, T)] = []
        for row in csv.rows {
            do {
                out.append((row, try HSDSRow.record(T.self, from: row)))
            } catch let failure as HSDSRow.Failure {
                reject(table, row, failure.reason)
            } catch {
                reject(table, row, "onleesbaar")
            }
        }
        return out
    }

    /// A row pointing to a record in `parent` that is not there; silent when `parent` itself was unreadable.
    mutating func rejectMissing(_ table: HSDSTable, _ row: CSVTable.Row, _ parent: HSDSTable, _ entity: String, _ id: String?) {
        guard !unreadable.contains(parent) else { return }
        reject(table, row, "\(entity) \(id ?? "(leeg)") staat niet in \(parent.fileName)")
    }

    mutating func reject(_ table: HSDSTable, _ row: CSVTable.Row, _ reason: String) {
        bundle.rejections.append("\(table.fileName) regel \(row.line)\(row["id"].map { " (id \($0))" } ?? ""): \(reason)")
    }
}
