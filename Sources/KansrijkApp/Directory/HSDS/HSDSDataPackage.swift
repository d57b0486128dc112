import Foundation

/// datapackage.json of an export: a Frictionless tabular data package listing our CSV files.
struct HSDSDataPackage: Encodable {
    struct Field: Encodable {
        var name: String
        var type: String
        var format: String?
    }

    struct Schema: Encodable {
        var fields: [Field]
        var primaryKey: [String]
    }

    struct Resource: Encodable {
        var name: String
        var path: String
        var profile = "tabular-data-resource"
        var format = "csv"
        var mediatype = "text/csv"
        var encoding = "utf-8"
        var schema: Schema
    }

    var profile = "tabular-data-package"
    var name = "kansrijk-hsds"
    var title = "Aanbod Kansrijke Start (Open Referral HSDS 3.0)"
    var resources: [Resource] = HSDSTable.allCases.map { table in
        Resource(name: table.resourceName, path: table.fileName, schema: Schema(
            fields: table.columns.map { column in
                if HSDSTable.numericColumns.contains(column) { return Field(name: column, type: "number") }
                if column == "id" || column.hasSuffix("_id") { return Field(name: column, type: "string", format: "uuid") }
                return Field(name: column, type: "string")
            },
            primaryKey: ["id"]))
    }
}
