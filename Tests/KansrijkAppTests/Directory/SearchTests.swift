import Foundation
import Testing
@testable import KansrijkApp

@Suite("Dutch text and search ranking")
struct SearchTests {
    @Test("plurals meet their singular, diacritics fold")
    func stemming() {
        #expect(DutchText.tokens("Schulden") == ["schuld"])
        #expect(DutchText.tokens("Financiën") == DutchText.tokens("financien"))
        #expect(DutchText.tokens("moeders en vaders") == ["moeder", "vader"])
        #expect(DutchText.tokens("verslavingen") == ["verslaving"])
        #expect(DutchText.tokens("kinderen") == ["kind"])
        #expect(DutchText.tokens("de het een") == [])
    }

    @Test("folding: plain ASCII only lower-cased, other text without diacritics too")
    func folding() {
        #expect(DutchText.fold("Zeist GM0355") == "zeist gm0355")
        #expect(DutchText.fold("Financiën ÉÉN") == "financien een")
        #expect(DutchText.words("Baby's & Coördinatie-team") == ["babys", "coordinatie", "team"])
    }

    @Test("ASCII text is split on its bytes into exactly the words the scalar path finds, and stemmed the same")
    func asciiFastPath() {
        var samples = ["Zeist GM0355: Stoppen met roken (18+), 's avonds!", "baby's, BABY'S; Moeders-en-vaders\tverslavingen\n",
                       "", "   ", "a", "ABC_def-ghi.jkl@mno", "gezinnen kinderen Huisbezoeken 030 000 00 00", "~`[]{}|\\^ x1y2z3"]
        // every printable ASCII byte and some control bytes, in words of random length (fixed seed)
        var state: UInt64 = 0x5EED
        for _ in 0..<300 {
            var bytes: [UInt8] = []
            for _ in 0..<Int(state % 40) {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                bytes.append(UInt8(truncatingIfNeeded: state >> 33) % 128)
            }
            samples.append(String(decoding: bytes, as: UTF8.self))
        }
        for text in samples {
            #expect(DutchText.words(text) == DutchText.scalarWords(text), "\(text.debugDescription)")
        }
        // stemming judges ASCII words on their bytes: the same rules, and letters only
        #expect(DutchText.stem("lessen") == "les" && DutchText.stem("mannen") == "man" && DutchText.stem("groepen") == "groep")
        #expect(DutchText.stem("moeders") == "moeder" && DutchText.stem("vrijheden") == "vrijheid" && DutchText.stem("woningen") == "woning")
        #expect(DutchText.stem("route66en") == "route66en" && DutchText.stem("taken") == "taken" && DutchText.stem("baby") == "baby")
        #expect(DutchText.stem("cafés") == "cafés" && DutchText.tokens("Ideeën") == ["idee"])
    }

    @Test("edit distance stops early beyond the limit; two swapped letters are one typo")
    func editDistance() {
        #expect(DutchText.editDistance(Array("voedselbank".utf8), Array("voedselbnak".utf8), limit: 2) == 1)
        #expect(DutchText.editDistance(Array("voedselbank".utf8), Array("voedslebnak".utf8), limit: 2) == 2)
        #expect(DutchText.editDistance(Array("schuld".utf8), Array("schuld".utf8), limit: 1) == 0)
        #expect(DutchText.editDistance(Array("abc".utf8), Array("xyzxyz".utf8), limit: 1) == 2)
    }

    static func record(_ name: String, description: String = "", areas: [String] = [], themes: [String] = [], phases: [String] = [],
                       capacity: Capacity = .available, status: ServiceStatus = .active) -> ServiceRecord {
        let terms = themes.compactMap { Term.find(.thema, $0)?.id } + phases.compactMap { Term.find(.fase, $0)?.id }
        return ServiceRecord(id: UUID(), organisationID: UUID(), organisationName: "Org", name: name, description: description,
                             status: status, applicationProcess: "Bellen", accessRoute: .selfReferral, capacity: capacity,
                             termIDs: terms, areas: areas.map { .init(id: UUID(), municipalityCode: $0) },
                             languages: [], schedules: [], contacts: [], places: [])
    }

