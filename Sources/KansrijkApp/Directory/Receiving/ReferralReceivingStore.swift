import Fluent
import NIOConcurrencyHelpers
import Vapor

/// Holds `ReferralReceiving` for the running app. Every write of a user, an organisation or a
/// service's setting updates it at once (`ReferralReceivingWatch`), so a page without a database
/// step (search, which answers on the event loop) shows the change at once; the next page that may
/// wait reads it again from the database (the write may have rolled back), as it does after
/// `maxAge`. A write also bumps `ClusterTopic.receiving`, so other instances reload (ADR 0040).
final class ReferralReceivingStore: Sendable {
    private struct Entry {
        var state: ReferralReceiving?; var loadedAt: Date; var fresh: Bool; var generation: Int
        /// A background reload is under way (one at a time, however many searches ask).
        var loading = false
    }
    private let box = NIOLockedValueBox(Entry(state: nil, loadedAt: .distantPast, fresh: false, generation: 0))
    static let maxAge: TimeInterval = 120
    /// Told which version of the topic a reload read, so its poller does not load it again.
    let changes: ClusterChanges?
    /// SQLite's read pool, for the users of a reload (nil on PostgreSQL).
    let pool: SQLiteReadPool?

    init(changes: ClusterChanges? = nil, pool: SQLiteReadPool? = nil) {
        self.changes = changes
        self.pool = pool
    }

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
        // the version before the read: the state holds at least every change up to it
        let version = changes == nil ? nil : try? await ClusterChanges.versions(on: db)[.receiving] ?? 0
        let loaded = try await ReferralReceiving.load(from: db, pool: pool)
        let fresh = box.withLockedValue { e -> Bool in
            // a write seen while reading may be missing from what was read: keep it marked
            e = Entry(state: loaded, loadedAt: now, fresh: e.generation == generation, generation: e.generation, loading: e.loading)
            return e.fresh
        }
        if fresh, let version { changes?.loaded(.receiving, at: version) }
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
/// Each also bumps `ClusterTopic.receiving` in the write's transaction, so other instances (and
/// servers beside a command-line change) reload.
struct UserReceivingWatch: AsyncModelMiddleware {
    let store: ReferralReceivingStore
    func create(model: User, on db: any Database, next: any AnyAsyncModelResponder) async throws {
        try await next.create(model, on: db)
        try await ClusterChanges.bump(.receiving, on: db)
        store.update { $0.apply(user: model) }
    }
    func update(model: User, on db: any Database, next: any AnyAsyncModelResponder) async throws {
        // most saves of a user (a password, a second factor, a language) leave receiving alone
        let relevant = !ChangedFields.keys(of: model).isDisjoint(with: ["is_active", "role", "organisation_id"])
        try await next.update(model, on: db)
        guard relevant else { return }
        try await ClusterChanges.bump(.receiving, on: db)
        store.update { $0.apply(user: model) }
    }
    func delete(model: User, force: Bool, on db: any Database, next: any AnyAsyncModelResponder) async throws {
        try await next.delete(model, force: force, on: db)
        try await ClusterChanges.bump(.receiving, on: db)
        if let id = model.id { store.update { $0.remove(user: id) } }
    }
}

struct OrganisationReceivingWatch: AsyncModelMiddleware {
    let store: ReferralReceivingStore
    func create(model: Organisation, on db: any Database, next: any AnyAsyncModelResponder) async throws {
        try await next.create(model, on: db)
        try await ClusterChanges.bump(.receiving, on: db)
        store.update { $0.apply(organisation: model) }
    }
    func update(model: Organisation, on db: any Database, next: any AnyAsyncModelResponder) async throws {
        let relevant = !ChangedFields.keys(of: model).isDisjoint(with: ["receives_referrals", "phone", "email"])
        try await next.update(model, on: db)
        guard relevant else { return }
        try await ClusterChanges.bump(.receiving, on: db)
        store.update { $0.apply(organisation: model) }
    }
}

struct ServiceReferralRouteWatch: AsyncModelMiddleware {
    let store: ReferralReceivingStore
    func create(model: ServiceReferralRoute, on db: any Database, next: any AnyAsyncModelResponder) async throws {
        try await next.create(model, on: db)
        try await ClusterChanges.bump(.receiving, on: db)
        store.update { $0.apply(route: model, service: model.serviceID) }
    }
    func update(model: ServiceReferralRoute, on db: any Database, next: any AnyAsyncModelResponder) async throws {
        try await next.update(model, on: db)
        try await ClusterChanges.bump(.receiving, on: db)
        store.update { $0.apply(route: model, service: model.serviceID) }
    }
    func delete(model: ServiceReferralRoute, force: Bool, on db: any Database, next: any AnyAsyncModelResponder) async throws {
        try await next.delete(model, force: force, on: db)
        try await ClusterChanges.bump(.receiving, on: db)
        store.update { $0.apply(route: nil, service: model.serviceID) }
    }
}

/// The columns a save will write: the fields set since the model was read.
enum ChangedFields {
    private final class Collector: DatabaseInput {
        var keys: Set<String> = []
        func set(_ value: DatabaseQuery.Value, at key: FieldKey) { keys.insert(key.description) }
    }

    static func keys(of model: some Model) -> Set<String> {
        let collector = Collector()
        model.input(to: collector)
        return collector.keys
    }
}

extension Application {
    private struct ReferralReceivingKey: StorageKey { typealias Value = ReferralReceivingStore }

    var referralReceiving: ReferralReceivingStore {
        if let existing = storage[ReferralReceivingKey.self] { return existing }
        let store = ReferralReceivingStore(changes: clusterChanges, pool: sqliteReads)
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
