import Foundation

/// The order of a pathway's steps: by phase along the first 1000 days, then by position
/// within the phase. Pure functions over (id, phase, position) so they test without a database.
enum PathwayOrdering {
    struct Slot: Equatable, Sendable {
        var id: UUID
        var phase: String
        var position: Int
    }

    static func phaseRank(_ code: String) -> Int {
        Term.find(.fase, code)?.phaseOrder ?? Int.max
    }

    static func ordered(_ slots: [Slot]) -> [Slot] {
        slots.sorted {
            let a = phaseRank($0.phase), b = phaseRank($1.phase)
            if a != b { return a < b }
            if $0.position != $1.position { return $0.position < $1.position }
            return $0.id.uuidString < $1.id.uuidString
        }
    }

    /// Positions 1...n within each phase, keeping the current order (closes gaps after deletes).
    static func normalized(_ slots: [Slot]) -> [Slot] {
        var next: [String: Int] = [:]
        return ordered(slots).map { s in
            var s = s
            next[s.phase, default: 0] += 1
            s.position = next[s.phase]!
            return s
        }
    }

    enum Direction { case up, down }

    /// Swaps a step with its neighbour in the same phase; at either end nothing changes.
    static func move(_ id: UUID, _ direction: Direction, in slots: [Slot]) -> [Slot] {
        var list = normalized(slots)
        guard let i = list.firstIndex(where: { $0.id == id }) else { return list }
        let j = direction == .up ? i - 1 : i + 1
        guard list.indices.contains(j), list[j].phase == list[i].phase else { return list }
        let p = list[i].position
        list[i].position = list[j].position
        list[j].position = p
        return ordered(list)
    }

    /// Position for a step appended to a phase.
    static func nextPosition(in phase: String, _ slots: [Slot]) -> Int {
        (slots.filter { $0.phase == phase }.map(\.position).max() ?? 0) + 1
    }
}
