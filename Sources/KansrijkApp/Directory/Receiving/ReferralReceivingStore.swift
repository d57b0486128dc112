import Fluent
import NIOConcurrencyHelpers
import Vapor

/// Holds `ReferralReceiving` for the running app. Every write of a user, an organisation or a
/// service's setting updates it at once (`ReferralReceivingWatch`), so a page without a database
/// step (search, which answers on the event loop) shows the change at once; the next page that may
/// wait reads it again from the database (the write may have rolled back), as it does after
/// `maxAge` (another instance may have written).
final class ReferralReceivingStore: Sendable {
    private struct Entry {
        var state: ReferralReceiving?; var loadedAt: Date; var fresh: Bool; var generation: Int
        /// A background reload is under way (one at a time, however many searches ask).
        var loading = false
    }
    private let box = NIOLockedValueBox(Entry(state: nil, loadedAt: .distantPast, fresh: false, generation: 0))
    static let maxAge: TimeInterval = 120

    /// The state as known now, without waiting; nil before the first load.
    var current: ReferralReceiving? { box.withLockedValue { $0.state } }

    /// The state, read again when a write touched it or it is older than `maxAge`.
    func state(on db: any Database, now: Date = Date()) async throws -> ReferralReceiving {
        let entry = box.withLockedValue { $0 }
        if let state = entry.state, entry.fresh, now.timeIntervalSince(entry.loadedAt) < Self.maxAge { return state }
        return try await reload(on: db, now: now)
    }

    @discardableResult
    func reload(on db: any Database, now: Date = Date()) async throws -> ReferralReceiving {
        let generation = box.withLockedValue { $0.generation }
        let loaded = try await ReferralReceiving.load(from: db)
        box.withLockedValue { e in
            // a write seen while reading may be missing from what was read: keep it marked
            e = Entry(state: loaded, loadedAt: now, fresh: e.generation == generation, generation: e.generation, loading: e.loading)
        }
        return loaded
    }

    /// A write's change, applied to the state at once and marked for reading again.
    func update(_ change: (inout ReferralReceiving) -> Void) {
        box.withLockedValue { e in
            if var state = e.state { change(&state); e.state = state }
            e.fresh = false
            e.generation += 1
        }
    }

    /// For the event-loop search: the state now, and a reload in the background when it is
    /// missing (only before the first async reader) or old.
    func currentOrRefresh(_ app: Application) -> ReferralReceiving? {
        let (state, start) = box.withLockedValue { e -> (ReferralReceiving?, Bool) in
            let due = e.state == nil || Date().timeIntervalSince(e.loadedAt) >= Self.maxAge
            guard due, !e.loading else { return (e.state, false) }
            e.loading = true
            return (e.state, true)
        }
        if start {
            Task {
                _ = try? await self.reload(on: app.db)
                self.box.withLockedValue { $0.loading = false }
            }
        }
        return state
    }
}

/// Keeps the store in step with writes of users and organisations (Fluent model middleware).
struct UserReceivingWatch: AsyncModelMiddleware {
    let store: ReferralReceivingStore
    func create(model: User, on db: any Database, next: any AnyAsyncModelResponder) async throws {
        try await next.create(model, on: db)
        store.update { $0.apply(user: model) }
    }
    func update(model: User, on db: any Database, next: any AnyAsyncModelResponder) async throws {
        try await next.update(model, on: db)
        store.update { $0.apply(user: model) }
    }
    func delete(model: User, force: Bool, on db: any Database, next: any AnyAsyncModelResponder) async throws {
        try await next.delete(model, force: force, on: db)
        if let id = model.id { store.update { $0.remove(user: id) } }
    }
}

struct OrganisationReceivingWatch: AsyncModelMiddleware {
    let store: ReferralReceivingStore
    func create(model: Organisation, on db: any Database, next: any AnyAsyncModelResponder) async throws {
        try await next.create(model, on: db)
        store.update { $0.apply(organisation: model) }
    }
    func update(model: Organisation, on db: any Database, next: any AnyAsyncModelResponder) async throws {
        try await next.update(model, on: db)
        store.update { $0.apply(organisation: model) }
    }
}

struct ServiceReferralRouteWatch: AsyncModelMiddleware {
    let store: ReferralReceivingStore
    func create(model: ServiceReferralRoute, on db: any Database, next: any AnyAsyncModelResponder) async throws {
        try await next.create(model, on: db)
        store.update { $0.apply(route: model, service: model.serviceID) }
    }
    func update(model: ServiceReferralRoute, on db: any Database, next: any AnyAsyncModelResponder) async throws {
        try await next.update(model, on: db)
        store.update { $0.apply(route: model, service: model.serviceID) }
    }
    func delete(model: ServiceReferralRoute, force: Bool, on db: any Database, next: any AnyAsyncModelResponder) async throws {
        try await next.delete(model, force: force, on: db)
        store.update { $0.apply(route: nil, service: model.serviceID) }
    }
}

extension Application {
    private struct ReferralReceivingKey: StorageKey { typealias Value = ReferralReceivingStore }

    var referralReceiving: ReferralReceivingStore {
        if let existing = storage[ReferralReceivingKey.self] { return existing }
        let store = ReferralReceivingStore()
        storage[ReferralReceivingKey.self] = store
        return store
    }

    /// Watches the writes that change how services receive referrals (call once, after the database is set).
    func watchReferralReceiving() {
        let store = referralReceiving
        databases.middleware.use(UserReceivingWatch(store: store))
        databases.middleware.use(OrganisationReceivingWatch(store: store))
        databases.middleware.use(ServiceReferralRouteWatch(store: store))
    }
}

extension Request {
    /// How services receive referrals, as of now.
    func referralReceiving() async throws -> ReferralReceiving {
        try await application.referralReceiving.state(on: db)
    }
}
