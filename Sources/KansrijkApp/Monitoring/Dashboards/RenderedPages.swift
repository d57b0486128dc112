import Foundation
import NIOConcurrencyHelpers
import Vapor

/// Rendered monitor pages, kept for `lifetime` seconds: figures change only on import (the
/// snapshot, which empties this cache, as does a change of the monitoring topic on another
/// instance, ADR 0040), stories and coalitions seldom, and rendering is most of a page's cost.
/// Two kinds are kept (ADR 0048):
/// - whole pages for anonymous GETs with status 200 (`respond`, `cached`): a signed-in page carries
///   a name and a token;
/// - page bodies without the layout (`shared`), the same for every visitor they are kept for,
///   which signed-in users get inside their own layout. Concurrent first computations of one body
///   share one computation (single-flight).
final class RenderedPages: Sendable {
    private struct Entry: Sendable { var body: ByteBuffer; var storedAt: Date }
    private struct Kept: Sendable { var value: any Sendable; var storedAt: Date }
    private struct Flight: Sendable { var id: UUID; var task: Task<any Sendable, any Error> }

    /// Whole pages by key, and the bytes they hold together.
    private struct Pages: Sendable { var byKey: [String: Entry] = [:]; var bytes = 0 }
    private let entries = NIOLockedValueBox(Pages())
    private let kept = NIOLockedValueBox([String: Kept]())
    private let flights = NIOLockedValueBox([String: Flight]())
    /// Raised by `removeAll`: a computation that started before it does not keep its result.
    private let generation = NIOLockedValueBox(0)
    private let seconds: NIOLockedValueBox<TimeInterval>
    private let computed = NIOLockedValueBox(0)
    private let renderAnew = NIOLockedValueBox(false)
    let capacity: Int
    /// At most this many bytes of whole pages: a national monitor's dashboards are 50-150 kB each,
    /// and 2,000 of them would be most of an instance's memory (issue 17: 250 MB).
    let byteBudget: Int

    init(lifetime: TimeInterval, capacity: Int = 2_000, byteBudget: Int = 32 << 20) {
        seconds = .init(lifetime)
        self.capacity = capacity
        self.byteBudget = byteBudget
    }

    /// The bytes of the whole pages kept now: a test hook.
    var keptBytes: Int { entries.withLockedValue { $0.bytes } }

    /// How long a page is kept; 0 keeps nothing (tests), concurrent computations are still shared.
    var lifetime: TimeInterval {
        get { seconds.withLockedValue { $0 } }
        set { seconds.withLockedValue { $0 = newValue } }
    }

    /// Test hook: every dashboard is rendered anew through Leaf, layout included, and nothing is
    /// kept: the reference the shared renderings are compared with.
    var fresh: Bool {
        get { renderAnew.withLockedValue { $0 } }
        set { renderAnew.withLockedValue { $0 = newValue } }
    }

    /// How many shared values were computed (not found kept or under way): a test hook.
    var computations: Int { computed.withLockedValue { $0 } }

    static func key(_ req: Request) -> String? {
        guard req.auth.get(User.self) == nil else { return nil }
        return req.language.rawValue + " " + req.url.string
    }

    func page(_ key: String, now: Date = Date()) -> ByteBuffer? {
        let lifetime = lifetime
        return entries.withLockedValue { e in
            guard let hit = e.byKey[key], now.timeIntervalSince(hit.storedAt) < lifetime else { return nil }
            return hit.body
        }
    }

    /// Keeps the page; when the count or the bytes would pass their limit, the pages kept so far
    /// go first (all at once: they are cheap to render again, and old ones expire anyway).
    func keep(_ body: ByteBuffer, for key: String, now: Date = Date()) {
        guard lifetime > 0, body.readableBytes <= byteBudget else { return }
        entries.withLockedValue { e in
            let replaced = e.byKey[key]?.body.readableBytes ?? 0
            if e.byKey[key] == nil && e.byKey.count >= capacity || e.bytes - replaced + body.readableBytes > byteBudget {
                e = Pages()
            } else {
                e.bytes -= replaced
            }
            e.byKey[key] = Entry(body: body, storedAt: now)
            e.bytes += body.readableBytes
        }
    }

    func removeAll() {
        generation.withLockedValue { $0 += 1 }
        entries.withLockedValue { $0 = Pages() }
        kept.withLockedValue { $0.removeAll() }
        flights.withLockedValue { $0.removeAll() }
    }

    /// The kept page for this request, if any: checked before any database work.
    func cached(_ req: Request) -> Response? {
        guard let key = Self.key(req), let body = page(key) else { return nil }
        return Self.html(body, status: .ok)
    }

    /// The kept page, or `render` run and its page kept.
    func respond(_ req: Request, render: () async throws -> (View, HTTPStatus)) async throws -> Response {
        let key = Self.key(req)
        if let key, let body = page(key) { return Self.html(body, status: .ok) }
        let (view, status) = try await render()
        if let key, status == .ok { keep(view.data, for: key) }
        return Self.html(view.data, status: status)
    }

    /// The value kept under `key`, else the computation of it under way, else `make` run once for
    /// every caller that asks meanwhile (single-flight) and its result kept for `lifetime`.
    /// `make` must not depend on who asks: everything that varies belongs in `key`. It runs in a
    /// task of its own, so a caller that goes away does not cancel it for the others.
    func shared<T: Sendable>(_ key: String, now: Date = Date(), make: @escaping @Sendable () async throws -> T) async throws -> T {
        let lifetime = lifetime
        if let hit = kept.withLockedValue({ k -> (any Sendable)? in
            guard let e = k[key], now.timeIntervalSince(e.storedAt) < lifetime else { return nil }
            return e.value
        }), let value = hit as? T { return value }
        let task = flights.withLockedValue { f -> Task<any Sendable, any Error> in
            if let running = f[key] { return running.task }
            let id = UUID()
            let started = generation.withLockedValue { $0 }
            // created inside the lock: the task cannot remove its entry before it is stored
            let task = Task<any Sendable, any Error> { [self] in
                defer { flights.withLockedValue { f in if f[key]?.id == id { f[key] = nil } } }
                computed.withLockedValue { $0 += 1 }
                let value = try await make()
                if lifetime > 0, generation.withLockedValue({ $0 }) == started {
                    kept.withLockedValue { k in
                        if k.count >= capacity { k.removeAll(keepingCapacity: true) }
                        k[key] = Kept(value: value, storedAt: Date())
                    }
                }
                return value
            }
            f[key] = Flight(id: id, task: task)
            return task
        }
        guard let value = try await task.value as? T else { throw Abort(.internalServerError, reason: "a shared page of another kind under \(key)") }
        return value
    }

    static func html(_ body: ByteBuffer, status: HTTPStatus) -> Response {
        let response = Response(status: status, body: .init(buffer: body))
        response.headers.contentType = .html
        return response
    }
}
