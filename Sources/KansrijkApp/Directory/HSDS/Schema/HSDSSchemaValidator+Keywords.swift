import Foundation

extension HSDSSchemaValidator {
    /// Checks `value` against one schema node and appends what is wrong.
    func check(_ value: JSONValue, _ schema: JSONValue, file: String, path: String, into errors: inout [HSDSSchemaError]) {
        let keywords: [String: JSONValue]
        switch schema {
        case .bool(false):
            errors.append(HSDSSchemaError(path: path, message: "Hier hoort geen waarde."))
            return
        case .object(let members):
            keywords = members
        default:
            return
        }
        if let ref = keywords["$ref"]?.stringValue, let (target, targetFile) = resolve(ref, from: file) {
            check(value, target, file: targetFile, path: path, into: &errors)
        }
        if let type = keywords["type"] {
            let allowed = type.arrayValue?.compactMap(\.stringValue) ?? type.stringValue.map { [$0] } ?? []
            guard allowed.isEmpty || allowed.contains(where: { Self.value(value, is: $0) }) else {
                // the other keywords say nothing useful about a value of the wrong type
                errors.append(HSDSSchemaError(path: path, message: "Moet \(Self.dutchTypes(allowed)) zijn, maar is \(Self.dutchType(of: value))."))
                return
            }
        }
        if let options = keywords["enum"]?.arrayValue, !options.contains(where: { Self.same($0, value) }) {
            let choices = options.map(Self.shown).joined(separator: ", ")
            errors.append(HSDSSchemaError(path: path, message: "\(Self.shown(value)) is geen toegestane waarde; kies uit: \(choices)."))
        }
        if case .string(let text) = value, let format = keywords["format"]?.stringValue,
           let problem = HSDSSchemaFormat.problem(format, text) {
            errors.append(HSDSSchemaError(path: path, message: problem))
        }
        if let number = Self.number(value) {
            checkBounds(number, keywords, path: path, into: &errors)
        }
        if case .object(let members) = value {
            for name in keywords["required"]?.arrayValue?.compactMap(\.stringValue) ?? [] where members[name] == nil {
                errors.append(HSDSSchemaError(path: Self.member(path, name), message: "Dit veld is verplicht en ontbreekt."))
            }
            if let properties = keywords["properties"]?.objectValue {
                for name in members.keys.sorted() {
                    guard let property = properties[name], let member = members[name] else { continue }
                    check(member, property, file: file, path: Self.member(path, name), into: &errors)
                }
            }
        }
        if case .array(let list) = value, let items = keywords["items"] {
            for (index, item) in list.enumerated() {
                check(item, items, file: file, path: "\(path)[\(index)]", into: &errors)
            }
        }
    }

    private func checkBounds(_ number: Double, _ keywords: [String: JSONValue], path: String, into errors: inout [HSDSSchemaError]) {
        let shown = Self.shown(number)
        if let minimum = keywords["minimum"].flatMap(Self.number), number < minimum {
            errors.append(HSDSSchemaError(path: path, message: "Moet minstens \(Self.shown(minimum)) zijn; \(shown) is te klein."))
        }
        if let maximum = keywords["maximum"].flatMap(Self.number), number > maximum {
            errors.append(HSDSSchemaError(path: path, message: "Mag hoogstens \(Self.shown(maximum)) zijn; \(shown) is te groot."))
        }
        if let bound = keywords["exclusiveMinimum"].flatMap(Self.number), number <= bound {
            errors.append(HSDSSchemaError(path: path, message: "Moet groter zijn dan \(Self.shown(bound)); \(shown) is dat niet."))
        }
        if let bound = keywords["exclusiveMaximum"].flatMap(Self.number), number >= bound {
            errors.append(HSDSSchemaError(path: path, message: "Moet kleiner zijn dan \(Self.shown(bound)); \(shown) is dat niet."))
        }
    }

    // MARK: values

    static func value(_ value: JSONValue, is type: String) -> Bool {
        switch (type, value) {
        case ("null", .null), ("boolean", .bool), ("string", .string), ("array", .array), ("object", .object): true
        case ("number", .int), ("number", .double), ("integer", .int): true
        case ("integer", .double(let d)): d.rounded() == d
        default: false
        }
    }

    static func number(_ value: JSONValue) -> Double? {
        switch value {
        case .int(let i): Double(i)
        case .double(let d): d
        default: nil
        }
    }

    /// JSON equality: 1 and 1.0 are the same number.
    static func same(_ a: JSONValue, _ b: JSONValue) -> Bool {
        if let x = number(a), let y = number(b) { return x == y }
        return a == b
    }
}
