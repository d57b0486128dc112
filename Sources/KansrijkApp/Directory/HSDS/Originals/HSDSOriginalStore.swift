import Fluent
import Foundation

/// Keeps the records of an imported HSDS file as they came in (ADR 0035). Runs inside the import's
/// transaction, after the plan is applied, so the originals and our records change together.
enum HSDSOriginalStore {
    struct Counts: Sendable, Equatable {
        var created = 0
        var updated = 0
        var unchanged = 0
    }

    /// One record to keep: organisations without their nested services and locations (those are
    /// kept on their own; the organisation keeps `{id}` stubs for their order).
    struct Entry: Sendable {
        var kind: HSDSOriginal.Kind
        var id: UUID
        var value: JSONValue
    }

    /// Stores every record of `sources` with its baseline; a record stored the same way already is left alone.
    @discardableResult
    static func keep(_ sources: [HSDSSource], on db: any Database, now: Date) async throws -> Counts {
        let entries = decompose(sources)
        guard !entries.isEmpty else { return Counts() }
        let snapshot = try await DirectorySnapshot.load(from: db)
        var catalog = try await HSDSCatalog.load(snapshot: snapshot, on: db)
        catalog.originals = HSDSOriginalIndex()
        let builder = HSDSBuilder(snapshot: snapshot, catalog: catalog)
        let existing = Dictionary(
            try await HSDSOriginal.query(on: db).all().map { ("\($0.kind):\($0.recordID)", $0) },
            uniquingKeysWith: { first, _ in first })
        var counts = Counts()
        for entry in entries {
            let json = String(decoding: try entry.value.data(), as: UTF8.self)
            let baseline = try baseline(of: entry, builder).map { String(decoding: try $0.data(), as: UTF8.self) }
            let links = entry.kind == .service ? HSDSOriginalIndex.links(of: entry.value) : nil
            if let row = existing["\(entry.kind.rawValue):\(entry.id)"] {
                guard row.json != json || row.baseline != baseline || row.links != links else {
                    counts.unchanged += 1
                    continue
                }
                (row.json, row.baseline, row.links, row.importedAt) = (json, baseline, links, now)
                try await row.update(on: db)
                counts.updated += 1
            } else {
                try await HSDSOriginal(kind: entry.kind, recordID: entry.id, json: json, baseline: baseline, links: links, importedAt: now).create(on: db)
                counts.created += 1
            }
        }
        return counts
    }

    /// What our builder makes of the record now, as the merge compares it (nil: not ours).
    static func baseline(of entry: Entry, _ builder: HSDSBuilder) throws -> JSONValue? {
        let encoder = JSONEncoder()
        switch entry.kind {
        case .organization:
            guard let o = builder.catalog.organisation(entry.id),
                  case .object(var record) = try JSONValue.parse(encoder.encode(builder.fullOrganization(o, fullServices: false))) else { return nil }
            for field in ["services", "locations"] { record[field] = record[field].map(stubs) }
            return .object(record)
        case .service:
            guard let s = builder.snapshot.service(entry.id) else { return nil }
            return try JSONValue.parse(encoder.encode(builder.fullService(s)))
        case .location:
            guard let p = builder.catalog.places[entry.id] else { return nil }
            return try JSONValue.parse(encoder.encode(builder.location(p, full: true)))
        }
    }

    /// Children kept as records of their own appear in their parent as `{id}` only, for their order.
    static func stubs(_ list: JSONValue) -> JSONValue {
        .array((list.arrayValue ?? []).map { child in .object(["id": child["id"] ?? .null]) })
    }

    /// The records to keep, each once: a top-level record before the same record nested elsewhere.
    static func decompose(_ sources: [HSDSSource]) -> [Entry] {
        var entries: [Entry] = []
        var seen = Set<String>()
        func add(_ kind: HSDSOriginal.Kind, _ value: JSONValue) {
            guard let id = value["id"]?.stringValue.flatMap(UUID.init(uuidString:)),
                  seen.insert("\(kind.rawValue):\(id)").inserted else { return }
            entries.append(Entry(kind: kind, id: id, value: value))
        }
        func organization(_ value: JSONValue) {
            guard case .object(var object) = value else { return }
            for (field, kind) in [("services", HSDSOriginal.Kind.service), ("locations", .location)] {
                guard let list = object[field]?.arrayValue else { continue }
                object[field] = stubs(.array(list))
                for child in list where kind == .service { service(child) }
                for child in list where kind == .location { add(.location, child) }
            }
            add(.organization, .object(object))
        }
        func service(_ value: JSONValue) {
            add(.service, value)
            for link in value["service_at_locations"]?.arrayValue ?? [] {
                if let location = link["location"], location.objectValue != nil { add(.location, location) }
            }
        }
        // top-level records first, so that a nested copy (an organisation repeated in each of its
        // services) never stands in for the record itself
        for source in sources {
            switch source.kind {
            case .organization: organization(source.value)
            case .service: add(.service, source.value)
            case .location: add(.location, source.value)
            }
        }
        for source in sources where source.kind == .service {
            service(source.value)
            if let nested = source.value["organization"], nested.objectValue != nil { organization(nested) }
        }
        return entries
    }
}
