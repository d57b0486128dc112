import Foundation

/// How far an ambition's activities are. Stopped activities do not count either way.
struct AmbitionProgress: Sendable, Equatable {
    var done: Int
    var running: Int
    var planned: Int
    var stopped: Int
    /// Not done or stopped, and past their end day.
    var overdue: Int

    init(_ activities: [(status: ActivityStatus, endsOn: Date?)], today: Date) {
        done = activities.filter { $0.status == .done }.count
        running = activities.filter { $0.status == .running }.count
        planned = activities.filter { $0.status == .planned }.count
        stopped = activities.filter { $0.status == .stopped }.count
        overdue = activities.filter { a in
            (a.status == .planned || a.status == .running) && (a.endsOn.map { $0 < today } ?? false)
        }.count
    }

    /// Activities that count: everything but the stopped ones.
    var total: Int { done + running + planned }

    /// Whole percent done, 0 when there is nothing to do yet.
    var percentDone: Int { total == 0 ? 0 : done * 100 / total }
}
