import Vapor

extension Request {
    /// The site's public address for links that leave the page (the parent's questionnaire link,
    /// the API's own URLs): `KANSRIJK_BASE_URL`; behind a trusted proxy its `X-Forwarded-Proto` and
    /// `-Host`; otherwise the address the server listens on. Never the request's own `Host`: a
    /// forged one would put another site into a link a professional hands to a parent (issue #13).
    var publicBaseURL: String {
        let settings = application.settings
        if let base = settings.baseURL { return base }
        if settings.trustedProxy, let host = headers.first(name: "X-Forwarded-Host"), Self.isHostName(host) {
            let proto = headers.first(name: "X-Forwarded-Proto")?.lowercased()
            return "\(proto == "http" ? "http" : "https")://\(host)"
        }
        let (host, port) = application.listeningAddress
        return "\(settings.secureCookies ? "https" : "http")://\(host):\(port)"
    }

    /// Letters, digits, dots, hyphens and one optional `:port`: nothing that could end a URL's host.
    static func isHostName(_ text: String) -> Bool {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty, parts[0].utf8.count <= 253,
              parts[0].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-") }) else { return false }
        return parts.count == 1 || (parts[1].count <= 5 && parts[1].allSatisfy { $0.isASCII && $0.isNumber })
    }
}

extension Request {
    /// The client's address for throttles and upload slots: behind a trusted proxy the address it
    /// saw (the last `X-Forwarded-For` entry), otherwise the connection's. Without a trusted proxy
    /// the header is ignored, so a client cannot pick a fresh address per attempt.
    var clientAddress: String {
        if application.settings.trustedProxy, let forwarded = headers.first(name: "X-Forwarded-For"),
           let last = forwarded.split(separator: ",").last?.trimmingCharacters(in: .whitespaces), !last.isEmpty, last.utf8.count <= 64 {
            return last
        }
        return remoteAddress?.ipAddress ?? "?"
    }
}

extension Application {
    /// The host and port the server listens on (`--hostname`/`--port`, else the configuration).
    var listeningAddress: (host: String, port: Int) {
        let configuration = http.server.configuration
        var host = configuration.hostname, port = configuration.port
        if case .hostname(let h, let p) = configuration.address {
            host = h ?? host
            port = p ?? port
        }
        return (host, port)
    }
}
