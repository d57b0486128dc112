import Foundation
import NIOCore
import NIOPosix
import NIOSSL

/// Why a mail did not go, in a short reason for the outbox page ("550 mailbox unavailable",
/// "verbinding geweigerd"). `permanent` (a 5xx reply) is not tried again; everything else is.
struct SMTPError: Error, Sendable, Equatable, CustomStringConvertible {
    var permanent: Bool
    var reason: String
    /// The connection broke after the final "." of DATA was sent: the server may have taken the mail.
    var uncertain = false

    var description: String { reason }

    static func temporary(_ reason: String) -> SMTPError { SMTPError(permanent: false, reason: reason) }
    static func permanent(_ reason: String) -> SMTPError { SMTPError(permanent: true, reason: reason) }
    static let unknownOutcome = "mogelijk al verzonden (onderbroken)"

    /// A reply the command did not expect: 5xx is permanent, anything else temporary.
    static func reply(_ reply: SMTPReply, during step: String) -> SMTPError {
        SMTPError(permanent: (500...599).contains(reply.code), reason: "\(reply.summary) (\(step))")
    }

    /// An error from the network or TLS layer, said briefly.
    static func from(_ error: any Error) -> SMTPError {
        if let error = error as? SMTPError { return error }
        if let connect = error as? NIOConnectionError {
            let refused = connect.connectionErrors.contains { ($0.error as? IOError)?.errnoCode == ECONNREFUSED }
            if refused { return .temporary("verbinding geweigerd (\(connect.host):\(connect.port))") }
            if connect.connectionErrors.isEmpty { return .temporary("host niet gevonden (\(connect.host))") }
            return .temporary("geen verbinding met \(connect.host):\(connect.port)")
        }
        if let io = error as? IOError, io.errnoCode == ECONNREFUSED { return .temporary("verbinding geweigerd") }
        if case ChannelError.connectTimeout = error { return .temporary("verbinding: time-out") }
        if let tls = error as? NIOSSLError {
            if case .handshakeFailed = tls { return .temporary("TLS mislukt: certificaat niet vertrouwd of handshake geweigerd") }
            return .temporary("TLS-fout: \(String(describing: tls).prefix(120))")
        }
        if error is NIOSSLExtraError { return .temporary("TLS-fout: \(String(describing: error).prefix(120))") }
        return .temporary(String(describing: error).replacingOccurrences(of: "\n", with: " ").prefix(160).description)
    }
}
