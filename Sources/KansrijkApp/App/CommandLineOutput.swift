import Foundation

/// Standard error as the command line writes it: detail lines as they are, the closing line with
/// the `kansrijk: ` prefix.
struct CommandLineOutput: Sendable {
    let language: CommandLineLanguage

    func details(_ lines: [String]) {
        guard !lines.isEmpty else { return }
        write(lines.joined(separator: "\n"))
    }

    /// The closing line of a failure; exit status 1.
    func error(_ line: String) -> Int32 {
        write(Self.prefixed(line))
        return 1
    }

    /// The usage, then the closing line; exit status 2.
    func usage(_ usage: [String], _ line: String) -> Int32 {
        details(usage)
        write(Self.prefixed(line))
        return 2
    }

    func fail(_ line: String, status: Int32) -> Never {
        write(Self.prefixed(line))
        exit(status)
    }

    static func prefixed(_ line: String) -> String {
        let single = line.replacingOccurrences(of: "\n", with: " ")
        return single.hasPrefix("kansrijk: ") ? single : "kansrijk: " + single
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
