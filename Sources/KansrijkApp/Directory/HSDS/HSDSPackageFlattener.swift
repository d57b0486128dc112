import Foundation

/// Flattens nested HSDS records into the rows of the tabular data package: every object goes to
/// its table, with the id of the record holding it in the reference column (`organization_id`,
/// `service_at_location_id`, `link_id` ...). A record met more than once (a phone under its
/// service and under its contact) is one row, its references merged. A value the object states
/// itself wins over the one its place implies, so references kept from a file come back as they were.
struct HSDSPackageFlattener {
    private(set) var rows: [HSDSTable: [[String: String]]] = [:]
    private var rowIndex: [HSDSTable: [String: Int]] = [:]
    /// Scalar fields outside the standard columns, per table, in the order first met.
    private(set) var extensionColumns: [HSDSTable: [String]] = [:]

    init() {}

    /// The package of a set of contents: its top-level records, taxonomies, terms and the rows
    /// kept aside, each table with its standard columns first.
    init(_ contents: HSDSPackageContents) {
        for source in contents.sources {
            add(source.value, as: source.kind == .organization ? .organizations : source.kind == .service ? .services : .locations)
        }
        for taxonomy in contents.taxonomies { add(taxonomy, as: .taxonomies) }
        for term in contents.terms { add(term, as: .taxonomyTerms) }
        for table in HSDSTable.allCases {
            for row in contents.unplaced[table] ?? [] { add(row, as: table) }
            for column in contents.extensionColumns[table] ?? [] where !(extensionColumns[table] ?? []).contains(column) {
                extensionColumns[table, default: []].append(column)
            }
        }
    }

    /// Adds a record and everything nested in it; returns its id.
    @discardableResult
    mutating func add(_ value: JSONValue, as table: HSDSTable, links: [String: String] = [:]) -> String? {
        guard let fields = value.objectValue else { return nil }
        var cells = links
        for (key, field) in fields {
            guard let cell = HSDSRow.cell(field), !cell.isEmpty else { continue }
            cells[key] = cell
            if !table.columns.contains(key), !(extensionColumns[table] ?? []).contains(key) { extensionColumns[table, default: []].append(key) }
        }
        let id = cells["id"]
        for key in fields.keys.sorted() {
            guard let child = table.child(at: key), let id else { continue }
            let items = fields[key]?.arrayValue ?? (fields[key]?.objectValue != nil ? [fields[key]!] : [])
            for item in items {
                if let embed = child.embedded {
                    if let childID = add(item, as: child.table), cells[embed.column] == nil { cells[embed.column] = childID }
                } else if let column = child.column {
                    add(item, as: child.table, links: [column: id])
                } else if let annotation = child.table.annotationColumns {
                    add(item, as: child.table, links: [annotation.id: id, annotation.entity: table.entity])
                }
            }
        }
        merge(cells, into: table)
        return id
    }

    /// A row once per id: the first value of each column stays, later copies fill empty cells.
    private mutating func merge(_ cells: [String: String], into table: HSDSTable) {
        guard let key = cells["id"]?.lowercased() else {
            rows[table, default: []].append(cells)
            return
        }
        if let at = rowIndex[table]?[key] {
            rows[table, default: []][at].merge(cells) { first, _ in first }
        } else {
            rowIndex[table, default: [:]][key] = rows[table, default: []].count
            rows[table, default: []].append(cells)
        }
    }

    /// The header of a table: its standard columns, then the extension columns met.
    func header(_ table: HSDSTable) -> [String] { table.columns + (extensionColumns[table] ?? []) }

    /// A table as header and rows of cells, in the order the records were met.
    func table(_ table: HSDSTable) -> (header: [String], rows: [[String]]) {
        let header = header(table)
        return (header, (rows[table] ?? []).map { cells in header.map { cells[$0] ?? "" } })
    }
}
