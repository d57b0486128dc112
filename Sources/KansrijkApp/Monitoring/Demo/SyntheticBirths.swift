import Foundation

/// A realistic synthetic national births extract: about 165,000 children a year spread over the
/// municipalities, with regional variation around the national Big2 (15%; Helmond almost 18%),
/// preterm ~6.6% and small for gestational age ~9.7% (2021), a slow national decline since 2012,
/// and codes as they were in each year (former municipalities before their merger).
/// Deterministic for a seed; no real child is in it.
struct SyntheticBirths {
    var years: YearRange
    var seed: UInt64 = 2021
    var childrenPerYear = 165_000

    /// Approximate yearly births of the larger municipalities; the rest share what is left.
    static let knownBirths: [String: Int] = [
        "GM0363": 9_500, "GM0599": 7_000, "GM0518": 6_000, "GM0344": 4_000, "GM0034": 2_300, "GM0772": 2_300,
        "GM0014": 2_000, "GM0855": 2_000, "GM0758": 1_700, "GM0268": 1_500, "GM0794": 1_000,
        // the demo's own municipalities (Zeist, Apeldoorn, Borsele), so their dashboards look like theirs
        "GM0355": 620, "GM0200": 1_500, "GM0654": 220,
    ]
    /// Municipalities known for a higher Big2 (risk relative to the national figure).
    static let higherRisk: [String: Double] = ["GM0794": 1.2, "GM0599": 1.13, "GM0518": 1.1, "GM0363": 1.05, "GM0034": 1.06]

    struct Place { var codeNow: String; var births: Double; var risk: Double; var lateCare: Double }

    func places(areas: AreaDimension) -> [Place] {
        var rng = SplitMix64(seed: seed ^ 0x5EED)
        var list = areas.places.map { p -> Place in
            // a skewed spread of sizes: most municipalities are small
            let u = Double(rng.next() >> 11) / 9_007_199_254_740_992
            let size = Self.knownBirths[p.code].map(Double.init) ?? 60 + 900 * u * u * u
            let risk = Self.higherRisk[p.code] ?? (0.88 + 0.2 * Double(rng.next() >> 11) / 9_007_199_254_740_992)
            let late = 0.15 + 0.12 * Double(rng.next() >> 11) / 9_007_199_254_740_992
            return Place(codeNow: p.code, births: size, risk: risk, lateCare: late)
        }
        let known = list.filter { Self.knownBirths[$0.codeNow] != nil }.reduce(0) { $0 + $1.births }
        let rest = list.filter { Self.knownBirths[$0.codeNow] == nil }.reduce(0) { $0 + $1.births }
        let scale = max(0, Double(childrenPerYear) - known) / max(rest, 1)
        for i in list.indices where Self.knownBirths[list[i].codeNow] == nil { list[i].births *= scale }
        return list
    }

    /// National Big2 fell from 16.3% (2012) to 14.8% (2021): the trend relative to 2021.
    static func trend(_ year: Int) -> Double { (16.3 - 0.167 * Double(year - 2012)) / 14.8 }

    /// Calls `body` for every child, year by year, municipality by municipality.
    func generate(areas: AreaDimension, _ body: (BirthRecord) throws -> Void) rethrows {
        let places = places(areas: areas)
        var formersOf: [String: [AreaDimension.Merge]] = [:]
        for m in areas.merges { formersOf[m.current, default: []].append(m) }
        for year in years.years {
            var rng = SplitMix64(seed: seed &+ UInt64(year) &* 0x9E37_79B9)
            for place in places {
                // before a merger the children are registered in the former municipalities
                let formers = (formersOf[place.codeNow] ?? []).filter { year < $0.year }
                let currentExisted = areas.existed(place.codeNow, in: year)
                let codes = formers.map(\.former) + (currentExisted ? [place.codeNow] : [])
                let n = Int(place.births.rounded())
                for i in 0..<n {
                    try body(child(year: year, code: codes.isEmpty ? place.codeNow : codes[i % codes.count], place: place, rng: &rng))
                }
            }
        }
    }

