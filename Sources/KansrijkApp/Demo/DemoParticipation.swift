import Fluent
import Foundation
import Vapor

/// A FICTITIOUS participation per municipality for the demo: the tranches in the proportions the
/// programme published for 2020 (98 / 49 / 128 / 80 of 355 municipalities; GIDS = tranches 1 and
/// 2), spread over today's 342 municipalities with a fixed seed, and invented inhabitants: a
/// seeded size within a city range for the four largest and the other large cities, polygon area
/// times a seeded density for the rest. Every row is marked as demo; pages and exports say so.
enum DemoParticipation {
    static let note = "Demo: fictieve verdeling en fictieve inwonertallen, geen echte gegevens"
    static let seed: UInt64 = 2020
    /// Published tranche counts of July 2020 (of 355 municipalities then).
    static let published: [(tranche: Tranche, count: Int)] = [(.one, 98), (.two, 49), (.three, 128), (.noParticipation, 80)]
    /// The four largest cities and other large cities get a city-sized (still invented) number of
    /// inhabitants, so the demo does not show The Hague as a village.
    static let fourLargest: Set<String> = ["GM0363", "GM0599", "GM0518", "GM0344"]
    static let largeCities: Set<String> = [
        "GM0772", "GM0014", "GM0855", "GM0034", "GM0758", "GM0268", "GM0200", "GM0392", "GM0202", "GM0394", "GM0153",
        "GM0307", "GM0479", "GM0796", "GM0193", "GM0546", "GM0935", "GM0637", "GM0505", "GM0228", "GM0080", "GM1783",
        "GM0484", "GM0361", "GM0114", "GM0503", "GM0150", "GM0983", "GM1883", "GM0794", "GM0828", "GM0362", "GM0402",
        "GM0917", "GM1930", "GM0439", "GM0606", "GM0995", "GM1674", "GM1916", "GM0141", "GM0622", "GM0513",
    ]
    /// The demo coalitions always take part.
    static let pinned: [String: Tranche] = [DemoCatalog.apeldoorn: .one, DemoCatalog.zeist: .two, DemoCatalog.borsele: .three]

    static func load(on app: Application) async throws {
        let reference = try AreaReference.load(dataDirectory: app.settings.rootDirectory + "Resources/Data/")
        let facts = distribution(reference.municipalities.map { ($0.code, areaKm2($0.geometry)) })
        let rows = facts.keys.sorted().map { MunicipalityParticipation(code: $0, facts: facts[$0]!, isDemo: true, sourceNote: note) }
        try await rows.create(on: app.db)
    }

    /// Tranche counts for `n` municipalities in the published proportions (largest remainder).
    static func counts(for n: Int) -> [Tranche: Int] {
        let total = published.reduce(0) { $0 + $1.count }
        var result: [Tranche: Int] = [:]
        var remainders: [(Tranche, Int)] = []
        for p in published {
            result[p.tranche] = p.count * n / total
            remainders.append((p.tranche, p.count * n % total))
        }
        var left = n - result.values.reduce(0, +)
        for (t, _) in remainders.sorted(by: { $0.1 > $1.1 }) where left > 0 { result[t]! += 1; left -= 1 }
        return result
    }

    /// Deterministic for the same municipalities: the pinned ones first, then GIDS (tranches 1 and
    /// 2) mostly among the larger municipalities, as in reality, then tranche 3 and none at random.
    static func distribution(_ areas: [(code: String, areaKm2: Double)]) -> [String: ParticipationFacts] {
        var rng = SplitMix64(seed: seed)
        let sorted = areas.sorted { $0.code < $1.code }
        var inhabitants: [String: Int] = [:]
        var score: [String: Double] = [:]
        for a in sorted {
            let n: Int
            if fourLargest.contains(a.code) {
                n = Int(exp(Double.random(in: log(350_000.0)...log(950_000.0), using: &rng)))
            } else if largeCities.contains(a.code) {
                n = Int(exp(Double.random(in: log(75_000.0)...log(260_000.0), using: &rng)))
            } else {
                // densities from 40 to 900 inhabitants per km2, log-uniform
                let density = exp(Double.random(in: log(40.0)...log(900.0), using: &rng))
                n = min(95_000, max(1_000, Int((a.areaKm2 * density).rounded())))
            }
            inhabitants[a.code] = n
            score[a.code] = log(Double(n)) + Double.random(in: 0...1.5, using: &rng)
        }
        var need = counts(for: areas.count)
        var tranche: [String: Tranche] = [:]
        for (code, t) in pinned where inhabitants[code] != nil { tranche[code] = t; need[t]! -= 1 }
        let free = sorted.map(\.code).filter { tranche[$0] == nil }
        let byScore = free.sorted { (score[$0]!, $0) > (score[$1]!, $1) }
        let gids = Array(byScore.prefix(need[.one]! + need[.two]!)).shuffled(using: &rng)
        for (i, code) in gids.enumerated() { tranche[code] = i < need[.one]! ? .one : .two }
        let rest = Array(byScore.dropFirst(gids.count)).sorted().shuffled(using: &rng)
        for (i, code) in rest.enumerated() { tranche[code] = i < need[.three]! ? .three : .noParticipation }

        var result: [String: ParticipationFacts] = [:]
        for a in sorted {
            let t = tranche[a.code]!
            func chance(_ p: [Tranche: Double]) -> Bool { Double.random(in: 0..<1, using: &rng) < p[t]! }
            result[a.code] = ParticipationFacts(
                tranche: t, isGIDS: t == .one || t == .two,
                hasJointPlan: chance([.one: 0.75, .two: 0.65, .three: 0.45, .noParticipation: 0]),
                hasPrenatalVisit: chance([.one: 0.6, .two: 0.55, .three: 0.45, .noParticipation: 0.3]),
                hasNNZ: chance([.one: 0.5, .two: 0.45, .three: 0.3, .noParticipation: 0.15]),
                inhabitants: inhabitants[a.code]!)
        }
        // the demo coalitions have a plan; Zeist also works with NNZ and the prenatal visit
        for code in pinned.keys where result[code] != nil { result[code]!.hasJointPlan = true }
        result[DemoCatalog.zeist]?.hasNNZ = true
        result[DemoCatalog.zeist]?.hasPrenatalVisit = true
        result[DemoCatalog.apeldoorn]?.hasPrenatalVisit = true
        return result
    }

    /// Area in km2 of the outer rings minus holes (degrees scaled at each ring's latitude).
    static func areaKm2(_ geometry: GeoGeometry) -> Double {
        var total = 0.0
        for polygon in geometry.polygons {
            for (i, ring) in polygon.enumerated() {
                let (degrees2, centre) = GeoGeometry.ringCentroid(ring)
                let km2 = degrees2 * 111.32 * 111.32 * cos(centre.lat * .pi / 180)
                total += i == 0 ? km2 : -km2
            }
        }
        return max(total, 0)
    }
}
