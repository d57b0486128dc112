import Foundation

/// datapackage.json of an export: a Frictionless tabular data package listing the 21 CSV files
/// of HSDS 3.0 with the columns each file really has (the standard ones, then any extension
/// columns kept from an import), typed as the HSDS schemas type them.
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
    var resources: [Resource]

    /// The package with the given header per table (the standard columns where none is given).
    init(headers: [HSDSTable: [String]] = [:]) {
        resources = HSDSTable.allCases.map { table in
            Resource(name: table.entity, path: table.fileName, schema: Schema(
                fields: (headers[table] ?? table.columns).map { column in
                    guard table.columns.contains(column) else { return Field(name: column, type: "string") }
                    if HSDSTable.numberColumns.contains(column) { return Field(name: column, type: "number") }
                    return Field(name: column, type: "string", format: HSDSTable.format(of: column))
                },
                primaryKey: ["id"]))
        }
    }
}
