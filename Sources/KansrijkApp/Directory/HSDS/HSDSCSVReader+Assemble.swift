import Foundation

extension HSDSCSVReader {
    /// Children before parents: each record is complete (its own children and annotations in
    /// place) before it is copied into the records that hold it.
    static let buildOrder: [HSDSTable] = [.metadata, .taxonomies, .taxonomyTerms, .attributes, .metaTableDescriptions, .languages, .addresses,
                                          .accessibility, .schedules, .serviceAreas, .funding, .costOptions, .requiredDocuments,
                                          .organizationIdentifiers, .programs, .phones, .contacts, .locations, .serviceAtLocations, .services,
                                          .organizations]

    /// Nests every row under each parent of the package it names (ADR 0039). The reference to a
    /// parent that holds the row is implied by the nesting and left out of the nested copy; a
    /// reference to a record outside the package is kept as a field. A row that no record holds
    /// stands at the top (organisations, services, locations), is kept aside (attributes and
    /// metadata about records outside the package, meta_table_descriptions), or is rejected as a
    /// broken reference with its file and line.
    mutating func assemble() {
        var index: [HSDSTable: Set<String>] = [:]
        for (table, list) in rows { index[table] = Set(list.map { $0.id.lowercased() }) }
        func present(_ table: HSDSTable, _ value: JSONValue?) -> String? {
            guard let id = value?.stringValue?.lowercased(), index[table]?.contains(id) == true else { return nil }
            return id
        }
        var embedded: Set<String> = []
        for table in HSDSTable.allCases {
            for embed in table.embeds {
                for row in rows[table] ?? [] { if let id = present(embed.target, row.object[embed.column]) { embedded.insert("\(embed.target.rawValue)/\(id)") } }
            }
        }

        var pending: [HSDSTable: [String: [String: [JSONValue]]]] = [:]
        var built: [HSDSTable: [String: JSONValue]] = [:]
        var topLevel: [HSDSTable: [(line: Int, value: JSONValue)]] = [:]
        for (position, table) in Self.buildOrder.enumerated() {
            for row in rows[table] ?? [] {
                let id = row.id.lowercased()
                var object = row.object
                for (key, children) in pending[table]?[id] ?? [:] { object[key] = .array(children) }
                for embed in table.embeds {
                    if let target = present(embed.target, object[embed.column]), let value = built[embed.target]?[target] {
                        object[embed.key] = value
                        object[embed.column] = nil
                    }
                }
                let homes = table.homes.compactMap { home in present(home.parent, object[home.column]).map { (home, $0) } }
                for (home, _) in homes { object[home.column] = nil }
                // a location no organisation of the package holds stands at the top even when a service
                // at a location embeds it, as the previous reader gave it (`HSDSBundle.locations`)
                var placed = !homes.isEmpty || (table != .locations && embedded.contains("\(table.rawValue)/\(id)"))

                if let annotation = table.annotationColumns {
                    if let (target, targetID) = annotationTarget(row.object, annotation, index),
                       (Self.buildOrder.firstIndex(of: target) ?? 0) > position {
                        object[annotation.id] = nil
                        pending[target, default: [:]][targetID, default: [:]][annotation.key, default: []].append(.object(object))
                        placed = true
                    }
                }
                built[table, default: [:]][id] = .object(object)
                for (home, parentID) in homes { pending[home.parent, default: [:]][parentID, default: [:]][home.key, default: []].append(.object(object)) }

                switch table {
                case .taxonomies: contents.taxonomies.append(.object(object))
                case .taxonomyTerms: contents.terms.append(.object(object))
                case .organizations: topLevel[table, default: []].append((row.line, .object(object)))
                case _ where placed: break
                case .services, .locations: topLevel[table, default: []].append((row.line, .object(object)))
                case .attributes, .metadata, .metaTableDescriptions:
                    contents.unplaced[table, default: []].append(.object(row.object))
                default:
                    rejectUnplaced(table, row)
                }
            }
        }
        for (table, list) in contents.unplaced {
            bundle.omit(table == .metaTableDescriptions ? table.fileName : "\(table.fileName) (over een record dat niet in het pakket staat)", list.count)
        }
        decodeTyped(topLevel)
    }

