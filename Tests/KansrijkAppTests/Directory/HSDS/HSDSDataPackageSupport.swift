import Foundation
import Testing
@testable import KansrijkApp

/// The rows of a tabular data package on disk, by table and id, each as column -> cell.
struct HSDSPackageFiles {
    var tables: [HSDSTable: [String: [String: String]]] = [:]
    var headers: [HSDSTable: [String]] = [:]

    init(_ folder: URL) throws {
        for table in HSDSTable.allCases {
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(table.fileName).path) else { continue }
            let csv = try CSVFile.read(data, separator: .comma)
            headers[table] = csv.header
            for row in csv.rows {
                let cells = Dictionary(zip(csv.header, row.fields), uniquingKeysWith: { a, _ in a })
                tables[table, default: [:]][(cells["id"] ?? "").lowercased()] = cells
            }
        }
    }

    init(_ flat: HSDSPackageFlattener) {
        for table in HSDSTable.allCases {
            let (header, rows) = flat.table(table)
            headers[table] = header
            for fields in rows {
                let cells = Dictionary(zip(header, fields), uniquingKeysWith: { a, _ in a })
                tables[table, default: [:]][(cells["id"] ?? "").lowercased()] = cells
            }
        }
    }

    var rowCount: Int { tables.values.reduce(0) { $0 + $1.count } }

    /// Every non-empty cell of `self` that `other` does not hold at the same table, id and
    /// column, as "table id column: 'here' -> 'there'". Numbers compare as numbers (`12` = `12.0`).
    func lost(in other: HSDSPackageFiles, ignoring: Set<String> = []) -> [String] {
        var lost: [String] = []
        for table in HSDSTable.allCases {
            for (id, cells) in tables[table] ?? [:] {
                let there = other.tables[table]?[id]
                for (column, cell) in cells where !cell.trimmingCharacters(in: .whitespaces).isEmpty && !ignoring.contains("\(table.rawValue).\(column)") {
                    let theirs = there?[column] ?? ""
                    if theirs == cell { continue }
                    if HSDSTable.numberColumns.contains(column), let a = Double(cell), let b = Double(theirs), a == b { continue }
                    if column == "id" || column.hasSuffix("_id"), theirs.lowercased() == cell.lowercased() { continue }
                    lost.append("\(table.rawValue) \(id) \(column): '\(cell)' -> '\(theirs)'")
                }
            }
        }
        return lost.sorted()
    }
}

/// The official HSDS 3.0 tabular example (a copy in the fixtures).
let hsdsOfficialPackage = hsdsFixtures.appendingPathComponent("csv")

/// A copy of a package folder, each file passed through `edit` (file name, text) -> text.
func hsdsCopyPackage(_ folder: URL, edit: (String, String) -> String = { $1 }) throws -> URL {
    let copy = try hsdsTemporaryDirectory()
    for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
        let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        try edit(name, text).write(to: copy.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
    return copy
}