    private func child(year: Int, code: String, place: Place, rng: inout SplitMix64) -> BirthRecord {
        func uniform() -> Double { Double(rng.next() >> 11) / 9_007_199_254_740_992 }
        let vulnerable = uniform() < 0.1 * place.risk ? 1 : 0
        let quintileRoll = uniform()
        let quintile: Int? = quintileRoll < 0.02 ? nil : min(5, 1 + Int(uniform() * 5 * (vulnerable == 1 ? 0.5 : 1)))
        let educationRoll = uniform()
        let education: String? = educationRoll < 0.05 ? nil : (uniform() < (vulnerable == 1 ? 0.5 : 0.2) ? "laag" : (uniform() < 0.5 ? "midden" : "hoog"))
        // personal risk: the place, the year, and the family's situation
        let personal = place.risk * Self.trend(year) * (vulnerable == 1 ? 1.5 : 0.945) * (quintile == 1 ? 1.15 : 1.0) * (quintile == 5 ? 0.88 : 1.0)
        let veryEarly = uniform() < 0.004
        let preterm = !veryEarly && uniform() < 0.066 * personal
        let sga = uniform() < (preterm ? 0.227 : 0.0878) * personal
        let weeks: Int
        if veryEarly { weeks = 20 + Int(uniform() * 4) }
        else if preterm { let r = uniform(); weeks = r < 0.7 ? 34 + Int(uniform() * 3) : (r < 0.9 ? 30 + Int(uniform() * 4) : 24 + Int(uniform() * 6)) }
        else { weeks = 37 + Int(uniform() * 5) }
        let percentile = sga ? (uniform() * 99).rounded() / 10 : 10 + (uniform() * 900).rounded() / 10
        let live = veryEarly ? uniform() < 0.3 : uniform() > 0.004
        let checkUnknown = uniform() < 0.03
        let late = uniform() < place.lateCare * (vulnerable == 1 ? 1.6 : 0.95)
        let firstCheck = checkUnknown ? nil : (late ? 71 + Int(uniform() * 60) : 42 + Int(uniform() * 29))
        let parityRoll = uniform()
        return BirthRecord(year: year, municipality: code, weeks: weeks, days: Int(uniform() * 7),
                           percentile: veryEarly && uniform() < 0.5 ? nil : percentile,
                           parity: parityRoll < 0.45 ? 0 : (parityRoll < 0.8 ? 1 : 2 + Int(uniform() * 3)),
                           liveBorn: live, firstCheckDay: firstCheck, vulnerable: vulnerable,
                           incomeQuintile: quintile, education: education)
    }

    /// Straight into an aggregate, as the demo database loads it (no file in between).
    func aggregate(areas: AreaDimension) -> BirthAggregate {
        var aggregate = BirthAggregate()
        generate(areas: areas) { r in
            let slot = aggregate.slot(year: r.year, codeNumber: Int(r.municipality.dropFirst(2))!, code: r.municipality)
            aggregate.add(r.elementMask, slot: slot, cells: r.cellIndices)
        }
        return aggregate
    }

    static let header = "jaar;gemeente;amww;amdd;hoftiezer;pariteit;levend;amddd1ond;kwetsbaar;inkomen_kwintiel;opleiding"

    /// Writes the extract as Dutch Excel would (`;`, `,` decimals, CRLF); returns the number of children.
    func writeCSV(areas: AreaDimension, to path: String) throws -> Int {
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
            throw CommandFailure("Kan \(path) niet schrijven")
        }
        defer { try? handle.close() }
        var out = [UInt8](); out.reserveCapacity(1 << 22)
        out += Array((Self.header + "\r\n").utf8)
        var written = 0
        try generate(areas: areas) { r in
            Self.append(r, to: &out)
            written += 1
            if out.count > 4_000_000 { try handle.write(contentsOf: out); out.removeAll(keepingCapacity: true) }
        }
        try handle.write(contentsOf: out)
        return written
    }

    static func append(_ r: BirthRecord, to out: inout [UInt8]) {
        func int(_ v: Int) {
            if v >= 10 { int(v / 10) }
            out.append(UInt8(48 + v % 10))
        }
        let sep: UInt8 = 59
        int(r.year); out.append(sep)
        out += Array(r.municipality.utf8); out.append(sep)
        int(r.weeks); out.append(sep)
        int(r.days); out.append(sep)
        if let p = r.percentile {
            let tenths = Int((p * 10).rounded())
            int(tenths / 10); out.append(44); int(tenths % 10)
        }
        out.append(sep)
        int(r.parity); out.append(sep)
        int(r.liveBorn ? 1 : 0); out.append(sep)
        if let d = r.firstCheckDay { int(d) }
        out.append(sep)
        if let v = r.vulnerable { int(v) }
        out.append(sep)
        if let q = r.incomeQuintile { int(q) }
        out.append(sep)
        if let e = r.education { out += Array(e.utf8) }
        out.append(13); out.append(10)
    }
}
