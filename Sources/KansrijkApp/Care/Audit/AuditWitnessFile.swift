import Foundation

/// The append-only witness file: one `AuditHead.witnessLine` per line, oldest first. The server only
/// ever appends to it; operators may copy it elsewhere (ADR 0012).
struct AuditWitnessFile: Sendable {
    struct Malformed: Error, CustomStringConvertible {
        var path: String
        var line: Int
        var description: String { "witness file \(path), line \(line), is not of the form SEQ:HASH TIME" }
    }

    let path: String

    var exists: Bool { FileManager.default.fileExists(atPath: path) }

    /// Appends one head; creates the file (readable by its owner only) when it is not there yet.
    func append(_ head: AuditHead) throws {
        if !exists {
            guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
            }
        }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data((head.witnessLine + "\n").utf8))
    }

    /// Every witnessed head, in the order written; empty when there is no file.
    func heads() throws -> [AuditHead] {
        guard exists else { return [] }
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return try text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap { index, line in
            if line.trimmingCharacters(in: .whitespaces).isEmpty { return nil }
            guard let head = AuditHead(witnessLine: String(line)) else { throw Malformed(path: path, line: index + 1) }
            return head
        }
    }
}
