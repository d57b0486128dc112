import Foundation
import Testing
@testable import KansrijkApp

/// Everyday phrases on the national-scale directory of the benchmarks (issue 15): the 40,000
/// services `kansrijk demo --national 40000` generates (`NationalDirectory`, seed 1), built here in
/// memory the same way, without a database, once for the suite.
@Suite("Search on the 40,000-service national directory")
struct NationalSearchTests {
    static let snapshot: DirectorySnapshot = {
        let (records, municipalities) = NationalRecords.make(services: 40_000, seed: 1)
        let synonyms = (try? SearchSynonyms.load(path: packageRoot + SearchSynonyms.path)) ?? .builtIn
        return DirectorySnapshot(services: records, municipalities: municipalities, synonyms: synonyms)
    }()

    static func search(_ text: String, in municipality: String) -> DirectoryResults {
        snapshot.search(DirectoryQuery(text: text, municipality: municipality))
    }

    static func themes(_ hit: DirectoryHit) -> Set<String> { Set(hit.service.terms(.thema).map(\.code)) }

    @Test("the directory is the benchmarks' one: 40,000 services over every municipality")
    func size() {
        #expect(Self.snapshot.services.count == 40_000)
        #expect(Self.snapshot.municipalities.count >= 340)
    }

    @Test("psychische klachten in Zeist: local mental-health services first, both words matched")
    func mentalHealthInZeist() {
        let results = Self.search("psychische klachten", in: "GM0355")
        let top = results.hits.prefix(3)
        #expect(top.count == 3)
        #expect(top.allSatisfy { Self.themes($0).contains("psychische-gezondheid") && $0.locality == .municipality },
                "\(top.map(\.service.name))")
        #expect(results.unmatchedWords.isEmpty)
        // everyday and English words for the same theme
        for phrase in ["somber en angstig", "depression", "postnatale depressie"] {
            let hits = Self.search(phrase, in: "GM0355").hits.prefix(3)
            #expect(!hits.isEmpty && hits.allSatisfy { Self.themes($0).contains("psychische-gezondheid") }, "\(phrase): \(hits.map(\.service.name))")
        }
    }

    @Test("money words, a typo and an unknown word, in several municipalities", arguments: ["GM0363", "GM0200", "GM0014", "GM0654"])
    func moneyWords(municipality: String) {
        for phrase in ["betalingsachterstanden", "hulp bij schulden", "schuldhulpverleninh"] {
            let first = Self.search(phrase, in: municipality).hits.first
            #expect(first?.service.name.hasPrefix("Schuldhulpverlening") == true, "\(phrase) in \(municipality): \(first?.service.name ?? "nothing")")
            #expect(first?.locality == .municipality)
        }
        for phrase in ["huurachterstand", "geldzorgen", "debt"] {
            let top = Self.search(phrase, in: municipality).hits.prefix(3)
            #expect(top.count == 3 && top.allSatisfy { Self.themes($0).contains("financien") || Self.themes($0).contains("wonen") },
                    "\(phrase) in \(municipality): \(top.map(\.service.name))")
        }
        #expect(Self.search("voedselbnak", in: municipality).hits.first?.service.name.hasPrefix("Voedselbank") == true)
        let unknown = Self.search("moedergroep kwispelstaart", in: municipality)
        #expect(unknown.hits.first?.service.name.hasPrefix("Moedergroep") == true)
        #expect(unknown.unmatchedWords == ["kwispelstaart"])
    }

    @Test("a phrase of three words ranks the services matching all three first")
    func threeWords() {
        let results = Self.search("groep voor vaders", in: "GM0344")
        let first = try? #require(results.hits.first)
        #expect(first?.service.name.hasPrefix("Vadergroep") == true, "\(results.hits.prefix(3).map(\.service.name))")
        let coverage = results.hits.map { hit in Self.snapshot.textMatch("groep voor vaders")!.masks[hit.doc].nonzeroBitCount }
        #expect(coverage == coverage.sorted(by: >), "more words matched, higher on the page")
    }
}

