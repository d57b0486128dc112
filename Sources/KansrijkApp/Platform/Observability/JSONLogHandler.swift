import Foundation
import Logging
import NIOConcurrencyHelpers
import Vapor

/// `KANSRIJK_LOG_FORMAT=json` (ADR 0044): one JSON object per line on standard output, for the
/// journal or a log shipper. `time` (UTC, milliseconds), `level`, `logger`, `message`, then the
/// metadata's keys, among them the `request-id` of every line logged for a request.
struct JSONLogHandler: LogHandler {
    let label: String
    var logLevel: Logger.Level
    var metadata: Logger.Metadata = [:]
    /// Where a finished line goes; standard output outside the tests.
    let sink: @Sendable ([UInt8]) -> Void

    init(label: String, level: Logger.Level, sink: @escaping @Sendable ([UInt8]) -> Void = JSONLogHandler.standardOutput) {
        self.label = label
        self.logLevel = level
        self.sink = sink
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(level: Logger.Level, message: Logger.Message, metadata explicit: Logger.Metadata?,
             source: String, file: String, function: String, line: UInt) {
        var fields = metadata
        if let explicit { fields.merge(explicit) { _, new in new } }
        var out = "{\"time\":\"\(Self.timestamp(Date()))\",\"level\":\"\(level.rawValue)\",\"logger\":"
        Self.append(string: label, to: &out)
        out += ",\"message\":"
        Self.append(string: message.description, to: &out)
        for (key, value) in fields.sorted(by: { $0.key < $1.key }) where !Self.reserved.contains(key) {
            out += ","
            Self.append(string: key, to: &out)
            out += ":"
            Self.append(value: value, to: &out)
        }
        out += "}\n"
        sink(Array(out.utf8))
    }

    static let reserved: Set<String> = ["time", "level", "logger", "message"]

    static func append(value: Logger.Metadata.Value, to out: inout String) {
        switch value {
        case .string(let text): append(string: text, to: &out)
        case .stringConvertible(let thing): append(string: thing.description, to: &out)
        case .array(let items):
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += "," }
                append(value: item, to: &out)
            }
            out += "]"
        case .dictionary(let entries):
            out += "{"
            for (index, entry) in entries.sorted(by: { $0.key < $1.key }).enumerated() {
                if index > 0 { out += "," }
                append(string: entry.key, to: &out)
                out += ":"
                append(value: entry.value, to: &out)
            }
            out += "}"
        }
    }

    /// A JSON string: quotes, backslashes and control characters escaped, so a message holding a
    /// line break stays one line.
    static func append(string text: String, to out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F || scalar.value == 0x2028 || scalar.value == 0x2029:
                out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16)
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }

    /// `2026-12-07T12:30:01.042Z`
    static func timestamp(_ date: Date) -> String {
        // whole milliseconds first: 0.042 s is 41.99... ms as a Double
        let total = Int64((date.timeIntervalSince1970 * 1000).rounded())
        var seconds = time_t(total / 1000)
        let millis = Int(total % 1000)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let ms = millis < 10 ? "00\(millis)" : millis < 100 ? "0\(millis)" : "\(millis)"
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec)).\(ms)Z"
    }

    private static let writeLock = NIOLock()

    /// One `write` per line under a lock: lines of two threads never interleave.
    @Sendable static func standardOutput(_ bytes: [UInt8]) {
        writeLock.withLock {
            bytes.withUnsafeBytes { raw in
                guard let base = raw.baseAddress else { return }
                var offset = 0
                while offset < raw.count {
                    let written = write(STDOUT_FILENO, base + offset, raw.count - offset)
                    if written <= 0 { if errno == EINTR { continue }; return }
                    offset += written
                }
            }
        }
    }
}

/// How log lines look: Vapor's console lines (`text`, the default) or JSON lines.
enum LogFormat: String, Sendable {
    case text, json

    /// From `KANSRIJK_LOG_FORMAT`; nil for a value that is neither.
    init?(environment: [String: String]) {
        guard let raw = environment["KANSRIJK_LOG_FORMAT"]?.lowercased(), !raw.isEmpty else { self = .text; return }
        self.init(rawValue: raw)
    }
}

extension LogFormat {
    /// Bootstraps swift-log once per process, at the level of `--log` / `LOG_LEVEL` as Vapor does.
    func bootstrap(from env: inout Environment) throws {
        switch self {
        case .text: try LoggingSystem.bootstrap(from: &env)
        case .json: try LoggingSystem.bootstrap(from: &env) { level in { label in JSONLogHandler(label: label, level: level) } }
        }
    }
}
