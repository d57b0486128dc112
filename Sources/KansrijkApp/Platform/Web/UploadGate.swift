import NIOConcurrencyHelpers
import Vapor

/// What every route that takes an upload larger than the app-wide 2 MB does before its body is
/// read (issue #13: 16 anonymous 49 MB posts took the server from 213 MB to 1.2 GB): only a
/// signed-in user with a session token may send one, a declared size above the limit is refused
/// unread, and each client address receives at most `perAddress` uploads at once.
enum UploadGate {
    static let perAddress = 2

    static func collect(_ req: Request, maxBytes: Int, tooLarge: any Error) async throws {
        if let declared = req.headers.first(name: .contentLength).flatMap(Int.init), declared > maxBytes { throw tooLarge }
        // a body already in memory (a small one, or a test's) costs nothing more to look at
        if let collected = req.body.data {
            guard collected.readableBytes <= maxBytes else { throw tooLarge }
            try req.refuseUnsafeMultipart()
            return
        }
        // refused like any post without a valid session token (`CSRFMiddleware`), before a byte is read
        guard req.auth.has(User.self), req.hasSession, req.session.data["csrf"] != nil else { throw PageError.csrf }
        let address = req.clientAddress
        let slots = req.application.uploadSlots
        guard slots.take(address, limit: perAddress) else { throw Abort(.tooManyRequests, reason: req.t("error.upload.busy")) }
        defer { slots.give(address) }
        do {
            _ = try await req.body.collect(max: maxBytes).get()
        } catch let error as any AbortError where error.status == .payloadTooLarge {
            throw tooLarge
        }
        try req.refuseUnsafeMultipart()
    }
}

/// How many uploads one client address sends at once, per process on purpose (ADR 0041): it
/// bounds the memory of the process that holds the bodies, as `PasswordCheckGate` bounds its CPU.
/// A limit that must hold across instances uses `SharedSlots`.
final class KeyedSlots: Sendable {
    private let inUse = NIOLockedValueBox([String: Int]())

    func take(_ address: String, limit: Int) -> Bool {
        inUse.withLockedValue { table in
            let count = table[address] ?? 0
            guard count < limit else { return false }
            table[address] = count + 1
            return true
        }
    }

    func give(_ address: String) {
        inUse.withLockedValue { table in
            let count = (table[address] ?? 1) - 1
            table[address] = count > 0 ? count : nil
        }
    }
}

extension Application {
    private struct UploadSlotsKey: StorageKey { typealias Value = KeyedSlots }
    /// Uploads being received per client address. Set once in `configure`.
    var uploadSlots: KeyedSlots {
        get { storage[UploadSlotsKey.self] ?? KeyedSlots() }
        set { storage[UploadSlotsKey.self] = newValue }
    }
}