/// `NationalDirectory.generate` without a database: the same templates, names, random draws
/// (SplitMix64, in the same order) and areas, as the records the snapshot reads.
enum NationalRecords {
    static func make(services: Int, seed: UInt64) -> ([ServiceRecord], [DirectorySnapshot.MunicipalityInfo]) {
        let reference = try! AreaReference.load(dataDirectory: packageRoot + "Resources/Data/")
        let municipalities = reference.municipalities.sorted { $0.code < $1.code }
        let byRegion = Dictionary(grouping: municipalities, by: \.ggdCode)
        let languageCodes = LanguageCatalog.names.map(\.code)
        let templates = NationalDirectory.templates
        var rng = SplitMix64(seed: seed)
        var records: [ServiceRecord] = []
        records.reserveCapacity(services)
        let perMunicipality = max(1, services / municipalities.count)
        var remainder = services - perMunicipality * municipalities.count
        for (mi, m) in municipalities.enumerated() {
            let count = perMunicipality + (remainder > 0 ? 1 : 0)
            if remainder > 0 { remainder -= 1 }
            let orgs = (0..<4).map { k -> (id: UUID, name: String) in
                let kind = templates[(mi + k * 7) % templates.count].kind
                return (StableID.make("gen:\(seed):org:\(m.code):\(k)"),
                        "\(NationalDirectory.prefixes[(mi + k) % NationalDirectory.prefixes.count]) \(kind.label) \(m.name)")
            }
            for i in 0..<count {
                let t = templates[Int(rng.next() % UInt64(templates.count))]
                let org = orgs[i % orgs.count]
                let suffix = NationalDirectory.suffixes[Int(rng.next() % UInt64(NationalDirectory.suffixes.count))]
                let capacity: Capacity = rng.next() % 6 == 0 ? .waitingList : .available
                var termIDs = t.phases.compactMap { Term.find(.fase, $0)?.id } + t.themes.compactMap { Term.find(.thema, $0)?.id }
                termIDs.append(Term.targetGroups[Int(rng.next() % UInt64(Term.targetGroups.count))].id)
                termIDs.append(Term.evidence[Int(rng.next() % UInt64(Term.evidence.count))].id)
                var areas: [ServiceRecord.Area] = []
                let roll = rng.next() % 100
                if roll >= 1 {
                    areas.append(.init(id: UUID(), municipalityCode: m.code))
                    if roll < 30, let region = byRegion[m.ggdCode], region.count > 1 {
                        let other = region[Int(rng.next() % UInt64(region.count))].code
                        if other != m.code { areas.append(.init(id: UUID(), municipalityCode: other)) }
                    }
                }
                var languages = [ServiceRecord.Language(id: UUID(), code: "nl")]
                if rng.next() % 3 == 0 {
                    languages.append(.init(id: UUID(), code: languageCodes[1 + Int(rng.next() % UInt64(languageCodes.count - 1))]))
                }
                _ = rng.next()  // the contact person's draw
                records.append(ServiceRecord(
                    id: StableID.make("gen:\(seed):svc:\(m.code):\(i)"), organisationID: org.id, organisationName: org.name,
                    name: "\(t.name) \(m.name) \(suffix)", description: "\(t.text) Voor inwoners van \(m.name) en omgeving.",
                    parentSummary: t.text, status: .active, applicationProcess: t.access.label + ".", accessRoute: t.access,
                    feesDescription: "Gratis", capacity: capacity, termIDs: Array(Set(termIDs)), areas: areas.sorted { $0.municipalityCode < $1.municipalityCode },
                    languages: languages.sorted { $0.code < $1.code }, schedules: [], contacts: [], places: []))
            }
        }
        return (records, municipalities.map { .init(code: $0.code, name: $0.name, ggdCode: $0.ggdCode) })
    }
}
