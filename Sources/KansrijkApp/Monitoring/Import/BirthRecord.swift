import Foundation

/// One child in a Perined-shaped extract, and the RIVM's definitions applied to it.
/// Only children born at 24 weeks or more count; preterm is < 37 weeks; low weight is a
/// Hoftiezer percentile < 10; Big2 is either. Antenatal care after week 10 is a first check-up
/// after day 70, among children >= 24 weeks whose first check-up day is known; an unknown day
/// is counted apart (`kinderen_ge24_controle_onbekend`) and left out of both numerator and
/// denominator, so it neither flatters nor blames an area. The extract has no pregnancy id,
/// so twins count twice, as in a per-child extract they must.
struct BirthRecord: Sendable, Equatable {
    var year: Int
    var municipality: String
    var weeks: Int
    var days: Int
    var percentile: Double?
    var parity: Int
    var liveBorn: Bool
    var firstCheckDay: Int?
    var vulnerable: Int?
    var incomeQuintile: Int?
    var education: String?

    /// Indices into `DataElement.births`.
    enum Element: Int, CaseIterable {
        case ge24, preterm, lowWeight, big2, checkKnown, checkAfter70, checkUnknown, liveBorn
    }

    static let firstCheckLimitDay = 70
    static let minimumWeeks = 24
    static let pretermWeeks = 37
    static let lowWeightPercentile = 10.0

    var bornAtLeast24Weeks: Bool { weeks >= Self.minimumWeeks }
    var preterm: Bool { bornAtLeast24Weeks && weeks < Self.pretermWeeks }
    var lowWeight: Bool { bornAtLeast24Weeks && (percentile ?? 100) < Self.lowWeightPercentile }
    var big2: Bool { preterm || lowWeight }

    /// The data elements this child adds one to, as bits (`Element.rawValue`), so the hot loop allocates nothing.
    var elementMask: UInt8 {
        var m: UInt8 = 0
        func set(_ e: Element) { m |= 1 << UInt8(e.rawValue) }
        if bornAtLeast24Weeks {
            set(.ge24)
            if preterm { set(.preterm) }
            if lowWeight { set(.lowWeight) }
            if big2 { set(.big2) }
            if let day = firstCheckDay {
                set(.checkKnown)
                if day > Self.firstCheckLimitDay { set(.checkAfter70) }
            } else {
                set(.checkUnknown)
            }
        }
        if liveBorn { set(.liveBorn) }
        return m
    }

    var elements: [Element] { Element.allCases.filter { elementMask & (1 << UInt8($0.rawValue)) != 0 } }

    /// The breakdown cell per breakdown (`onbekend` when the extract does not say).
    var breakdownValues: [String] {
        [vulnerable.map(String.init) ?? Breakdown.unknown,
         incomeQuintile.map(String.init) ?? Breakdown.unknown,
         education ?? Breakdown.unknown]
    }
}
