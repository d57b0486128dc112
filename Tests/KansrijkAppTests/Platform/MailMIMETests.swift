import Foundation
import NIOCore
import NIOEmbedded
import Testing
@testable import KansrijkApp

@Suite("Mail as SMTP carries it: MIME, encodings, dot-stuffing, replies")
struct MailMIMETests {
    static let id = UUID(uuidString: "6F1C2D3E-4A5B-4C6D-8E9F-0A1B2C3D4E5F")!
    static let message = MIMEMessage(
        id: id, from: MailAddress(name: "Kansrijk", address: "noreply@kansrijk.test"), to: "coordinator@zeist.demo",
        subject: "Uitnodiging voor Kansrijk – welkom, Zoë", language: "nl",
        text: "Beste Zoë,\n.een regel die met een punt begint\nLink:\nhttps://kansrijk.test/uitnodiging/abc=def\n",
        html: "<p>Beste Zoë,</p>\n<p><a href=\"https://kansrijk.test/uitnodiging/abc=def\">Open</a></p>",
        date: Date(timeIntervalSince1970: 1_796_000_000))

    @Test("headers: RFC 2047 subject, Message-ID from the outbox id, RFC 5322 date, multipart/alternative")
    func headers() {
        let text = Self.message.rendered
        #expect(text.contains("Message-ID: <6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f@kansrijk.test>\r\n"))
        #expect(text.contains("Date: Mon, 30 Nov 2026 00:53:20 +0000\r\n"), "\(text.prefix(200))")
        #expect(text.contains("From: Kansrijk <noreply@kansrijk.test>\r\n"))
        #expect(text.contains("Content-Type: multipart/alternative;\r\n boundary=\"\(Self.message.boundary)\""))
        #expect(text.contains("Content-Type: text/plain; charset=utf-8") && text.contains("Content-Type: text/html; charset=utf-8"))
        #expect(text.hasSuffix("--\(Self.message.boundary)--\r\n"))
        // every line ends in CRLF, none is longer than 78 characters
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(text.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 78 })
        // the subject decodes back to what was written
        let subject = text.components(separatedBy: "\r\n").drop { !$0.hasPrefix("Subject:") }
            .prefix { $0.hasPrefix("Subject:") || $0.hasPrefix(" ") }
            .map { $0.replacingOccurrences(of: "Subject: ", with: "").trimmingCharacters(in: .whitespaces) }
        #expect(subject.map(Self.decodeWord).joined() == Self.message.subject)
        #expect(subject.allSatisfy { $0.count <= 75 })
    }

    @Test("a resend keeps the Message-ID; a plain mail is one text part")
    func stableID() {
        var later = Self.message
        later.date = later.date.addingTimeInterval(3600)
        #expect(later.messageID == Self.message.messageID)
        later.html = nil
        #expect(!later.rendered.contains("multipart") && later.rendered.contains("Content-Transfer-Encoding: quoted-printable"))
        #expect(MIMEMessage.encodedHeader("Plain subject") == "Plain subject")
    }

    @Test("quoted-printable: UTF-8, '=', trailing spaces and long lines")
    func quotedPrintable() {
        #expect(MIMEMessage.quotedPrintable("Zoë a=b") == "Zo=C3=AB a=3Db")
        #expect(MIMEMessage.quotedPrintable("eind \nx") == "eind=20\r\nx")
        let long = String(repeating: "a", count: 200)
        let encoded = MIMEMessage.quotedPrintable(long)
        let lines = encoded.components(separatedBy: "\r\n")
        #expect(lines.allSatisfy { $0.count <= 76 } && lines.dropLast().allSatisfy { $0.hasSuffix("=") })
        #expect(lines.map { $0.hasSuffix("=") ? String($0.dropLast()) : $0 }.joined() == long)
        // an escape is never cut in two by a soft break
        let accents = MIMEMessage.quotedPrintable(String(repeating: "é", count: 40))
        #expect(accents.components(separatedBy: "\r\n").allSatisfy { $0.count <= 76 })
        #expect(Self.decodeQP(accents) == String(repeating: "é", count: 40))
        #expect(Self.decodeQP(MIMEMessage.quotedPrintable("Zoë = 1 \nregel 2")) == "Zoë = 1 \r\nregel 2")
    }

    @Test("dot-stuffing doubles a leading dot and ends with the lone dot")
    func dotStuffing() {
        #expect(MIMEMessage.dotStuffed("a\r\n.b\r\n..c\r\n") == "a\r\n..b\r\n...c\r\n.\r\n")
        #expect(MIMEMessage.dotStuffed("zonder einde") == "zonder einde\r\n.\r\n")
        #expect(MIMEMessage.dotStuffed(".") == "..\r\n.\r\n")
        let data = MIMEMessage.dotStuffed(Self.message.rendered)
        #expect(data.contains("\r\n..een regel die met een punt begint\r\n") && data.hasSuffix("\r\n.\r\n"))
        #expect(!data.dropLast(3).contains("\r\n.\r\n"))
    }

    @Test("multi-line replies are read as one; a broken line is a temporary error")
    func replies() throws {
        let reader = SMTPReplyReader()
        let channel = EmbeddedChannel(handler: reader)
        let loop = channel.embeddedEventLoop
        try channel.writeInbound(ByteBuffer(string: "250-smtp.test hello\r\n250-STARTTLS\r\n250 AUTH PLAIN LOGIN\r\n550 5.1.1 mailbox"))
        try channel.writeInbound(ByteBuffer(string: " unavailable\r\n"))
        let first = try reader.next(on: loop, timeout: .seconds(1)).wait()
        #expect(first == SMTPReply(code: 250, lines: ["smtp.test hello", "STARTTLS", "AUTH PLAIN LOGIN"]))
        let second = try reader.next(on: loop, timeout: .seconds(1)).wait()
        #expect(second.summary == "550 5.1.1 mailbox unavailable")
        #expect(SMTPError.reply(second, during: "RCPT TO").permanent)
        #expect(!SMTPError.reply(SMTPReply(code: 451, lines: ["try later"]), during: "DATA").permanent)
        try channel.writeInbound(ByteBuffer(string: "hello there\r\n"))
        #expect(throws: SMTPError.self) { try reader.next(on: loop, timeout: .seconds(1)).wait() }
        _ = try channel.finish()
    }

    /// Quoted-printable back to text: soft breaks joined, `=XX` decoded.
    static func decodeQP(_ text: String) -> String {
        let joined = Array(text.replacingOccurrences(of: "=\r\n", with: "").utf8)
        var bytes: [UInt8] = []
        var i = 0
        while i < joined.count {
            if joined[i] == UInt8(ascii: "="), i + 2 < joined.count, let byte = UInt8(String(decoding: joined[(i + 1)...(i + 2)], as: UTF8.self), radix: 16) {
                bytes.append(byte)
                i += 3
            } else {
                bytes.append(joined[i])
                i += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Decodes one `=?UTF-8?B?...?=` word (or returns plain text as is).
    static func decodeWord(_ word: String) -> String {
        guard word.hasPrefix("=?UTF-8?B?"), word.hasSuffix("?="),
              let data = Data(base64Encoded: String(word.dropFirst(10).dropLast(2))) else { return word }
        return String(decoding: data, as: UTF8.self)
    }
}
