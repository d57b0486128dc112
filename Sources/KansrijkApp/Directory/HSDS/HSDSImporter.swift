import Fluent
import Vapor

/// Imports an HSDS file or data package in one transaction: all records or none. Ids are kept;
/// importing the same file again changes nothing and reports every record as unchanged.
struct HSDSImporter {
    let app: Application

    private struct DryRunRollback: Error {}

    func run(path: String, dryRun: Bool = false) async throws -> HSDSImportReport {
        let bundle = try Self.read(path: path)
        try await app.directory.reload(on: app.db)
        let schema = try HSDSSchemaValidator.load(root: app.settings.rootDirectory)
        let context = try await HSDSImportContext.load(snapshot: app.directory.snapshot, on: app.db, schema: schema)
        let (planned, omitted) = HSDSImportPlanner.plan(bundle, context: context)
        let plan = planned.from(URL(fileURLWithPath: path).lastPathComponent)
        guard plan.rejections.isEmpty else {
            return HSDSImportReport(source: path, plan: plan, omitted: omitted, format: bundle.format, outcome: .rejected)
        }
        do {
            try await app.db.writeTransaction { db in
                try await Self.apply(plan, on: db)
                // what our model has no place for is kept with the records (ADR 0035)
                try await HSDSOriginalStore.keep(bundle.sources, on: db, now: Date())
                // running servers reload the directory (ADR 0040)
                try await ClusterChanges.bump(.directory, on: db)
                if dryRun { throw DryRunRollback() }
            }
        } catch is DryRunRollback {
            return HSDSImportReport(source: path, plan: plan, omitted: omitted, format: bundle.format, outcome: .dryRun)
        } catch {
            app.logger.report(error: error)
            return HSDSImportReport(source: path, plan: plan, omitted: omitted, format: bundle.format, outcome: .failed(String(describing: error)))
        }
        try await app.directory.reload(on: app.db)
        return HSDSImportReport(source: path, plan: plan, omitted: omitted, format: bundle.format, outcome: .imported)
    }

    /// A folder (or its datapackage.json) is a tabular data package; anything else is JSON.
    static func read(path: String) throws(CommandFailure) -> HSDSBundle {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            var bundle = HSDSBundle(format: "onbekend")
            bundle.rejections.append("Bestand of map niet gevonden: \(path)")
            return bundle
        }
        let url = URL(fileURLWithPath: path)
        if isDirectory.boolValue { return try HSDSCSVReader.read(directory: url) }
        if url.lastPathComponent == "datapackage.json" { return try HSDSCSVReader.read(directory: url.deletingLastPathComponent()) }
        guard let data = FileManager.default.contents(atPath: path) else {
            var bundle = HSDSBundle(format: "JSON")
            bundle.rejections.append("Het bestand \(path) is niet te lezen.")
            return bundle
        }
        return HSDSJSONReader.read(data)
    }

    /// Writes what is new or changed, parents before children.
    static func apply(_ plan: HSDSImportPlan, on db: any Database) async throws {
        for change in plan.taxonomies where change.kind != .unchanged {
            let v = change.value
            let t = try await TaxonomyRecord.find(v.id, on: db) ?? TaxonomyRecord(id: v.id, name: v.name, description: v.description)
            (t.name, t.description, t.uri, t.version) = (v.name, v.description, v.uri, v.version)
            try await t.save(on: db)
        }
        for change in plan.terms where change.kind != .unchanged {
            let v = change.value
            let t = try await TaxonomyTermRecord.find(v.id, on: db)
                ?? TaxonomyTermRecord(id: v.id, taxonomyID: v.taxonomyID, code: v.code, name: v.name, description: v.description)
            (t.taxonomyID, t.parentID, t.code, t.name, t.description, t.language) = (v.taxonomyID, v.parentID, v.code, v.name, v.description, v.language)
            try await t.save(on: db)
        }
        for change in plan.organisations where change.kind != .unchanged {
            let v = change.value
            let o = try await Organisation.find(v.id, on: db) ?? Organisation(id: v.id, name: v.name, kind: v.kind, description: v.description, municipalityCode: v.municipalityCode)
            (o.name, o.kind, o.description, o.email, o.website, o.phone, o.municipalityCode) = (v.name, v.kind, v.description, v.email, v.website, v.phone, v.municipalityCode)
            try await o.save(on: db)
        }
        for change in plan.locations where change.kind != .unchanged {
            let v = change.value
            let l = try await Location.find(v.id, on: db) ?? Location(id: v.id, organisationID: v.organisationID, name: v.name)
            l.$organisation.id = v.organisationID
            (l.name, l.isVirtual, l.street, l.postalCode, l.city, l.municipalityCode) = (v.name, v.isVirtual, v.street, v.postalCode, v.city, v.municipalityCode)
            (l.latitude, l.longitude, l.accessibility) = (v.latitude, v.longitude, v.accessibility)
            try await l.save(on: db)
        }
        for change in plan.services where change.kind != .unchanged {
            try await change.value.save(on: db)
        }
        try await DirectoryReview.applyImport(plan, on: db)
    }
}
