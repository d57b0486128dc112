import Foundation
import Testing
@testable import KansrijkApp

@Suite("Coverage matrix (sluitend en compleet)")
struct CoverageTests {
    @Test("no service, waiting list only, no pathway, covered")
    func states() {
        // setup
        let services = [
            SearchTests.record("Schuldhulp", areas: ["GM0355"], themes: ["financien"], phases: ["zwangerschap-t1", "0-1"]),
            SearchTests.record("Wachtlijst-huis", areas: ["GM0355"], themes: ["wonen"], phases: ["0-1"], capacity: .waitingList),
            SearchTests.record("Gestopt", areas: ["GM0355"], themes: ["relatie"], phases: ["0-1"], status: .defunct),
            SearchTests.record("Landelijke lijn", themes: ["verslaving"], phases: ["0-1"]),
        ]
        let pathways = [Coverage.PathwayCoverage(theme: "financien", phases: ["zwangerschap-t1"])]
        // act
        let m = Coverage.matrix(services: services, localCodes: ["GM0355"], pathways: pathways)
        // check
        #expect(m.cell("zwangerschap-t1", "financien").state == .covered)
        #expect(m.cell("0-1", "financien").state == .noPathway)
        #expect(m.cell("0-1", "wonen").state == .waitingListOnly)
        #expect(m.cell("0-1", "relatie").state == .noService)
        #expect(m.cell("0-1", "verslaving").state == .noPathway)
        #expect(m.cell("0-1", "verslaving").nationwideOnly)
        #expect(!m.cell("0-1", "financien").nationwideOnly)
        #expect(m.cells.count == Term.phases.count * Term.themes.count)
        #expect(m.count(.covered) == 1)
    }
}

@Suite("Pathway step order")
struct PathwayOrderingTests {
    let a = UUID(), b = UUID(), c = UUID(), d = UUID()

    @Test("phases follow the first 1000 days, positions order within a phase")
    func order() {
        let slots: [PathwayOrdering.Slot] = [
            .init(id: a, phase: "0-1", position: 1),
            .init(id: b, phase: "kinderwens", position: 2),
            .init(id: c, phase: "zwangerschap-t1", position: 1),
            .init(id: d, phase: "kinderwens", position: 1),
        ]
        #expect(PathwayOrdering.ordered(slots).map(\.id) == [d, b, c, a])
    }

    @Test("moving swaps within the phase and stops at its ends")
    func move() {
        let slots: [PathwayOrdering.Slot] = [
            .init(id: a, phase: "kinderwens", position: 1),
            .init(id: b, phase: "kinderwens", position: 2),
            .init(id: c, phase: "zwangerschap-t1", position: 1),
        ]
        #expect(PathwayOrdering.move(b, .up, in: slots).map(\.id) == [b, a, c])
        #expect(PathwayOrdering.move(a, .up, in: slots).map(\.id) == [a, b, c])
        // c is alone in its phase: it never jumps into another phase
        #expect(PathwayOrdering.move(c, .up, in: slots).map(\.id) == [a, b, c])
    }

    @Test("gaps close after a delete, and a new step goes last in its phase")
    func normalise() {
        let slots: [PathwayOrdering.Slot] = [
            .init(id: a, phase: "kraamtijd", position: 3),
            .init(id: b, phase: "kraamtijd", position: 7),
        ]
        #expect(PathwayOrdering.normalized(slots).map(\.position) == [1, 2])
        #expect(PathwayOrdering.nextPosition(in: "kraamtijd", slots) == 8)
        #expect(PathwayOrdering.nextPosition(in: "0-1", slots) == 1)
    }
}
