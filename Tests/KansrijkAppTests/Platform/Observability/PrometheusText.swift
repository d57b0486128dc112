import Foundation

/// A reader of the Prometheus text format, enough for the tests to find one sample by its name and
/// labels the way a scraper would (ADR 0044): `name{a="x",b="y"} value`.
struct PrometheusText {
    struct Sample {
        var name: String
        var labels: [String: String]
        var value: Double
    }

    var samples: [Sample] = []
    /// `# TYPE name kind` lines.
    var types: [String: String] = [:]

    /// Throws on a line that is not a comment, empty or a well-formed sample.
    init(_ text: String) throws {
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            if line.hasPrefix("# TYPE ") {
                let parts = line.split(separator: " ")
                if parts.count == 4 { types[String(parts[2])] = String(parts[3]) }
                continue
            }
            if line.hasPrefix("#") { continue }
            samples.append(try Self.sample(String(line)))
        }
    }

    struct Malformed: Error, CustomStringConvertible { let line: String; var description: String { "not a sample: \(line)" } }

    static func sample(_ line: String) throws -> Sample {
        guard let space = line.lastIndex(of: " "), let value = Double(line[line.index(after: space)...]) else { throw Malformed(line: line) }
        let head = String(line[..<space])
        guard let brace = head.firstIndex(of: "{") else { return Sample(name: head, labels: [:], value: value) }
        guard head.hasSuffix("}") else { throw Malformed(line: line) }
        var labels: [String: String] = [:]
        var rest = Substring(head[head.index(after: brace)...].dropLast())
        while !rest.isEmpty {
            guard let eq = rest.firstIndex(of: "="), rest[rest.index(after: eq)] == "\"" else { throw Malformed(line: line) }
            let key = String(rest[..<eq])
            var index = rest.index(eq, offsetBy: 2)
            var value = ""
            while index < rest.endIndex, rest[index] != "\"" {
                if rest[index] == "\\" { index = rest.index(after: index) }
                guard index < rest.endIndex else { throw Malformed(line: line) }
                value.append(rest[index])
                index = rest.index(after: index)
            }
            guard index < rest.endIndex else { throw Malformed(line: line) }
            labels[key] = value
            rest = rest[rest.index(after: index)...]
            if rest.first == "," { rest = rest.dropFirst() }
        }
        return Sample(name: String(head[..<brace]), labels: labels, value: value)
    }

    /// The value of the sample with this name and (at least) these labels; nil when there is none.
    func value(_ name: String, _ labels: [String: String] = [:]) -> Double? {
        samples.first { sample in sample.name == name && labels.allSatisfy { key, value in sample.labels[key] == value } }?.value
    }
}
