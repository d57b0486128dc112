import Foundation

/// What the service form refuses, the import refuses too (issue 13): a record that could not be
/// saved by hand again is not stored through a file. Web addresses must be http(s), so no imported
/// `javascript:`, `data:` or `file:` link ever reaches a page; texts keep to the form's lengths.
extension HSDSImportPlanner {
    /// Rejects a web address that is not a full http(s) address, as the service form does.
    mutating func checkWebAddress(_ raw: String?, _ entity: String, _ id: String, field: String) {
        guard let value = HSDSText.nonEmpty(raw), !ServiceForm.isWebAddress(value) else { return }
        reject(entity, id, "\(field) \(Self.quoted(value)) is geen webadres; alleen adressen die met http:// of https:// beginnen worden overgenomen")
    }

    /// Rejects a text longer than the form takes, counted as the form counts (trimmed, in characters).
    mutating func checkLength(_ raw: String?, limit: Int, _ entity: String, _ id: String, field: String) {
        guard let count = HSDSText.nonEmpty(raw)?.count, count > limit else { return }
        reject(entity, id, "\(field) is \(count) tekens lang; het formulier staat hooguit \(limit) tekens toe")
    }

    /// A value for a reason: quoted, and cut short so a huge field does not flood the report.
    static func quoted(_ value: String) -> String {
        let limit = 80
        return "'" + (value.count > limit ? value.prefix(limit) + "…" : value) + "'"
    }
}
