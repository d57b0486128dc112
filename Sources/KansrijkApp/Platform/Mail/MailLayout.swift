import Foundation

/// The one shape of every mail Kansrijk sends: a greeting, a few plain sentences, at most one
/// button-like link to a page behind the log-in, and a footer that says why the mail came.
/// Gives the plain-text and the HTML body from the same parts, so they never say different things.
/// Never put client data in `paragraphs` (no name, birth date or free text about a client).
struct MailLayout: Sendable {
    var language: UILanguage
    var greeting: String?
    var paragraphs: [String]
    /// The page the mail is about: its label and its absolute address.
    var action: (label: String, url: String)?
    /// Why this mail came (and where to change that); the default names Kansrijk.
    var footer: String?

    init(language: UILanguage, greeting: String? = nil, paragraphs: [String], action: (label: String, url: String)? = nil,
         footer: String? = nil) {
        self.language = language
        self.greeting = greeting
        self.paragraphs = paragraphs
        self.action = action
        self.footer = footer
    }

    var defaultFooter: String {
        language == .en ? "This message was sent by Kansrijk. Do not reply to it."
            : "Dit bericht komt van Kansrijk. U kunt er niet op antwoorden."
    }

    var text: String {
        var parts: [String] = []
        if let greeting { parts.append(greeting) }
        parts += paragraphs
        if let action { parts.append("\(action.label):\n\(action.url)") }
        parts.append("-- \n" + (footer ?? defaultFooter))
        return parts.joined(separator: "\n\n") + "\n"
    }

    var html: String {
        var body = ""
        if let greeting { body += "<p>\(HTML.escape(greeting))</p>\n" }
        for paragraph in paragraphs { body += "<p>\(HTML.escape(paragraph))</p>\n" }
        if let action {
            let href = HTML.escape(action.url)
            body += "<p><a href=\"\(href)\" style=\"display:inline-block;padding:10px 16px;background:#01689b;color:#ffffff;text-decoration:none;border-radius:4px\">\(HTML.escape(action.label))</a></p>\n"
            body += "<p style=\"font-size:90%;color:#444\">\(HTML.escape(language == .en ? "Or copy this address into your browser:" : "Of kopieer dit adres in uw browser:"))<br>\(href)</p>\n"
        }
        body += "<hr><p style=\"font-size:90%;color:#444\">\(HTML.escape(footer ?? defaultFooter))</p>\n"
        return """
            <!DOCTYPE html>
            <html lang="\(language.rawValue)"><head><meta charset="utf-8"><title>Kansrijk</title></head>
            <body style="font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1a1a1a;max-width:36em">
            \(body)</body></html>

            """
    }

    /// A draft for `MailOutbox.enqueue` with both bodies.
    func draft(to: String, userID: UUID?, kind: MailKind, subject: String) -> MailDraft {
        MailDraft(to: to, userID: userID, kind: kind, language: language, subject: subject, text: text, html: html)
    }
}
