/// Field errors of an onboarding form: by field for the message next to it, in order for the summary.
struct FormErrors: Encodable, Sendable {
    struct Item: Encodable, Sendable {
        var field: String
        var message: String
    }

    private(set) var byField: [String: String] = [:]
    private(set) var list: [Item] = []

    var isEmpty: Bool { list.isEmpty }

    mutating func add(_ field: String, _ message: String) {
        guard byField[field] == nil else { return }
        byField[field] = message
        list.append(Item(field: field, message: message))
    }
}
