import Foundation
import NIOConcurrencyHelpers
import Vapor

/// The name of this running instance (issue 17, ADR 0042): `KANSRIJK_INSTANCE_ID`, by default
/// `hostname-pid`. It names who ran a background job, who claimed an import, and the instance's own
/// audit witness file. A second application in the same process (tests) gets `-2`, `-3` appended.
enum InstanceID {
    private static let made = NIOLockedValueBox(0)

    static func make(env: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let base = env["KANSRIJK_INSTANCE_ID"].flatMap(sanitised) ?? sanitised("\(ProcessInfo.processInfo.hostName)-\(getpid())") ?? "kansrijk"
        let number = made.withLockedValue { $0 += 1; return $0 }
        return number == 1 ? base : "\(base)-\(number)"
    }

    /// Letters, digits, `.`, `-` and `_` only (it becomes part of a file name), at most 64 of them.
    static func sanitised(_ raw: String) -> String? {
        let kept = raw.unicodeScalars.map { CharacterSet.alphanumerics.contains($0) && $0.isASCII || "._-".unicodeScalars.contains($0) ? Character($0) : "-" }
        let result = String(String(kept).prefix(64)).trimmingCharacters(in: CharacterSet(charactersIn: ".-"))
        return result.isEmpty ? nil : result
    }
}

extension Application {
    private struct InstanceIDKey: StorageKey { typealias Value = String }

    /// This instance's name; made once, on first use, or set by a test.
    var instanceID: String {
        get {
            if let id = storage[InstanceIDKey.self] { return id }
            let id = InstanceID.make()
            storage[InstanceIDKey.self] = id
            return id
        }
        set { storage[InstanceIDKey.self] = newValue }
    }
}