    /// The record an attribute or metadata row describes: by its table and id, or (when the
    /// table is missing or not a table name) by the id alone when exactly one table has it.
    private func annotationTarget(_ object: [String: JSONValue], _ columns: (id: String, entity: String, key: String),
                                  _ index: [HSDSTable: Set<String>]) -> (HSDSTable, String)? {
        guard let id = object[columns.id]?.stringValue?.lowercased() else { return nil }
        if let table = HSDSTable.named(object[columns.entity]?.stringValue) {
            return index[table]?.contains(id) == true ? (table, id) : nil
        }
        let tables = HSDSTable.allCases.filter { index[$0]?.contains(id) == true }
        return tables.count == 1 ? (tables[0], id) : nil
    }

    /// A row whose parents are all outside the package, or that names none.
    private mutating func rejectUnplaced(_ table: HSDSTable, _ row: Row) {
        let named = table.homes.compactMap { home in row.object[home.column]?.stringValue.map { (home, $0) } }
        if named.contains(where: { unreadable.contains($0.0.parent) || rejectedIDs[$0.0.parent]?.contains($0.1.lowercased()) == true }) { return }
        if named.isEmpty {
            let columns = table.homes.map(\.column).joined(separator: ", ")
            reject(table, row.line, row.id, "hoort bij geen record: vul \(columns) in")
        } else {
            let missing = named.map { "\($0.0.parent.entity) \($0.1) staat niet in \($0.0.parent.fileName)" }.joined(separator: "; ")
            reject(table, row.line, row.id, missing)
        }
    }

    /// The sources of contract A and the typed records the planner reads, decoded from the same
    /// nested JSON; a record that does not decode is rejected with its file and line.
    private mutating func decodeTyped(_ topLevel: [HSDSTable: [(line: Int, value: JSONValue)]]) {
        let decoder = JSONDecoder()
        func decode<T: Decodable>(_ table: HSDSTable, _ item: (line: Int, value: JSONValue), as type: T.Type) -> T? {
            do {
                return try decoder.decode(T.self, from: item.value.data())
            } catch let error as DecodingError {
                reject(table, item.line, item.value["id"]?.stringValue, HSDSRow.describe(error))
            } catch {
                reject(table, item.line, item.value["id"]?.stringValue, "onleesbaar")
            }
            return nil
        }
        for item in topLevel[.organizations] ?? [] {
            contents.sources.append(HSDSSource(kind: .organization, value: item.value))
            if let record = decode(.organizations, item, as: HSDSOrganization.self) { bundle.organizations.append(record) }
        }
        for item in topLevel[.services] ?? [] {
            contents.sources.append(HSDSSource(kind: .service, value: item.value))
            if let record = decode(.services, item, as: HSDSService.self) { bundle.services.append(record) }
        }
        for item in topLevel[.locations] ?? [] {
            contents.sources.append(HSDSSource(kind: .location, value: item.value))
            if let record = decode(.locations, item, as: HSDSLocation.self) { bundle.locations.append(record) }
        }
        for (table, list) in [(HSDSTable.taxonomies, contents.taxonomies), (.taxonomyTerms, contents.terms)] {
            for (value, row) in zip(list, rows[table] ?? []) {
                if table == .taxonomies, let record = decode(table, (row.line, value), as: HSDSTaxonomy.self) { bundle.taxonomies.append(record) }
                if table == .taxonomyTerms, let record = decode(table, (row.line, value), as: HSDSTaxonomyTerm.self) { bundle.terms.append(record) }
            }
        }
        bundle.sources = contents.sources
    }
}
