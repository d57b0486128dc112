import Foundation

/// "Firefox · Windows": a short name for the device of a session, from its User-Agent at log-in.
enum DeviceName {
    static func describe(_ userAgent: String?) -> String? {
        guard let agent = userAgent?.prefix(512), !agent.isEmpty else { return nil }
        let browsers: [(String, String)] = [("Edg/", "Edge"), ("OPR/", "Opera"), ("Firefox/", "Firefox"), ("Chrome/", "Chrome"),
                                            ("Chromium/", "Chromium"), ("Safari/", "Safari")]
        let systems: [(String, String)] = [("iPhone", "iPhone"), ("iPad", "iPad"), ("Android", "Android"), ("Windows", "Windows"),
                                           ("CrOS", "ChromeOS"), ("Mac OS X", "macOS"), ("Macintosh", "macOS"), ("Linux", "Linux")]
        let browser = browsers.first { agent.contains($0.0) }?.1
        let system = systems.first { agent.contains($0.0) }?.1
        switch (browser, system) {
        case let (b?, s?): return "\(b) · \(s)"
        case let (b?, nil): return b
        case let (nil, s?): return s
        default:
            let short = String(agent.prefix(40).filter { $0.isLetter || $0.isNumber || " /.()-;".contains($0) })
            return short.isEmpty ? nil : short
        }
    }
}
