import Foundation

/// What an HSDS file holds, read but not yet checked against our model: the records in their
/// HSDS shape, plus what the reader already had to reject or leave out.
struct HSDSBundle: Sendable {
    var format: String
    /// Top-level organisations, possibly with nested locations and services.
    var organizations: [HSDSOrganization] = []
    /// Top-level services, possibly with a nested organisation and locations.
    var services: [HSDSService] = []
    /// Locations not nested in anything (the CSV package).
    var locations: [HSDSLocation] = []
    var taxonomies: [HSDSTaxonomy] = []
    var terms: [HSDSTaxonomyTerm] = []
    /// Records that cannot be read, with the reason (Dutch).
    var rejections: [String] = []
    /// Parts of the standard our model has no place for: what, and how many.
    var omitted: [String: Int] = [:]
    /// Remarks that do not stop the import.
    var notes: [String] = []
    /// Every top-level record of the file exactly as it came in, nested children included
    /// (contract A of issue 16). The originals store keeps from these what our model has no place for.
    var sources: [HSDSSource] = []

    init(format: String) { self.format = format }

    mutating func omit(_ what: String, _ count: Int = 1) {
        guard count > 0 else { return }
        omitted[what, default: 0] += count
    }
}

/// One top-level record of an HSDS file, as it came in.
struct HSDSSource: Sendable {
    enum Kind: String, Sendable { case organization, service, location }
    var kind: Kind
    var value: JSONValue
}
