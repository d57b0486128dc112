/// One way a record breaks the HSDS 3.0 schemas: where, as a JSON path such as
/// `services[3].phones[0].number` (empty: the record itself), and what, in Dutch.
struct HSDSSchemaError: Sendable, Equatable, CustomStringConvertible {
    var path: String
    var message: String

    var description: String { path.isEmpty ? message : "\(path): \(message)" }
}
