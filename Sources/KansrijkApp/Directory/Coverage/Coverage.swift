import Foundation

/// "Sluitend en compleet": for every phase and theme, is there help a family can get now,
/// and has the coalition agreed a pathway for it? Pure logic, so it is tested without pages.
enum Coverage {
    enum State: String, Sendable, Comparable, CaseIterable {
        /// No service at all for this phase and theme.
        case noService = "geen-aanbod"
        /// Services exist but every one has a waiting list or is full.
        case waitingListOnly = "alleen-wachtlijst"
        /// Help exists but no agreed pathway step for this phase and theme.
        case noPathway = "geen-zorgpad"
        /// Help now and an agreed pathway.
        case covered = "gedekt"

        var severity: Int { State.allCases.firstIndex(of: self)! }
        static func < (a: State, b: State) -> Bool { a.severity < b.severity }
    }

    struct Cell: Sendable, Equatable {
        var phase: String
        var theme: String
        var state: State
        var serviceCount: Int
        var availableCount: Int
        var nationwideOnly: Bool
    }

    struct PathwayCoverage: Sendable {
        var theme: String
        var phases: Set<String>
    }

    struct Matrix: Sendable {
        var themes: [String]
        var phases: [String]
        var cells: [String: Cell]

        func cell(_ phase: String, _ theme: String) -> Cell { cells["\(phase)|\(theme)"]! }

        func count(_ state: State) -> Int { cells.values.filter { $0.state == state }.count }
    }

    /// `services` are those a family in the area can use (local, regional or nationwide);
    /// inactive and defunct ones do not count.
    static func matrix(services: [ServiceRecord], localCodes: Set<String>, pathways: [PathwayCoverage]) -> Matrix {
        let phases = Term.phases.map(\.code)
        let themes = Term.themes.map(\.code)
        var cells: [String: Cell] = [:]
        let usable = services.filter { $0.status == .active }
        var byCell: [String: [ServiceRecord]] = [:]
        for s in usable {
            let ps = s.terms(.fase).map(\.code), ts = s.terms(.thema).map(\.code)
            for p in ps { for t in ts { byCell["\(p)|\(t)", default: []].append(s) } }
        }
        var agreed = Set<String>()
        for pw in pathways { for p in pw.phases { agreed.insert("\(p)|\(pw.theme)") } }
        for p in phases {
            for t in themes {
                let key = "\(p)|\(t)"
                let list = byCell[key] ?? []
                let available = list.filter { !$0.capacity.blocksAccess }
                let local = list.filter { s in s.areas.contains { localCodes.contains($0.municipalityCode) } }
                let state: State
                if list.isEmpty { state = .noService }
                else if available.isEmpty { state = .waitingListOnly }
                else if !agreed.contains(key) { state = .noPathway }
                else { state = .covered }
                cells[key] = Cell(phase: p, theme: t, state: state, serviceCount: list.count,
                                  availableCount: available.count, nationwideOnly: !list.isEmpty && local.isEmpty)
            }
        }
        return Matrix(themes: themes, phases: phases, cells: cells)
    }
}
