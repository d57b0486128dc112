import Crypto
import Fluent
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Anchoring the audit chain's head outside the host (issue #13): the witness file sits beside the
/// database, so someone with the host could change both. `audit anchor` signs the head with a key
/// the host keeps apart (`KANSRIJK_AUDIT_ANCHOR_KEY`, HMAC-SHA256) and appends the line to an
/// append-only target: a file (a mounted WORM share, a log shipper's file) or the system log, which
/// an operator forwards to another machine. `audit verify --expect-head SEQ:HASH` checks a kept line.
enum AuditAnchor {
    static func line(for head: AuditHead, key: String) -> String {
        let text = "kansrijk-audit-head \(head.token) \(head.seenAt.map { $0.formatted(.iso8601) } ?? "-")"
        let mac = HMAC<SHA256>.authenticationCode(for: Data(text.utf8), using: SymmetricKey(data: Data(key.utf8)))
        return text + " sig=" + mac.map { String(format: "%02x", $0) }.joined()
    }

    /// True when `line` was signed with `key` (what an auditor checks before trusting a kept head).
    static func isSigned(_ line: String, key: String) -> Bool {
        guard let range = line.range(of: " sig=") else { return false }
        let text = String(line[..<range.lowerBound]), sig = String(line[range.upperBound...])
        let mac = HMAC<SHA256>.authenticationCode(for: Data(text.utf8), using: SymmetricKey(data: Data(key.utf8)))
        return CSRFMiddleware.constantTimeEquals(mac.map { String(format: "%02x", $0) }.joined(), sig)
    }

    static func anchor(on db: any Database, to target: String?, key: String?, now: Date) async throws -> String {
        guard let key, key.utf8.count >= 32 else {
            throw CommandFailure("Set KANSRIJK_AUDIT_ANCHOR_KEY to a secret of at least 32 characters, kept apart from this host's backups")
        }
        guard let target, !target.isEmpty else { throw CommandFailure("Say where to anchor: --to FILE, --to syslog, or KANSRIJK_AUDIT_ANCHOR") }
        try await AuditOutbox.drain(on: db)
        guard let head = try await AuditHead.current(on: db, now: now) else { throw CommandFailure("The audit log is empty: nothing to anchor.") }
        let line = line(for: head, key: key)
        if target == "syslog" {
            #if canImport(Glibc)
            openlog("kansrijk", LOG_PID, LOG_AUTHPRIV)
            withVaList([line]) { vsyslog(LOG_NOTICE, "%s", $0) }
            closelog()
            #endif
        } else {
            try append(line, to: target)
        }
        return line
    }

    /// Appends one line with O_APPEND, creating the file when needed; never truncates.
    static func append(_ line: String, to path: String) throws {
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT, 0o640)
        guard fd >= 0 else { throw CommandFailure("Cannot open \(path) to append the audit head (\(String(cString: strerror(errno))))") }
        defer { close(fd) }
        let bytes = Array((line + "\n").utf8)
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        guard written == bytes.count else { throw CommandFailure("Could not write the audit head to \(path)") }
    }
}
