import Foundation

/// An HSDS tabular data package as nested JSON: what the CSV reader makes of the rows and what
/// the CSV writer flattens back into rows. Nothing a package holds is left out: rows that have
/// no place in the nested form are kept aside in `unplaced` (ADR 0039).
struct HSDSPackageContents: Sendable {
    /// The top-level records, nested as `schema/compiled/*.json` nests them.
    var sources: [HSDSSource] = []
    /// Every taxonomy and term, also those no attribute uses (attributes embed the ones they use).
    var taxonomies: [JSONValue] = []
    var terms: [JSONValue] = []
    /// Rows no record of the package holds: `meta_table_descriptions`, and attributes and
    /// metadata about a record outside the package. Keyed by table, in file order.
    var unplaced: [HSDSTable: [JSONValue]] = [:]
    /// Columns outside the standard, per table, in the order of the file (kept as text).
    var extensionColumns: [HSDSTable: [String]] = [:]
}
