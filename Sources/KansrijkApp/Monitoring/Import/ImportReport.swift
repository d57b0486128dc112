import Foundation

/// What an import found wrong, line by line, in Dutch. Any problem means nothing is imported.
struct ImportReport: Error, Sendable, CustomStringConvertible, Codable {
    struct Issue: Sendable, Equatable, Codable { var line: Int; var message: String }

    /// Only the first issues are kept; `total` counts them all.
    static let keep = 100

    var issues: [Issue] = []
    var total = 0

    var isEmpty: Bool { total == 0 }

    mutating func add(_ line: Int, _ message: String) {
        total += 1
        if issues.count < Self.keep { issues.append(Issue(line: line, message: message)) }
    }

    var description: String {
        var lines = ["Niets geïmporteerd: \(total) \(total == 1 ? "probleem" : "problemen") gevonden."]
        lines += issues.map { $0.line > 0 ? "  regel \($0.line): \($0.message)" : "  \($0.message)" }
        if total > issues.count { lines.append("  ... en nog \(total - issues.count) meer.") }
        return lines.joined(separator: "\n")
    }
}

/// Files above this size are refused before a byte is read (a 2 GB upload is a mistake, not data).
enum ImportLimits {
    static let birthsMaxBytes: Int64 = 512 * 1024 * 1024
    static let aggregateMaxBytes: Int64 = 50 * 1024 * 1024

    static func check(path: String, maxBytes: Int64) throws(ImportReport) {
        var report = ImportReport()
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path), let size = attributes[.size] as? NSNumber else {
            report.add(0, "Het bestand \(path) bestaat niet of is niet leesbaar")
            throw report
        }
        if size.int64Value > maxBytes {
            report.add(0, "Het bestand is \(size.int64Value / 1_048_576) MB; de grens is \(maxBytes / 1_048_576) MB. Splits het bestand of lever het per jaar aan.")
            throw report
        }
        if size.int64Value == 0 { report.add(0, "Het bestand is leeg"); throw report }
    }
}
