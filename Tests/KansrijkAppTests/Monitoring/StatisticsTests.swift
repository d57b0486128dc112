import Testing
@testable import KansrijkApp

@Suite("Monitoring: Wilson intervals, comparison, pooling")
struct StatisticsTests {
    @Test("Wilson 95% intervals match published values")
    func wilson() throws {
        // 5/10: 0.2366-0.7634; 0/10: 0-0.2775 (the "rule of three"-like upper bound); 15/100: 0.0931-0.2328
        let a = try #require(WilsonInterval(successes: 5, trials: 10))
        #expect(abs(a.low - 0.2366) < 1e-4 && abs(a.high - 0.7634) < 1e-4)
        let b = try #require(WilsonInterval(successes: 0, trials: 10))
        #expect(b.low == 0 && abs(b.high - 0.2775) < 1e-4)
        let c = try #require(WilsonInterval(successes: 15, trials: 100))
        #expect(abs(c.low - 0.0931) < 1e-4 && abs(c.high - 0.2328) < 1e-4)
        let d = try #require(WilsonInterval(successes: 10, trials: 10))
        #expect(abs(d.low - 0.7225) < 1e-4 && abs(d.high - 1) < 1e-12)
        #expect(WilsonInterval(successes: 11, trials: 10) == nil)
        #expect(WilsonInterval(successes: 0, trials: 0) == nil)
        #expect(abs(c.scaled(by: 100).high - 23.28) < 1e-2)
    }

    @Test("significantly higher or lower only when the intervals do not overlap")
    func comparison() {
        let nl = WilsonInterval(low: 0.145, high: 0.151)
        #expect(Comparison.compare(.init(low: 0.16, high: 0.20), with: nl) == .higher)
        #expect(Comparison.compare(.init(low: 0.10, high: 0.14), with: nl) == .lower)
        #expect(Comparison.compare(.init(low: 0.15, high: 0.25), with: nl) == .notDifferent)
    }

    @Test("five years pooled, labelled, and only when every year has data")
    func pooling() {
        let span = Pooling.span(endingIn: 2021)
        #expect(span.description == "2017-2021")
        #expect(Pooling.label(span) == "2017-2021 (5 jaar samen)")
        var byYear: [Int: Suppression.Cell] = [:]
        for y in 2017...2021 { byYear[y] = .init(numerator: y - 2015, denominator: 20) }
        #expect(Pooling.pooled(byYear, span: span) == .init(numerator: 2 + 3 + 4 + 5 + 6, denominator: 100))
        byYear[2019] = nil
        #expect(Pooling.pooled(byYear, span: span) == nil)
    }
}

@Suite("Monitoring: suppression of small numbers")
struct SuppressionTests {
    typealias C = Suppression.Cell

    @Test("primary: fewer than 10 in the numerator, the denominator, or outside the numerator")
    func primary() {
        #expect(Suppression.isPrimary(C(numerator: 9, denominator: 100)))
        #expect(!Suppression.isPrimary(C(numerator: 10, denominator: 100)))
        #expect(Suppression.isPrimary(C(numerator: 9, denominator: 9)))
        #expect(Suppression.isPrimary(C(numerator: 95, denominator: 100)), "95 of 100 tells about the 5 others")
        #expect(!Suppression.isPrimary(C(numerator: 90, denominator: 100)))
        #expect(Suppression.isPrimary(C(numerator: 9, denominator: 1), basis: .count))
        #expect(!Suppression.isPrimary(C(numerator: 12, denominator: 1), basis: .count))
        #expect(!Suppression.isPrimary(C(numerator: 3, denominator: 1), basis: .none))
        #expect(Suppression.isPrimary(C(numerator: 400, denominator: 8), basis: .average))
    }

    @Test("one small cell in a breakdown takes the next smallest with it")
    func complementary() {
        // totals 55/350 are published; with only A hidden, A = total - B - C
        let cells = [C(numerator: 5, denominator: 50), C(numerator: 20, denominator: 100), C(numerator: 30, denominator: 200)]
        #expect(Suppression.protect(cells, groups: [[0, 1, 2]]) == [.smallNumber, .complementary, nil])
    }

    @Test("two small cells already protect each other")
    func twoSmall() {
        let cells = [C(numerator: 5, denominator: 50), C(numerator: 3, denominator: 40), C(numerator: 30, denominator: 200)]
        #expect(Suppression.protect(cells, groups: [[0, 1, 2]]) == [.smallNumber, .smallNumber, nil])
    }

    @Test("overlapping groups cascade until nothing can be recovered")
    func cascade() {
        // group 1 = {0, 1} (a region), group 2 = {1, 2, 3} (a breakdown of cell 1's area, say)
        let cells = [C(numerator: 5, denominator: 50), C(numerator: 20, denominator: 60),
                     C(numerator: 30, denominator: 300), C(numerator: 40, denominator: 400)]
        #expect(Suppression.protect(cells, groups: [[0, 1], [1, 2, 3]]) == [.smallNumber, .complementary, .complementary, nil])
    }

    @Test("a group whose total is itself suppressed gives nothing away")
    func smallTotal() {
        let cells = [C(numerator: 2, denominator: 5), C(numerator: 0, denominator: 4), C(numerator: 0, denominator: 0)]
        #expect(Suppression.protect(cells, groups: [[0, 1, 2]]) == [.smallNumber, .smallNumber, .smallNumber])
        let counts = [C(numerator: 4, denominator: 1), C(numerator: 15, denominator: 1)]
        // total 19 is not small: the hidden 4 would follow from 19 - 15
        #expect(Suppression.protect(counts, groups: [[0, 1]], basis: .count) == [.smallNumber, .complementary])
    }
}
