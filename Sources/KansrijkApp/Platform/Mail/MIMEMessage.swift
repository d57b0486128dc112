import Foundation

/// One outbox mail as the bytes SMTP's DATA carries (RFC 5322 + MIME): UTF-8 throughout, an
/// RFC 2047 subject, quoted-printable bodies, `multipart/alternative` when there is an HTML body,
/// CRLF line endings. The Message-ID comes from the outbox id, so a mail sent again keeps it and
/// a receiving server can recognise the duplicate.
struct MIMEMessage: Sendable {
    var id: UUID
    var from: MailAddress
    var to: String
    var subject: String
    var language: String
    var text: String
    var html: String?
    var date: Date

    init(id: UUID, from: MailAddress, to: String, subject: String, language: String, text: String, html: String?, date: Date) {
        self.id = id
        self.from = from
        self.to = to
        self.subject = subject
        self.language = language
        self.text = text
        self.html = html
        self.date = date
    }

    init(_ mail: MailMessage, from: MailAddress, date: Date) throws {
        self.init(id: try mail.requireID(), from: from, to: mail.to, subject: mail.subject, language: mail.language,
                  text: mail.textBody, html: mail.htmlBody, date: date)
    }

    var messageID: String {
        let domain = from.address.split(separator: "@").last.map(String.init) ?? "kansrijk.invalid"
        return "<\(id.uuidString.lowercased())@\(domain)>"
    }

    var boundary: String { "=_kansrijk_" + id.uuidString.lowercased().replacingOccurrences(of: "-", with: "") }

    /// The whole message with CRLF line endings, not yet dot-stuffed.
    var rendered: String {
        var lines = [
            "Date: \(Self.date(date))",
            "From: \(from.header)",
            "To: \(to)",
            "Subject: \(Self.encodedHeader(subject))",
            "Message-ID: \(messageID)",
            "MIME-Version: 1.0",
            "Auto-Submitted: auto-generated",
            "Content-Language: \(language == "en" ? "en" : "nl")",
        ]
        let textPart = ["Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: quoted-printable", "",
                        Self.quotedPrintable(text)]
        if let html {
            lines.append("Content-Type: multipart/alternative;\r\n boundary=\"\(boundary)\"")
            lines += ["", "This is a MIME message in two parts: plain text and HTML.", "", "--\(boundary)"]
            lines += textPart
            lines += ["--\(boundary)", "Content-Type: text/html; charset=utf-8", "Content-Transfer-Encoding: quoted-printable", "",
                      Self.quotedPrintable(html), "--\(boundary)--"]
        } else {
            lines += textPart
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// What follows the DATA command: every line that starts with "." gets a second one (RFC 5321
    /// 4.5.2), ended by the lone ".". (Worked on as text: "\r\n" is one Character in Swift.)
    static func dotStuffed(_ message: String) -> String {
        var lines = message.components(separatedBy: "\r\n")
        // a message that ends in CRLF gives an empty last piece
        if lines.count > 1, lines.last == "" { lines.removeLast() }
        return lines.map { $0.hasPrefix(".") ? "." + $0 : $0 }.joined(separator: "\r\n") + "\r\n.\r\n"
    }

    // MARK: encodings

    /// RFC 2047: a header text as is when it is printable ASCII, otherwise as UTF-8 base64 encoded
    /// words of at most 75 characters, folded onto continuation lines.
    static func encodedHeader(_ text: String) -> String {
        let plain = text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F } && !text.contains("=?") && text.utf8.count <= 900
        if plain { return text }
        var words: [String] = []
        var chunk: [UInt8] = []
        for character in text where !character.isNewline {
            let bytes = Array(String(character).utf8)
            // 45 bytes of base64 are 60 characters: with "=?UTF-8?B?" and "?=" one word stays under 75
            if chunk.count + bytes.count > 45, !chunk.isEmpty {
                words.append("=?UTF-8?B?\(Data(chunk).base64EncodedString())?=")
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append("=?UTF-8?B?\(Data(chunk).base64EncodedString())?=") }
        return words.joined(separator: "\r\n ")
    }

    /// A display name: as is when it is plain ASCII words, quoted when it has specials, encoded otherwise.
    static func encodedPhrase(_ name: String) -> String {
        let ascii = name.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
        guard ascii, !name.contains("=?") else { return encodedHeader(name) }
        let atom = name.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || " !#$%&'*+-/=?^_`{|}~".unicodeScalars.contains($0) }
        return atom ? name : "\"\(name.replacingOccurrences(of: "\\", with: "\\\\"))\""
    }

    /// RFC 2045 quoted-printable with CRLF line endings and lines of at most 76 characters.
    static func quotedPrintable(_ text: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var lines: [String] = []
        let normalised = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        for sourceLine in normalised.split(separator: "\n", omittingEmptySubsequences: false) {
            let bytes = Array(sourceLine.utf8)
            var line: [UInt8] = []
            for (index, byte) in bytes.enumerated() {
                let last = index == bytes.count - 1
                var piece: [UInt8]
                if (byte >= 33 && byte <= 126 && byte != UInt8(ascii: "=")) || ((byte == 32 || byte == 9) && !last) {
                    piece = [byte]
                } else {
                    piece = [UInt8(ascii: "="), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
                }
                // a soft break ("=" at the end) keeps every line at 76 characters at most
                if line.count + piece.count > 75 {
                    lines.append(String(decoding: line, as: UTF8.self) + "=")
                    line = []
                }
                line += piece
            }
            lines.append(String(decoding: line, as: UTF8.self))
        }
        return lines.joined(separator: "\r\n")
    }

    /// RFC 5322 date in UTC: `Mon, 07 Dec 2026 02:38:10 +0000`.
    static func date(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        return formatter.string(from: date)
    }
}
