import Foundation
import NIOCore
import NIOPosix
import NIOSSL

/// Hands one mail to a mail server. `committing` runs just before the step after which the mail
/// may have been delivered (the final "." of DATA), so the outbox can record that moment.
protocol MailTransport: Sendable {
    func deliver(_ message: MIMEMessage, committing: @escaping @Sendable () async throws -> Void) async throws
}

/// A small SMTP client on SwiftNIO (ADR 0025): EHLO (HELO as fallback), STARTTLS or implicit TLS,
/// AUTH PLAIN or LOGIN, one recipient per mail, dot-stuffed DATA, QUIT.
struct SMTPClient: MailTransport {
    var server: SMTPServer
    var group: any EventLoopGroup
    var tls: NIOSSLContext
    var connectTimeout: TimeAmount = .seconds(15)
    var replyTimeout: TimeAmount = .seconds(60)

    init(server: SMTPServer, caFile: String?, group: any EventLoopGroup) throws {
        self.server = server
        self.group = group
        var configuration = TLSConfiguration.makeClientConfiguration()
        if let caFile { configuration.additionalTrustRoots = [.file(caFile)] }
        self.tls = try NIOSSLContext(configuration: configuration)
    }

    func deliver(_ message: MIMEMessage, committing: @escaping @Sendable () async throws -> Void) async throws {
        guard MailAddress.isAddress(message.to) else { throw SMTPError.permanent("ongeldig adres: \(message.to.prefix(80))") }
        let session = try await connect()
        do {
            try await session.run(message, committing: committing)
            session.close()
        } catch {
            session.close()
            throw SMTPError.from(error)
        }
    }

    /// SNI and certificate check use the host name; for an IP address NIOSSL checks the address.
    private var serverHostname: String? {
        server.host.contains(":") || server.host.allSatisfy({ $0.isNumber || $0 == "." }) ? nil : server.host
    }

    private func connect() async throws -> SMTPSession {
        let reader = SMTPReplyReader()
        let implicit = server.security == .implicitTLS
        let tls = self.tls
        let hostname = serverHostname
        let bootstrap = ClientBootstrap(group: group)
            .connectTimeout(connectTimeout)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    if implicit { try channel.pipeline.syncOperations.addHandler(NIOSSLClientHandler(context: tls, serverHostname: hostname)) }
                    try channel.pipeline.syncOperations.addHandler(reader)
                }
            }
        do {
            let channel = try await bootstrap.connect(host: server.host, port: server.port).get()
            return SMTPSession(client: self, channel: channel, reader: reader, tlsActive: implicit, hostname: hostname)
        } catch {
            throw SMTPError.from(error)
        }
    }
}

/// One conversation with the server.
final class SMTPSession: @unchecked Sendable {
    let client: SMTPClient
    let channel: any Channel
    let reader: SMTPReplyReader
    let hostname: String?
    /// Only touched by `run`, one step after another.
    var tlsActive: Bool

    init(client: SMTPClient, channel: any Channel, reader: SMTPReplyReader, tlsActive: Bool, hostname: String?) {
        self.client = client
        self.channel = channel
        self.reader = reader
        self.tlsActive = tlsActive
        self.hostname = hostname
    }

    func run(_ message: MIMEMessage, committing: @Sendable () async throws -> Void) async throws {
        let server = client.server
        try expect(try await read(), [220], "begroeting")
        var extensions = try await hello(domain: message.from.address)
        if server.security == .startTLS {
            if extensions.contains(where: { $0.uppercased() == "STARTTLS" }) {
                try expect(try await command("STARTTLS"), [220], "STARTTLS")
                let handler = try NIOSSLClientHandler(context: client.tls, serverHostname: hostname)
                try await channel.pipeline.addHandler(handler, position: .first).get()
                tlsActive = true
                extensions = try await hello(domain: message.from.address)
            } else if !server.mayStayPlain {
                throw SMTPError.temporary("server biedt geen STARTTLS; zonder versleuteling wordt niet verzonden")
            }
        }
        if let username = server.username, let password = server.password {
            guard tlsActive || server.isLoopback else { throw SMTPError.temporary("aanmelden zonder TLS geweigerd") }
            try await authenticate(username: username, password: password, extensions: extensions)
        }
        try expect(try await command("MAIL FROM:<\(message.from.address)>"), [250], "MAIL FROM")
        try expect(try await command("RCPT TO:<\(message.to)>"), [250, 251], "RCPT TO")
        try expect(try await command("DATA"), [354], "DATA")
        let data = MIMEMessage.dotStuffed(message.rendered)
        // everything but the closing ".": until that is sent the server delivers nothing
        try await write(String(decoding: data.utf8.dropLast(3), as: UTF8.self))
        try await committing()
        do {
            try await write(".\r\n")
            try expect(try await read(timeout: .seconds(120)), [250], "einde DATA")
        } catch let error as SMTPError where !error.reason.hasSuffix("(einde DATA)") {
            // no clear answer to the "."; the server may have taken the mail
            throw SMTPError(permanent: false, reason: SMTPError.unknownOutcome + ": " + error.reason, uncertain: true)
        } catch let error as SMTPError {
            throw error
        } catch {
            throw SMTPError(permanent: false, reason: SMTPError.unknownOutcome + ": " + SMTPError.from(error).reason, uncertain: true)
        }
        _ = try? await command("QUIT", timeout: .seconds(5))
    }

    func close() {
        channel.close(promise: nil)
    }

    /// EHLO, or HELO for a server that does not know it; the extension keywords it names.
    private func hello(domain address: String) async throws -> [String] {
        let domain = address.split(separator: "@").last.map(String.init) ?? "localhost"
        let reply = try await command("EHLO \(domain)")
        if reply.code == 250 { return Array(reply.lines.dropFirst()) }
        guard (500...504).contains(reply.code) else { throw SMTPError.reply(reply, during: "EHLO") }
        try expect(try await command("HELO \(domain)"), [250], "HELO")
        return []
    }

    private func authenticate(username: String, password: String, extensions: [String]) async throws {
        let mechanisms = extensions.filter { $0.uppercased().hasPrefix("AUTH") }
            .flatMap { $0.uppercased().split(whereSeparator: { $0 == " " || $0 == "=" }).dropFirst().map(String.init) }
        if mechanisms.contains("PLAIN") || !mechanisms.contains("LOGIN") {
            let token = Data(([0] + Array(username.utf8) + [0] + Array(password.utf8))).base64EncodedString()
            try expect(try await command("AUTH PLAIN \(token)"), [235], "AUTH PLAIN")
        } else {
            try expect(try await command("AUTH LOGIN"), [334], "AUTH LOGIN")
            try expect(try await command(Data(username.utf8).base64EncodedString()), [334], "AUTH LOGIN")
            try expect(try await command(Data(password.utf8).base64EncodedString()), [235], "AUTH LOGIN")
        }
    }

    private func expect(_ reply: SMTPReply, _ codes: [Int], _ step: String) throws {
        guard codes.contains(reply.code) else { throw SMTPError.reply(reply, during: step) }
    }

    private func command(_ line: String, timeout: TimeAmount? = nil) async throws -> SMTPReply {
        try await write(line + "\r\n")
        return try await read(timeout: timeout)
    }

    private func write(_ text: String) async throws {
        try await channel.writeAndFlush(channel.allocator.buffer(string: text)).get()
    }

    private func read(timeout: TimeAmount? = nil) async throws -> SMTPReply {
        let reader = self.reader
        let loop = channel.eventLoop
        let wait = timeout ?? client.replyTimeout
        return try await loop.flatSubmit { reader.next(on: loop, timeout: wait) }.get()
    }
}
