import Foundation
import NIOCore
import Testing
@testable import KansrijkApp

@Suite("Monitoring: group figures, peer groups and phases")
struct DashboardFigureTests {
    static let big2 = IndicatorCatalog.rivm[0]

    static func published(_ code: String, _ n: Int, _ d: Int) -> AreaFigure {
        AreaFigure(areaCode: code, breakdown: "", breakdownValue: "", numerator: n, denominator: d,
                   value: Double(n) / Double(d) * 100, interval: WilsonInterval(successes: n, trials: d)?.scaled(by: 100))
    }

    static func hidden(_ code: String) -> AreaFigure {
        AreaFigure(areaCode: code, breakdown: "", breakdownValue: "", suppression: .smallNumber)
    }

    @Test("a group sums counts, then computes value and interval, and compares with NL")
    func sums() {
        let nl = Self.published("NL01", 15_000, 100_000)
        let r = GroupFigure.sum([Self.published("A", 90, 300), Self.published("B", 26, 200)], code: "c", indicator: Self.big2, national: nl, requireAll: true)
        #expect(r.figure.numerator == 116)
        #expect(r.figure.denominator == 500)
        #expect(abs(r.figure.value! - 23.2) < 1e-9)
        #expect(r.figure.interval == WilsonInterval(successes: 116, trials: 500)!.scaled(by: 100))
        #expect(r.figure.comparison == .higher)
    }

    @Test("a coalition with a hidden member is hidden; a peer group leaves it out and says so")
    func hiddenMembers() {
        let parts = [Self.published("A", 90, 300), Self.hidden("B")]
        let coalition = GroupFigure.sum(parts, code: "c", indicator: Self.big2, national: nil, requireAll: true)
        #expect(coalition.figure.suppression == .smallNumber)
        #expect(coalition.figure.numerator == nil && coalition.figure.value == nil)
        let peer = GroupFigure.sum(parts, code: "p", indicator: Self.big2, national: nil, requireAll: false)
        #expect(peer.figure.numerator == 90)
        #expect(peer.counted == 1 && peer.members == 2)
    }

    @Test("size classes by births a year")
    func sizes() {
        #expect(PeerGroup.SizeClass(births: 0) == .tiny)
        #expect(PeerGroup.SizeClass(births: 249) == .tiny)
        #expect(PeerGroup.SizeClass(births: 250) == .small)
        #expect(PeerGroup.SizeClass(births: 9_000) == .city)
        #expect(PeerGroup.SizeClass.city.range.1 == nil)
    }

    @Test("indicators and stories go to their phase")
    func phases() {
        let byCode = Dictionary(uniqueKeysWithValues: IndicatorCatalog.all.map { ($0.code, $0) })
        #expect(DashboardPhase(byCode["preconceptieconsult"]!) == .before)
        #expect(DashboardPhase(byCode["zorg_na_week_10"]!) == .during)
        #expect(DashboardPhase(byCode["big2"]!) == .after)
        #expect(DashboardPhase(byCode["coalitie_aanwezig"]!) == .together)
        #expect(DashboardPhase(storyPhase: "kinderwens") == .before)
        #expect(DashboardPhase(storyPhase: "zwangerschap-t3") == .during)
        #expect(DashboardPhase(storyPhase: "0-1") == .after)
        #expect(DashboardPhase(storyPhase: nil) == .together)
    }

    @Test("the GET form's repeated values are kept, percent-decoded")
    func queryItems() {
        let items = DashboardQuery.items("vergelijk=eigen&met=GM0363&met=gm0345&x=a%20b+c")
        #expect(items.map(\.0) == ["vergelijk", "met", "met", "x"])
        #expect(items[3].1 == "a b c")
    }

    @Test("rendered pages are kept for their lifetime, then rendered again; none are kept in tests")
    func renderedPages() {
        let pages = RenderedPages(lifetime: 60, capacity: 2)
        let t0 = Date(timeIntervalSince1970: 1_700_000_000)
        pages.keep(ByteBuffer(string: "a"), for: "nl /monitor", now: t0)
        #expect(pages.page("nl /monitor", now: t0.addingTimeInterval(59)) == ByteBuffer(string: "a"))
        #expect(pages.page("nl /monitor", now: t0.addingTimeInterval(60)) == nil)
        #expect(pages.page("en /monitor", now: t0) == nil)
        let never = RenderedPages(lifetime: 0)
        never.keep(ByteBuffer(string: "a"), for: "k", now: t0)
        #expect(never.page("k", now: t0) == nil)
    }

    @Test("whole pages are kept up to a number and a number of bytes; past either the kept ones go first")
    func renderedPagesBounded() {
        let t0 = Date(timeIntervalSince1970: 1_700_000_000)
        let pages = RenderedPages(lifetime: 60, capacity: 3, byteBudget: 10)
        // act + check: bytes add up, a page kept again replaces its bytes
        pages.keep(ByteBuffer(string: "aaaa"), for: "a", now: t0)
        pages.keep(ByteBuffer(string: "bbbb"), for: "b", now: t0)
        pages.keep(ByteBuffer(string: "aaa"), for: "a", now: t0)
        #expect(pages.keptBytes == 7)
        // past the bytes: the others go, the new page stays
        pages.keep(ByteBuffer(string: "cccc"), for: "c", now: t0)
        #expect(pages.keptBytes == 4 && pages.page("a", now: t0) == nil && pages.page("c", now: t0) == ByteBuffer(string: "cccc"))
        // past the number of pages
        pages.keep(ByteBuffer(string: "d"), for: "d", now: t0)
        pages.keep(ByteBuffer(string: "e"), for: "e", now: t0)
        pages.keep(ByteBuffer(string: "f"), for: "f", now: t0)
        #expect(pages.page("c", now: t0) == nil && pages.page("f", now: t0) != nil && pages.keptBytes == 1)
        // a page larger than the budget is not kept at all
        pages.keep(ByteBuffer(string: String(repeating: "x", count: 11)), for: "x", now: t0)
        #expect(pages.page("x", now: t0) == nil && pages.page("f", now: t0) != nil)
        pages.removeAll()
        #expect(pages.keptBytes == 0)
    }
}