    static let municipalities: [DirectorySnapshot.MunicipalityInfo] = [
        .init(code: "GM0355", name: "Zeist", ggdCode: "GG2514"),
        .init(code: "GM0344", name: "Utrecht", ggdCode: "GG2514"),
        .init(code: "GM0654", name: "Borsele", ggdCode: "GG5006"),
    ]

    @Test("compounds match in both directions, and small typos are forgiven")
    func compoundsAndTypos() {
        // setup
        let snapshot = DirectorySnapshot(services: [
            Self.record("Schuldhulpverlening", description: "Hulp bij geldzorgen"),
            Self.record("Hulp bij schulden"),
            Self.record("Voedselbank"),
            Self.record("Moedergroep"),
        ], municipalities: Self.municipalities)
        // act
        let names = { (q: String) in Set(snapshot.search(DirectoryQuery(text: q)).hits.map(\.service.name)) }
        // check
        #expect(names("schuld") == ["Schuldhulpverlening", "Hulp bij schulden"])
        #expect(names("schulden") == ["Schuldhulpverlening", "Hulp bij schulden"])
        #expect(names("schuldhulpverlening").contains("Hulp bij schulden"))
        #expect(names("voedselbnak") == ["Voedselbank"])
        #expect(names("moedergroepen") == ["Moedergroep"])
        #expect(names("groep") == ["Moedergroep"])
    }

    @Test("the client's own municipality first, then the region, then nationwide; other regions left out")
    func localFirst() {
        let snapshot = DirectorySnapshot(services: [
            Self.record("Moedergroep Utrecht", areas: ["GM0344"]),
            Self.record("Moedergroep online"),
            Self.record("Moedergroep Zeist", areas: ["GM0355"]),
            Self.record("Moedergroep Borsele", areas: ["GM0654"]),
        ], municipalities: Self.municipalities)
        let hits = snapshot.search(DirectoryQuery(text: "moedergroep", municipality: "GM0355")).hits
        #expect(hits.map(\.service.name) == ["Moedergroep Zeist", "Moedergroep Utrecht", "Moedergroep online"])
        #expect(hits.map(\.locality) == [.municipality, .region, .nationwide])
    }

    @Test("a name match ranks above a description match")
    func relevance() {
        let snapshot = DirectorySnapshot(services: [
            Self.record("Opvoedspreekuur", description: "Ook vragen over roken"),
            Self.record("Stoppen met roken"),
        ], municipalities: Self.municipalities)
        #expect(snapshot.search(DirectoryQuery(text: "roken")).hits.first?.service.name == "Stoppen met roken")
    }

    @Test("parents do not see what is only for professionals")
    func parents() {
        var mdo = Self.record("MDO", themes: ["financien"])
        mdo.termIDs.append(Term.find(.doelgroep, "professionals")!.id)
        var both = Self.record("Training met ouders", themes: ["financien"])
        both.termIDs += [Term.find(.doelgroep, "professionals")!.id, Term.find(.doelgroep, "moeders")!.id]
        let snapshot = DirectorySnapshot(services: [mdo, both, Self.record("Budgetcursus", themes: ["financien"])],
                                         municipalities: Self.municipalities)
        #expect(snapshot.search(DirectoryQuery(theme: "financien")).total == 3)
        #expect(Set(snapshot.search(DirectoryQuery(theme: "financien", forParents: true)).hits.map(\.service.name))
                == ["Training met ouders", "Budgetcursus"])
    }

    @Test("filters on phase and theme, defunct services hidden, paging counts all")
    func filtersAndPaging() {
        var services = (1...45).map { Self.record("Dienst \($0)", themes: ["financien"], phases: ["0-1"]) }
        services.append(Self.record("Oud aanbod", themes: ["financien"], phases: ["0-1"], status: .defunct))
        services.append(Self.record("Andere fase", themes: ["financien"], phases: ["kinderwens"]))
        let snapshot = DirectorySnapshot(services: services, municipalities: Self.municipalities)
        let page3 = snapshot.search(DirectoryQuery(phase: "0-1", theme: "financien", page: 3, perPage: 20))
        #expect(page3.total == 45)
        #expect(page3.hits.count == 5)
        #expect(page3.totalPages == 3)
    }
}
