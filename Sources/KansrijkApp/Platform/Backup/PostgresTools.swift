import Foundation

/// `pg_dump` and `pg_restore`, run as child processes for the PostgreSQL backup (ADR 0045). The
/// password of the database address goes in `PGPASSWORD`, not on the command line (where `ps`
/// would show it to every user of the machine).
enum PostgresTools {
    /// Runs `tool` (found on PATH) against the database at `url` with `arguments`; throws with the
    /// tool's last line of standard error when it fails.
    static func run(_ tool: String, url: String, _ arguments: [String]) async throws {
        var components = URLComponents(string: url)
        var environment = ProcessInfo.processInfo.environment
        if let password = components?.percentEncodedPassword {
            environment["PGPASSWORD"] = password.removingPercentEncoding ?? password
            components?.password = nil
        }
        let address = components?.string ?? url
        let errors = FileManager.default.temporaryDirectory.appendingPathComponent("kansrijk-\(tool)-\(UUID().uuidString).log")
        FileManager.default.createFile(atPath: errors.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errors) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments + ["--dbname=\(address)"]
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: errors)
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do { try process.run() } catch { continuation.resume(throwing: error) }
        }
        guard status != 127 else { throw BackupProblem.toolMissing(tool) }
        guard status == 0 else {
            let text = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
            let last = text.split(separator: "\n").last.map(String.init) ?? "exit status \(status)"
            throw BackupProblem.toolFailed(tool, detail: last)
        }
    }
}
