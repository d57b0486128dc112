import Foundation

/// A kept original with its baseline, attached to a record the builder makes (ADR 0035). The
/// record's encoding merges it back (`HSDSMerge`); a record without one encodes as before.
struct HSDSKept: Sendable, Equatable {
    var original: JSONValue
    /// Nil when the import could not record one: then ours counts as unchanged.
    var baseline: JSONValue?

    /// The original's and baseline's one-to-one fields only: what a list item (`service_list`,
    /// `organization_list`, a location without its addresses) carries.
    var listShape: HSDSKept {
        HSDSKept(original: Self.scalars(original), baseline: baseline.map(Self.scalars))
    }

    func merged(with ours: JSONValue) -> JSONValue {
        HSDSMerge.merge(original: original, baseline: baseline ?? ours, ours: ours)
    }

    private static func scalars(_ value: JSONValue) -> JSONValue {
        guard case .object(let object) = value else { return value }
        return .object(object.filter { _, v in
            switch v {
            case .array, .object: false
            default: true
            }
        })
    }
}

/// A typed HSDS record that can carry a kept original.
protocol HSDSKeptRecord: Encodable {
    var kept: HSDSKept? { get }
    /// The record's own fields, as the synthesized encoding would write them.
    func encodeFields(to encoder: any Encoder) throws
}

extension HSDSKeptRecord {
    /// Without a kept original: the fields as they are (no extra work). With one: ours as JSON,
    /// merged with the original.
    func encodeMerging(to encoder: any Encoder) throws {
        guard let kept else { return try encodeFields(to: encoder) }
        let ours = try JSONValue.parse(JSONEncoder().encode(FieldsOnly(record: self)))
        try kept.merged(with: ours).encode(to: encoder)
    }
}

private struct FieldsOnly<Record: HSDSKeptRecord>: Encodable {
    let record: Record
    func encode(to encoder: any Encoder) throws { try record.encodeFields(to: encoder) }
}
