import Foundation
import Logging
import NIOConcurrencyHelpers
import Testing
@testable import KansrijkApp

/// `KANSRIJK_LOG_FORMAT=json` (ADR 0044): one valid JSON object per line, whatever the message holds.
@Suite("JSON log lines")
struct JSONLogHandlerTests {
    func capture(_ body: (Logger) -> Void) -> [String] {
        let lines = NIOLockedValueBox<[String]>([])
        var logger = Logger(label: "kansrijk.test") { label in
            JSONLogHandler(label: label, level: .info) { bytes in lines.withLockedValue { $0.append(String(decoding: bytes, as: UTF8.self)) } }
        }
        logger[metadataKey: "request-id"] = "r-1"
        body(logger)
        return lines.withLockedValue { $0 }
    }

    @Test("a line holds time, level, logger, message and the metadata; breaks and quotes stay inside the string")
    func oneObjectPerLine() throws {
        let lines = capture { logger in
            logger.info("a \"quoted\" word\nand a second line\u{1}", metadata: ["count": "3", "list": ["a", "b"], "map": ["k": "v"]])
            logger.debug("below the level")
        }
        #expect(lines.count == 1)
        let line = try #require(lines.first)
        #expect(line.hasSuffix("}\n") && line.dropLast().contains("\n") == false)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["message"] as? String == "a \"quoted\" word\nand a second line\u{1}")
        #expect(object["level"] as? String == "info")
        #expect(object["logger"] as? String == "kansrijk.test")
        #expect(object["request-id"] as? String == "r-1")
        #expect(object["count"] as? String == "3")
        #expect(object["list"] as? [String] == ["a", "b"])
        #expect(object["map"] as? [String: String] == ["k": "v"])
        let time = try #require(object["time"] as? String)
        #expect(time.count == 24 && time.hasSuffix("Z"))
        #expect(ISO8601DateFormatter.withFractionalSeconds.date(from: time) != nil)
    }

    @Test("the timestamp is UTC with milliseconds")
    func timestamp() {
        #expect(JSONLogHandler.timestamp(Date(timeIntervalSince1970: 1_796_646_601.042)) == "2026-12-07T12:30:01.042Z")
        #expect(JSONLogHandler.timestamp(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00.000Z")
    }

    @Test("KANSRIJK_LOG_FORMAT is text (default) or json; anything else refuses the start")
    func format() {
        #expect(LogFormat(environment: [:]) == .text)
        #expect(LogFormat(environment: ["KANSRIJK_LOG_FORMAT": "JSON"]) == .json)
        #expect(LogFormat(environment: ["KANSRIJK_LOG_FORMAT": "text"]) == .text)
        #expect(LogFormat(environment: ["KANSRIJK_LOG_FORMAT": "xml"]) == nil)
    }
}

private extension ISO8601DateFormatter {
    static var withFractionalSeconds: ISO8601DateFormatter {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter
    }
}
