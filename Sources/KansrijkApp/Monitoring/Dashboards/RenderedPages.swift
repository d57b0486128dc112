import Foundation
import NIOConcurrencyHelpers
import Vapor

/// Rendered public monitor pages, kept for `lifetime` seconds per URL and language: figures change
/// only on import (the snapshot), stories and coalitions seldom, and rendering is most of a page's
/// cost under load. Only anonymous GETs with status 200 are kept: a signed-in page carries a name and a token.
final class RenderedPages: Sendable {
    private struct Entry: Sendable { var body: ByteBuffer; var storedAt: Date }

    private let entries = NIOLockedValueBox([String: Entry]())
    let lifetime: TimeInterval
    let capacity: Int

    init(lifetime: TimeInterval, capacity: Int = 2_000) {
        self.lifetime = lifetime
        self.capacity = capacity
    }

    static func key(_ req: Request) -> String? {
        guard req.auth.get(User.self) == nil else { return nil }
        return req.language.rawValue + " " + req.url.string
    }

    func page(_ key: String, now: Date = Date()) -> ByteBuffer? {
        entries.withLockedValue { e in
            guard let hit = e[key], now.timeIntervalSince(hit.storedAt) < lifetime else { return nil }
            return hit.body
        }
    }

    func keep(_ body: ByteBuffer, for key: String, now: Date = Date()) {
        guard lifetime > 0 else { return }
        entries.withLockedValue { e in
            if e.count >= capacity { e.removeAll(keepingCapacity: true) }
            e[key] = Entry(body: body, storedAt: now)
        }
    }

    func removeAll() { entries.withLockedValue { $0.removeAll() } }

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

    static func html(_ body: ByteBuffer, status: HTTPStatus) -> Response {
        let response = Response(status: status, body: .init(buffer: body))
        response.headers.contentType = .html
        return response
    }
}
